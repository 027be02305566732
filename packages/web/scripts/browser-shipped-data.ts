import type { Plugin } from 'vite';
import type * as Profiles from '@opennrm/domain/profiles';
import type * as Screening from '@opennrm/domain/screening';

/**
 * The browser build of the domain without zod (bench/web-size.bench.ts: the screening route's JavaScript, issue 5's
 * 250 KB gzipped). Two parts, both for the browser build only (the server, the prerender, the dev server and the tests
 * run the domain as written):
 *
 * 1. The shipped profiles and screening instruments are validated while building instead of in every browser. The
 *    domain's profiles.ts and shipped-instruments.ts parse their JSON with the zod schemas on first use, which put
 *    zod and every profile schema on the screening route only to accept data that cannot change after the build.
 *    Here the real modules run in Node at build time (so an invalid profile fails the build with the same ProfileError
 *    or InstrumentError), and the browser gets modules with the same exports over the parsed results
 *    (docs/web.md, "Profile in the browser").
 * 2. The domain's module-level zod schemas become pure calls (`pureSchemas`), so the bundler leaves out those that no
 *    browser code reads: the screening route calls rules of modules that also define the API's schemas.
 */
export function browserShippedData(): Plugin {
  const domain = (path: string) => new URL(`../../domain/src/${path}`, import.meta.url).href;
  const modules: Record<string, () => Promise<string>> = {
    '/domain/src/profile/profiles.ts': async () => {
      const { SHIPPED_PROFILES, shippedProfile } = (await import(domain('profile/profiles.ts'))) as typeof Profiles;
      return shippedModule('profile', 'shippedProfile', 'SHIPPED_PROFILES', SHIPPED_PROFILES, shippedProfile);
    },
    '/domain/src/screening/shipped-instruments.ts': async () => {
      const { SHIPPED_INSTRUMENTS, shippedInstrument } = (await import(domain('screening/shipped-instruments.ts'))) as typeof Screening;
      return shippedModule('screening instrument', 'shippedInstrument', 'SHIPPED_INSTRUMENTS', SHIPPED_INSTRUMENTS, shippedInstrument);
    },
  };
  return {
    name: 'opennrm-browser-shipped-data',
    // The dev server keeps the real modules: size does not matter there, and an edited profile shows at once.
    apply: 'build',
    enforce: 'pre',
    transform(code, id, options) {
      if (options?.ssr || !/\/domain\/src\/.*\.ts$/.test(id.replaceAll('\\', '/')) || !code.includes("from 'zod'")) return null;
      return { code: pureSchemas(code, (source) => this.parse(source, { lang: 'ts' })), map: null };
    },
    async load(id, options) {
      if (options?.ssr) return null;
      const shipped = Object.entries(modules).find(([suffix]) => id.replaceAll('\\', '/').endsWith(suffix))?.[1];
      return shipped ? shipped() : null;
    },
  };
}

/** What `pureSchemas` needs of a parsed module: its top-level statements with their offsets (ESTree, as oxc gives). */
interface ParsedModule {
  body: readonly {
    type: string;
    declaration?: { type: string; declarations?: readonly { init?: { type: string; start: number; end: number } | null }[] } | null;
    declarations?: readonly { init?: { type: string; start: number; end: number } | null }[];
  }[];
}

/**
 * A module's source with each top-level constant built by a zod call chain (`const x = z.object(...)...`) wrapped in
 * a pure-annotated arrow call, so the bundler may drop it when nothing reads the constant. Building a zod schema has
 * no effect but the schema (in the browser nobody reads zod's registry of descriptions, which the server's OpenAPI
 * document does). An annotation on the chain itself would mark only its innermost call pure.
 * @param parse parses TypeScript into top-level statements with offsets (the build's `this.parse`).
 */
export function pureSchemas(code: string, parse: (code: string) => ParsedModule): string {
  const wraps: { start: number; end: number }[] = [];
  for (const statement of parse(code).body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const { init } of declaration.declarations ?? [])
      if (init?.type === 'CallExpression' && /\bz\s*\./.test(code.slice(init.start, init.end))) wraps.push(init);
  }
  let pure = code;
  for (const { start, end } of wraps.reverse())
    pure = `${pure.slice(0, start)}/* @__PURE__ */ (() => ${pure.slice(start, end)})()${pure.slice(end)}`;
  return pure;
}

/**
 * The source of a module exporting `listName` (the codes) and `getterName(code)` (the parsed data of that code, as
 * `get` returned it at build time). The getter throws the same Error as the domain's for an unknown code.
 */
export function shippedModule(
  what: string,
  getterName: string,
  listName: string,
  codes: readonly string[],
  get: (code: string) => unknown,
): string {
  const data = Object.fromEntries(codes.map((code) => [code, get(code)]));
  return [
    // JSON.parse of a string literal: parsed faster than the same object as a JavaScript literal.
    `const SHIPPED = JSON.parse(${JSON.stringify(JSON.stringify(data))});`,
    `export const ${listName} = Object.keys(SHIPPED);`,
    `export function ${getterName}(code) {`,
    `  const data = SHIPPED[code];`,
    `  if (!data) throw new Error(\`no shipped ${what} "\${code}"; shipped: \${${listName}.join(', ')}\`);`,
    `  return data;`,
    `}`,
  ].join('\n');
}
