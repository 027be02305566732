import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedProfile } from '@opennrm/domain';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { createDemoAccounts } from '../../src/demo/demo-accounts.ts';
import { exportOpennrmJson } from '../../src/imports/opennrm-json/export-opennrm-json.ts';
import { importOpennrmJson } from '../../src/imports/opennrm-json/import-opennrm-json.ts';
import { TABLES } from '../../src/imports/opennrm-json/tables.ts';
import { Keyring } from '../../src/security/crypto/keyring.ts';
import { TEST_KEYRING } from '../support/test-keyring.ts';
import { keyringConfig } from '../security/keys.fixture.ts';
import { fillExportFixture } from './opennrm-json.fixture.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'opennrm-json-round-trip-'));

async function exportTo(nrm: NrmDatabase, name: string, keyring: Keyring): Promise<string> {
  const file = path.join(dir, name);
  const out = createWriteStream(file);
  await exportOpennrmJson(nrm.db, out, { profile: 'romania', keyring });
  out.end();
  await finished(out);
  return readFileSync(file, 'utf8');
}

/**
 * Export, import into a fresh database (other keys), export again: the same
 * bytes but for the header's `exported_at`. Over the Romania demo (with its
 * role accounts) and the fixture that touches every exported table.
 */
describe(`OpenNRM JSON round trip of the Romania demo on ${TEST_DB_KIND}`, () => {
  let source: NrmDatabase;
  let target: NrmDatabase;
  beforeAll(async () => {
    source = await freshDatabase();
    target = await freshDatabase();
    await loadDemo(source, shippedProfile('romania'), 'romania', { keyring: TEST_KEYRING });
    await createDemoAccounts(source.db);
    await fillExportFixture(source);
  });
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('exports, imports and exports again to the same bytes, with a record of every type', async () => {
    const targetKeyring = new Keyring(keyringConfig(['elsewhere']));
    const first = await exportTo(source, 'first.jsonl', TEST_KEYRING);
    const types = new Map<string, number>();
    for (const line of first.trimEnd().split('\n')) {
      const { type } = JSON.parse(line) as { type: string };
      types.set(type, (types.get(type) ?? 0) + 1);
    }
    for (const spec of TABLES) expect(types.get(spec.type) ?? 0, `${spec.type} records in the export`).toBeGreaterThan(0);
    expect(types.get('victim_case')).toBeGreaterThan(400);

    const outcome = await importOpennrmJson(target, path.join(dir, 'first.jsonl'), { profile: 'romania', keyring: targetKeyring });
    expect(outcome.status).toBe('imported');
    const again = await exportTo(target, 'again.jsonl', targetKeyring);
    const withoutExportedAt = (text: string) => text.replace(/"exported_at":"[^"]*"/, '"exported_at":"-"');
    // Equal as text: a diff would name the first line that differs.
    expect(withoutExportedAt(again).split('\n')).toEqual(withoutExportedAt(first).split('\n'));
    expect(withoutExportedAt(again)).toBe(withoutExportedAt(first));
  });
});
