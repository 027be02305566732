import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { sql, type Kysely, type Transaction } from 'kysely';
import { OPENNRM_JSON_FORMAT, OPENNRM_JSON_VERSION } from '@opennrm/domain';
import type { Database, PersonIdentityData } from '../../db/schema.ts';
import { open } from '../../security/crypto/envelope.ts';
import { openIdentity } from '../../security/crypto/identity-store.ts';
import type { Keyring } from '../../security/crypto/keyring.ts';
import { OPENNRM_JSON_IMPORT_KIND, organisationCodeField, organisationListField, TABLES, type TableSpec } from './tables.ts';

/** Records read from the database per query while exporting. */
const PAGE_SIZE = 2_000;

/** What an export wrote. */
export interface ExportOutcome {
  /** Records written, by type (the header not counted). */
  counts: Record<string, number>;
  /** Records written in all. */
  records: number;
  elapsed_ms: number;
}

function selectList(spec: TableSpec): string {
  return spec.columns
    .map((c) => {
      const col = `t.${c}`;
      if (spec.instants.includes(c)) return `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ${c}`;
      if (spec.decimals.includes(c)) return `${col}::text AS ${c}`;
      if (spec.organisations.includes(c)) return `(SELECT o.code FROM organisation o WHERE o.id = ${col}) AS ${organisationCodeField(c)}`;
      // In list order; an id naming no organisation (the column has no foreign key) is written as
      // it is, so that the import names it instead of the export dropping it.
      if (spec.organisationLists.includes(c))
        return `ARRAY(SELECT coalesce(o.code, u.id::text) FROM unnest(${col}) WITH ORDINALITY AS u(id, n)
          LEFT JOIN organisation o ON o.id = u.id ORDER BY u.n) AS ${organisationListField(c)}`;
      return col;
    })
    .join(', ');
}

/** The page query around its keyset condition: `head (last key) tail`. */
function pageQuery(spec: TableSpec): { head: string; tail: string } {
  let from = `${spec.table} t`;
  let columns = selectList(spec);
  if (spec.type === 'person') {
    // Sealed identities are opened in Node (openSealedIdentity): the database holds no key.
    from += ' LEFT JOIN person_identity_secret pi ON pi.person_id = t.id';
    columns +=
      ', pi.key_id AS identity_key_id, pi.envelope AS identity_envelope' +
      `, to_char(pi.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS identity_updated_at`;
  }
  // A JSON import records itself as a batch for idempotency; that is a transfer, not data.
  const filter = spec.type === 'import_batch' ? `t.kind <> '${OPENNRM_JSON_IMPORT_KIND}' AND ` : '';
  // Codes sort bytewise (COLLATE "C") so that every database lists them in the same order.
  const key = spec.key.map((k) => (k === 'code' ? `t.${k} COLLATE "C"` : `t.${k}`)).join(', ');
  return { head: `SELECT ${columns} FROM ${from} WHERE ${filter}(${key}) >`, tail: `ORDER BY ${key} LIMIT ${PAGE_SIZE}` };
}

/** A person row with its envelope replaced by the decrypted identity, in the file's field order. */
function openSealedIdentity(keyring: Keyring, row: Record<string, unknown>): Record<string, unknown> {
  const { identity_key_id, identity_envelope, identity_updated_at, ...person } = row;
  const identity: PersonIdentityData | null =
    identity_envelope == null
      ? null
      : openIdentity(keyring, person.id as string, identity_envelope as Uint8Array, identity_key_id as string);
  return { ...person, identity, identity_updated_at };
}

/** A row with its sealed JSON columns (spec.sealed) opened: the file carries them in clear. */
function openSealedColumns(keyring: Keyring, spec: TableSpec, row: Record<string, unknown>): Record<string, unknown> {
  if (spec.sealed.length === 0) return row;
  const opened = { ...row };
  for (const sealed of spec.sealed) {
    const envelope = row[sealed.column] as Uint8Array | null;
    opened[sealed.column] =
      envelope == null ? null : (JSON.parse(open(keyring, sealed.context(row), envelope).toString('utf8')) as unknown);
  }
  return opened;
}

async function* tableRows(trx: Transaction<Database>, spec: TableSpec): AsyncGenerator<Record<string, unknown>> {
  const { head, tail } = pageQuery(spec);
  const keyTypes = spec.keyTypes;
  // Keyset paging from the smallest key: '' for text, the nil UUID for ids, the least int4.
  const least = { text: '', uuid: '00000000-0000-0000-0000-000000000000', int: '-2147483648' };
  let after: string[] = keyTypes.map((t) => least[t]);
  for (;;) {
    const last = sql.join(after.map((v, i) => sql`${v}::${sql.raw(keyTypes[i]!)}`));
    const { rows } = await sql<Record<string, unknown>>`${sql.raw(head)} (${last}) ${sql.raw(tail)}`.execute(trx);
    for (const row of rows) yield row;
    if (rows.length < PAGE_SIZE) return;
    const final = rows[rows.length - 1]!;
    after = spec.key.map((k) => String(final[k]));
  }
}

/**
 * Writes every record of the database as OpenNRM JSON Lines (format in
 * @opennrm/domain opennrm-json.ts): a header line, then each record type of
 * TABLES (organisations, accounts, import batches, persons with their
 * identity, victim cases and their teams, referrals, assistance, criminal
 * cases, their victims and suspects, break-glass grants, alerts, consent,
 * erasure requests), each sorted by key, so that exporting the same data
 * twice gives the same lines (bar `exported_at`). Reads in one REPEATABLE
 * READ transaction: a consistent snapshot even while others write. What is
 * left out (credentials, sessions, drafts, the audit trail) and why:
 * NOT_EXPORTED in tables.ts, docs/imports.md.
 *
 * The file holds identifying data (person identities) decrypted with
 * `keyring`, in clear: that is what an export is for (backup, transfer to
 * another OpenNRM, which seals them again under its own key). Treat it as
 * special-category personal data.
 *
 * @param out where the lines go; backpressure is respected, the stream is not ended.
 * @throws IdentityCryptoError when an identity or another sealed value (a
 *   screening's notes) cannot be opened with `keyring` (security/crypto/); the
 *   database's error, or the stream's.
 */
export async function exportOpennrmJson(
  db: Kysely<Database>,
  out: Writable,
  options: { profile: string; keyring: Keyring },
): Promise<ExportOutcome> {
  const started = performance.now();
  const write = async (record: Record<string, unknown>) => {
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
  };
  const counts: Record<string, number> = {};
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await write({
        type: 'header',
        format: OPENNRM_JSON_FORMAT,
        version: OPENNRM_JSON_VERSION,
        profile: options.profile,
        exported_at: new Date().toISOString(),
      });
      for (const spec of TABLES) {
        let n = 0;
        for await (const row of tableRows(trx, spec)) {
          const opened = openSealedColumns(options.keyring, spec, row);
          await write({ type: spec.type, ...(spec.type === 'person' ? openSealedIdentity(options.keyring, opened) : opened) });
          n++;
        }
        counts[spec.type] = n;
      }
    });
  return { counts, records: Object.values(counts).reduce((a, b) => a + b, 0), elapsed_ms: performance.now() - started };
}
