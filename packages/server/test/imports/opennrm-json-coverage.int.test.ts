import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { opennrmJsonLineSchema, OPENNRM_JSON_TYPES } from '@opennrm/domain';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import { NOT_EXPORTED, organisationCodeField, organisationListField, TABLES } from '../../src/imports/opennrm-json/tables.ts';

/**
 * The guard of "export then import is lossless": every column of every table
 * of the migrated database is either exported (TABLES in
 * imports/opennrm-json/tables.ts) or listed in NOT_EXPORTED with its reason.
 * A migration that adds a table or a column fails here until the export
 * carries it (a TableSpec, a line schema in @opennrm/domain opennrm-json.ts,
 * a record in test/imports/opennrm-json.fixture.ts) or NOT_EXPORTED says why not.
 */
describe(`OpenNRM JSON export covers the whole database on ${TEST_DB_KIND}`, () => {
  let nrm: NrmDatabase;
  let catalogue: Map<string, Set<string>>;
  beforeAll(async () => {
    nrm = await freshDatabase();
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      SELECT c.table_name, c.column_name
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name, c.ordinal_position`.execute(nrm.db);
    catalogue = new Map();
    for (const r of rows) catalogue.set(r.table_name, (catalogue.get(r.table_name) ?? new Set()).add(r.column_name));
  });
  afterAll(async () => {
    await nrm.close();
  });

  const exported = () => new Map(TABLES.map((s) => [s.table, new Set(s.columns)]));

  it('exports every column of every table, or says in NOT_EXPORTED why not', () => {
    const forgotten: string[] = [];
    for (const [table, columns] of catalogue) {
      const excluded = NOT_EXPORTED[table] ?? {};
      if ('*' in excluded) continue;
      for (const column of columns) if (!exported().get(table)?.has(column) && !(column in excluded)) forgotten.push(`${table}.${column}`);
    }
    expect(forgotten, 'columns neither exported (TABLES in imports/opennrm-json/tables.ts) nor in NOT_EXPORTED with a reason').toEqual([]);
  });

  it('names only tables and columns that exist, each once, with a reason', () => {
    const stale: string[] = [];
    const twice: string[] = [];
    for (const [table, columns] of exported()) {
      for (const column of columns) {
        if (!catalogue.get(table)?.has(column)) stale.push(`exported ${table}.${column}`);
        if (NOT_EXPORTED[table]?.[column] !== undefined || NOT_EXPORTED[table]?.['*'] !== undefined) twice.push(`${table}.${column}`);
      }
    }
    for (const [table, excluded] of Object.entries(NOT_EXPORTED)) {
      for (const [column, reason] of Object.entries(excluded)) {
        if (!catalogue.has(table) || (column !== '*' && !catalogue.get(table)!.has(column))) stale.push(`NOT_EXPORTED ${table}.${column}`);
        expect(reason.length, `${table}.${column}: a reason in words`).toBeGreaterThan(20);
      }
    }
    expect(stale).toEqual([]);
    expect(twice).toEqual([]);
  });

  it('has a line schema whose fields are exactly the exported columns, for every record type, in file order', () => {
    expect(TABLES.map((s) => s.type)).toEqual([...OPENNRM_JSON_TYPES]);
    const shapes = new Map(
      opennrmJsonLineSchema.options.map((o) => [
        (o.shape.type as { value: string }).value,
        Object.keys(o.shape).filter((k) => k !== 'type'),
      ]),
    );
    for (const spec of TABLES) {
      const fields = spec.columns.map((c) =>
        spec.organisations.includes(c) ? organisationCodeField(c) : spec.organisationLists.includes(c) ? organisationListField(c) : c,
      );
      // Persons carry their opened identity (person_identity_secret, in NOT_EXPORTED with the reason).
      if (spec.type === 'person') fields.push('identity', 'identity_updated_at');
      expect(shapes.get(spec.type), spec.type).toEqual(fields);
    }
  });
});
