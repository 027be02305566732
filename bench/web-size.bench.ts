/**
 * Screening route size: the JavaScript a phone downloads to open the
 * screening wizard, gzipped. Target (issue 5, Done when): at most 250 KB.
 *
 * Builds the web app (vite build), then follows Vite's manifest from the
 * entry (index.html) and the wizard's lazy chunk (src/screening/ScreeningWizard.tsx)
 * through their static imports, and adds the language bundles that route
 * loads at start (i18n.ts's namespaces): the app's strings
 * (src/i18n/locales/app/<language>.json) and, for Romanian, Ukrainian and
 * Hungarian, the screening questions (src/i18n/instrument/<language>.json).
 * Each file is gzipped at level 6 (what a web server or CDN typically sends). CSS is reported beside it, not counted as JavaScript.
 *
 * Run: `npx node bench/web-size.bench.ts`. Writes the section "Screening
 * route size" of bench/RESULTS.md and leaves the other sections alone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const WEB = fileURLToPath(new URL('../packages/web/', import.meta.url));
const DIST = `${WEB}dist/`;
const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const TARGET_KB = 250;

execFileSync(
  process.execPath,
  [fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url)), 'build', '--logLevel', 'warn'],
  {
    cwd: WEB,
    stdio: 'inherit',
  },
);
const manifest = JSON.parse(readFileSync(`${DIST}.vite/manifest.json`, 'utf8')) as Record<string, ManifestChunk>;

const gz = (file: string) => gzipSync(readFileSync(`${DIST}${file}`), { level: 6 }).length;
const raw = (file: string) => readFileSync(`${DIST}${file}`).length;

/** The chunk and everything it imports statically (loaded before it runs). */
function closure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) closure(imported, seen);
  return seen;
}

const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
const wizard = Object.keys(manifest).find((k) => k.endsWith('src/screening/ScreeningWizard.tsx'))!;
const routeChunks = new Set([...closure(entry), ...closure(wizard)]);
const routeFiles = [...routeChunks].map((k) => manifest[k]!.file);
const css = [...new Set([...routeChunks].flatMap((k) => manifest[k]!.css ?? []))];

// The namespaces i18n.ts loads before the first screen (its `ns`): `app` from locales/app/<language>.json, and
// `instrument` (none for English, whose questions are the instrument's own). Each must be in the build: a bundle
// that moved would otherwise drop out of the sum unnoticed.
const START_NAMESPACES = readFileSync(`${WEB}src/i18n/i18n.ts`, 'utf8').match(/\bns: \[([^\]]*)\]/)?.[1];
if (START_NAMESPACES !== "'app', 'instrument'") throw new Error(`i18n.ts loads other namespaces at start: ${START_NAMESPACES}`);
const languageFiles = (language: string) => {
  const app = manifest[`src/i18n/locales/app/${language}.json`]?.file;
  if (!app) throw new Error(`no src/i18n/locales/app/${language}.json in the build`);
  const instrument = manifest[`src/i18n/instrument/${language}.json`]?.file;
  if (!instrument && language !== 'en') throw new Error(`no src/i18n/instrument/${language}.json in the build`);
  return instrument ? [app, instrument] : [app];
};

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const rows = ['ro', 'en', 'uk', 'hu'].map((language) => {
  const files = [...routeFiles, ...languageFiles(language)];
  const gzip = files.reduce((n, f) => n + gz(f), 0);
  return { language, files: files.length, raw: files.reduce((n, f) => n + raw(f), 0), gzip };
});
const biggest = routeFiles
  .map((f) => ({ f, gzip: gz(f) }))
  .sort((a, b) => b.gzip - a.gzip)
  .slice(0, 4);

const section = [
  '## Screening route size',
  '',
  `Measured by \`npx node bench/web-size.bench.ts\` on ${new Date().toISOString().slice(0, 10)}: the JavaScript that opening`,
  'the screening wizard loads (the entry chunk, the wizard chunk and their static imports, plus the language bundles',
  'of that language: locales/app and instrument), each file gzipped at level 6. Target (issue 5): at most 250 KB gzipped.',
  '',
  '| language | files | raw | gzipped | target |',
  '|---|---:|---:|---:|---|',
  ...rows.map(
    (r) => `| ${r.language} | ${r.files} | ${kb(r.raw)} KB | ${kb(r.gzip)} KB | ${r.gzip / 1024 <= TARGET_KB ? 'met' : 'missed'} |`,
  ),
  '',
  `Largest chunks (gzipped): ${biggest.map((b) => `${b.f} ${kb(b.gzip)} KB`).join('; ')}.`,
  `CSS of the route, not counted above: ${css.map((f) => `${f} ${kb(gz(f))} KB gzipped`).join('; ')}.`,
  '',
  'Earlier entries (246.5-249.3 KB, 2026-11-29) left out the app language bundle: this bench added',
  '`src/i18n/locales/<language>.json`, which no longer existed once the strings moved to `locales/app/`, and skipped',
  'it silently (it now fails instead). Counted, that tree was 256.9-261.3 KB: over the target. Then the browser build',
  'stopped running zod (packages/web/scripts/browser-shipped-data.ts: the shipped profile and instrument are validated',
  'while building, and module-level schemas no browser code reads are dropped), which took zod (86 KB raw) and the',
  'profile schemas off the route: 228.2-232.5 KB. Then sign-in, the password change and "my work" (with its referrals',
  'and deadlines cards) became lazy chunks (src/app/App.tsx).',
  '',
].join('\n');

const current = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
const pattern = /## Screening route size\n[\s\S]*?(?=\n## |$)/;
const next = pattern.test(current) ? current.replace(pattern, section.trimEnd() + '\n') : `${current.trimEnd()}\n\n${section}`;
writeFileSync(RESULTS, next);
console.log(section);
