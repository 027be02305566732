/**
 * Generates the web app's typed API client types from the server's OpenAPI
 * document: builds the API with `buildApp` on an in-memory PGlite (no data
 * folder, no server), takes `app.swagger()`, and writes
 * `src/api/schema.gen.ts` with openapi-typescript, formatted by prettier.
 *
 *   node scripts/api-types.ts           write the file
 *   node scripts/api-types.ts --check   exit 1 when the file is not current (npm test runs this)
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { shippedProfile } from '@opennrm/domain';
import { buildApp, Keyring, migrateToLatest, openDatabase } from '@opennrm/server';

const TARGET = fileURLToPath(new URL('../src/api/schema.gen.ts', import.meta.url));

async function openApiDocument(): Promise<unknown> {
  const nrm = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrateToLatest(nrm.db);
    // A throwaway keyring: the document does not depend on keys, and no identity is ever sealed here.
    const keyring = new Keyring({ active: 'k', keys: { k: randomBytes(32).toString('base64') } }, 'OpenAPI dump');
    const app = await buildApp({ nrm, profile: shippedProfile('romania'), keyring, logger: false });
    try {
      return app.swagger();
    } finally {
      await app.close();
    }
  } finally {
    await nrm.close();
  }
}

async function generate(): Promise<string> {
  const document = await openApiDocument();
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0]);
  const source = astToString(ast);
  const options = (await resolveConfig(TARGET)) ?? {};
  return format(source, { ...options, filepath: TARGET });
}

const generated = await generate();
if (process.argv.includes('--check')) {
  const current = await readFile(TARGET, 'utf8').catch(() => '');
  if (current !== generated) {
    console.error('packages/web/src/api/schema.gen.ts is out of date with the API: run `npm run api-types -w @opennrm/web` and commit it.');
    process.exit(1);
  }
  console.log('API types are current.');
} else {
  await writeFile(TARGET, generated);
  console.log(`wrote ${TARGET}`);
}
