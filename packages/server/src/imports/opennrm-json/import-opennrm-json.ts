import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import {
  parseOpennrmJsonLine,
  OPENNRM_JSON_TYPES,
  OPENNRM_JSON_VERSION,
  type OpennrmJsonLine,
  shippedProfile,
  type JurisdictionProfile,
  type OpennrmJsonVersion,
  problemText,
} from '@opennrm/domain';
import type { BulkTransaction, NrmDatabase } from '../../db/database.ts';
import { claimImportBatch, completeImportBatch, sha256File, type ImportOutcome, type ImportProgress } from '../import-batch.ts';
import { RowProblemCollector } from '../import-errors.ts';
import { checkImportFile } from '../import-file.ts';
import { newId } from '../../shared/ids.ts';
import type { PersonIdentityData } from '../../db/schema.ts';
import type { Keyring } from '../../security/crypto/keyring.ts';
import { seal } from '../../security/crypto/envelope.ts';
import { byteaHex, sealedIdentityRows } from '../../security/crypto/sealed-rows.ts';
import {
  birthProblem,
  caseBegan,
  eventDayProblem,
  servicePeriodProblem,
  type DateProblem,
  type VictimCaseDates,
} from '../../shared/date-bounds.ts';
import { OPENNRM_JSON_IMPORT_KIND, organisationCodeField, organisationListField, TABLES, type TableSpec } from './tables.ts';

/** Records sent to the database per statement. */
const FLUSH_EVERY = 1_000;
const PROGRESS_EVERY_LINES = 5_000;

/** Options of importOpennrmJson. */
export interface OpennrmJsonImportOptions {
  /** The profile of the receiving database: a file exported under another profile is refused. */
  profile: string;
  /**
   * That profile itself, whose calendar (annual_report.time_zone) bounds the dates as the API does; default the
   * shipped profile of that code (a deployment with its own profile file passes it).
   */
  jurisdiction?: JurisdictionProfile;
  /** The moment "today" is taken from for the date bounds. Default now. */
  now?: Date;
  /** Seals the file's identities under this database's active key (the file carries them in clear). */
  keyring: Keyring;
  onProgress?: (progress: ImportProgress) => void;
  /** Bad lines reported before giving up. Default 100. */
  maxProblems?: number;
}

/** What a JSON import did: ImportOutcome plus records already present (same id), by type. */
export interface OpennrmJsonImportOutcome extends ImportOutcome {
  added: Record<string, number>;
  already_present: Record<string, number>;
}

const SPECS = new Map(TABLES.map((s) => [s.type, s]));

type Pending = { spec: TableSpec; lines: number[]; rows: Record<string, unknown>[] };

/**
 * Imports an OpenNRM JSON Lines file (written by exportOpennrmJson; format in
 * @opennrm/domain opennrm-json.ts) into this database.
 *
 * - Lossless: records keep their ids, timestamps (microseconds) and fields;
 *   organisations are matched by code (a code this database lacks is added).
 *   Accounts keep their ids; one this database lacks is added without a
 *   usable password (NO_PASSWORD, accounts/passwords.ts) until an administrator issues one.
 * - Reads version 1 files too (their records get the values migrations 0007
 *   and 0010 gave existing rows: @opennrm/domain upgradeVersion1Record).
 * - Identities arrive in clear and are sealed in Node under `keyring`'s
 *   active key before they reach the database, with their `updated_at`.
 * - Idempotent: a file imported before (same SHA-256) adds nothing; a record
 *   whose id exists is left as it is (counted in `already_present`), so
 *   importing another export of the same data adds nothing either.
 * - Dates are bounded as the API bounds them (shared/date-bounds.ts): a birth
 *   year after this year, a date of birth before 1900 or after today, a
 *   service before its victim case began or more than 366 days ahead, a
 *   procedural event before its criminal case opened is a bad line naming its
 *   field. Records whose id this database holds already are not checked
 *   (they are not written).
 * - Transactional: one transaction; any bad line, date out of bounds, unknown organisation code,
 *   reference to a record that is nowhere, case number or username held by
 *   another record of this database, or database refusal leaves the database
 *   as it was.
 *
 * @throws ImportRowError naming line, field and reason (up to `maxProblems`);
 *   for a database refusal, the lines of the statement that failed.
 */
export async function importOpennrmJson(
  nrm: NrmDatabase,
  path: string,
  options: OpennrmJsonImportOptions,
): Promise<OpennrmJsonImportOutcome> {
  const started = performance.now();
  const problems = new RowProblemCollector(options.maxProblems ?? 100);
  const totalBytes = await checkImportFile(path, 'an OpenNRM JSON Lines text file');
  const fileSha256 = await sha256File(path);
  const added: Record<string, number> = {};
  const present: Record<string, number> = {};
  // Resolved when a date is first bounded: a file of another profile is refused before that.
  let resolved = options.jurisdiction;
  const jurisdiction = () => (resolved ??= shippedProfile(options.profile));
  const now = options.now ?? new Date();

  return nrm.bulk(async (tx): Promise<OpennrmJsonImportOutcome> => {
    const claim = await claimImportBatch(tx, { kind: OPENNRM_JSON_IMPORT_KIND, file_name: basename(path), file_sha256: fileSha256 });
    if (!claim.claimed) {
      return {
        status: 'already_imported',
        batch_id: claim.batch.id,
        file_sha256: fileSha256,
        rows: 0,
        previous_rows: claim.batch.row_count,
        previous_imported_at: claim.batch.imported_at,
        elapsed_ms: performance.now() - started,
        added,
        already_present: present,
      };
    }
    const organisations = new Map<string, string>();
    const loadOrganisations = async () => {
      for (const o of await tx.query<{ code: string; id: string }>('SELECT code, id FROM organisation')) organisations.set(o.code, o.id);
    };
    await loadOrganisations();
    // Records refused, by "type:id" (organisations "organisation:code"), with
    // their line: a record that refers to one is not reported again, since it
    // would be fine once that line is fixed.
    const rejected = new Map<string, number>();
    const reject = (type: string, key: unknown, line: number) => {
      if (typeof key === 'string' && !rejected.has(`${type}:${key}`)) rejected.set(`${type}:${key}`, line);
    };
    // Once the database refuses a statement the transaction is over: stop reading.
    let refused = false;

    let pending: Pending | null = null;
    // Valid records are written even after a problem (the transaction rolls
    // back in the end): later lines are then checked against what the file
    // really holds, and no problem is reported that only follows from another.
    const flush = async () => {
      if (!pending || pending.rows.length === 0 || refused) return;
      const { spec } = pending;
      let { rows, lines } = pending;
      pending = null;
      const missing = await missingReferences(tx, spec, rows);
      for (const [i, { column, value }] of await takenValues(tx, spec, rows))
        if (!missing.has(i)) missing.set(i, { column, value, taken: true });
      for (const [i, bound] of await impossibleDates(tx, spec, rows, jurisdiction, now))
        if (!missing.has(i)) missing.set(i, { column: bound.field, value: '', reason: problemText(bound) });
      if (missing.size > 0) {
        for (const [i, { column, value, taken, reason: bound }] of missing) {
          const target = spec.references.find((r) => r.column === column)?.type;
          const reason =
            bound ??
            (taken
              ? `"${value}" belongs to another ${spec.type} of this database`
              : `no ${target} with id ${value} in this database or earlier in the file`);
          problems.add({ line: lines[i]!, column, reason });
          reject(spec.type, rows[i]![spec.key[0]!], lines[i]!);
        }
        lines = lines.filter((_, i) => !missing.has(i));
        rows = rows.filter((_, i) => !missing.has(i));
      }
      const result = await insertRows(tx, spec, rows, options.keyring);
      if ('refusal' in result) {
        refused = true;
        problems.add({
          line: lines[0]!,
          column: '',
          reason: `the database refused the ${spec.type} records of lines ${lines[0]}–${lines[lines.length - 1]}: ${result.refusal}`,
        });
        return;
      }
      added[spec.type] = (added[spec.type] ?? 0) + result.inserted;
      present[spec.type] = (present[spec.type] ?? 0) + rows.length - result.inserted;
      if (spec.type === 'organisation') await loadOrganisations();
    };

    let lineNo = 0;
    let bytes = 0;
    let sawHeader = false;
    let version: OpennrmJsonVersion = OPENNRM_JSON_VERSION;
    let lastTypeIndex = -1;
    const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const text of lines) {
      lineNo++;
      bytes += text.length + 1;
      if (lineNo % PROGRESS_EVERY_LINES === 0) options.onProgress?.({ phase: 'importing', bytes, total_bytes: totalBytes, rows: lineNo });
      if (text.trim() === '') continue;
      const parsed = parseOpennrmJsonLine(text, version);
      if (!parsed.ok) {
        for (const p of parsed.problems) problems.add({ line: lineNo, column: p.field, reason: p.reason });
        // A bad header (another version, not an export at all): nothing after it can be read as intended.
        if (!sawHeader) break;
        const raw = rawKey(text);
        if (raw) reject(raw.type, raw.key, lineNo);
        if (problems.full) break;
        continue;
      }
      const record: OpennrmJsonLine = parsed.line;
      if (record.type === 'header') {
        if (sawHeader) problems.add({ line: lineNo, column: 'type', reason: 'a second header line' });
        else if (record.profile !== options.profile) {
          problems.add({
            line: lineNo,
            column: 'profile',
            reason: `exported under profile "${record.profile}"; this database uses "${options.profile}"`,
          });
          // Its records follow another profile's rules: checking them against this one would only report that difference.
          break;
        }
        if (!sawHeader) version = record.version;
        sawHeader = true;
        continue;
      }
      if (!sawHeader) {
        problems.add({ line: lineNo, column: 'type', reason: 'records before the header line: not an OpenNRM export' });
        break;
      }
      const typeIndex = OPENNRM_JSON_TYPES.indexOf(record.type);
      if (typeIndex < lastTypeIndex) {
        problems.add({
          line: lineNo,
          column: 'type',
          reason: `"${record.type}" after "${OPENNRM_JSON_TYPES[lastTypeIndex]}": records must come in the order ${OPENNRM_JSON_TYPES.join(', ')}`,
        });
        continue;
      }
      lastTypeIndex = typeIndex;
      const spec = SPECS.get(record.type)!;
      // The records this one refers to are all of earlier types: write them first.
      if (pending && pending.spec !== spec) await flush();
      if (refused) break;
      const row = toRow(spec, record, organisations, rejected, (column, reason) => problems.add({ line: lineNo, column, reason }));
      if (!row) {
        reject(spec.type, (record as Record<string, unknown>)[spec.key[0]!], lineNo);
        if (problems.full) break;
        continue;
      }
      pending ??= { spec, lines: [], rows: [] };
      pending.rows.push(row);
      pending.lines.push(lineNo);
      if (pending.rows.length >= FLUSH_EVERY) await flush();
    }
    await flush();
    if (!sawHeader && problems.count === 0) problems.add({ line: 1, column: 'type', reason: 'no header line: not an OpenNRM export' });
    problems.throwIfAny(path);
    options.onProgress?.({ phase: 'importing', bytes: totalBytes, total_bytes: totalBytes, rows: lineNo });
    const rows = Object.values(added).reduce((a, b) => a + b, 0);
    await completeImportBatch(tx, claim.id, rows);
    return {
      status: 'imported',
      batch_id: claim.id,
      file_sha256: fileSha256,
      rows,
      elapsed_ms: performance.now() - started,
      added,
      already_present: present,
    };
  });
}

/**
 * The database row for a record: organisation codes resolved to ids. Null
 * when it cannot be written: a problem is reported for an unknown code, and
 * none when it refers to a record refused on another line (`rejected`).
 */
function toRow(
  spec: TableSpec,
  record: OpennrmJsonLine,
  organisations: Map<string, string>,
  rejected: ReadonlyMap<string, number>,
  problem: (column: string, reason: string) => void,
): Record<string, unknown> | null {
  const source = record as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const { column, type } of spec.references) if (rejected.has(`${type}:${String(source[column])}`)) return null;
  for (const column of spec.organisations) if (rejected.has(`organisation:${String(source[organisationCodeField(column)])}`)) return null;
  for (const column of spec.organisationLists)
    if ((source[organisationListField(column)] as string[]).some((code) => rejected.has(`organisation:${code}`))) return null;
  let ok = true;
  for (const column of spec.columns) {
    if (spec.organisationLists.includes(column)) {
      const field = organisationListField(column);
      row[column] = (source[field] as string[]).map((code, index) => {
        if (!organisations.has(code)) {
          problem(`${field}.${index}`, `no organisation with code "${code}" in this database or earlier in the file`);
          ok = false;
        }
        return organisations.get(code);
      });
      continue;
    }
    if (!spec.organisations.includes(column)) {
      row[column] = source[column];
      continue;
    }
    const field = organisationCodeField(column);
    const code = source[field] as string | null;
    if (code == null) row[column] = null;
    else if (organisations.has(code)) row[column] = organisations.get(code);
    else {
      problem(field, `no organisation with code "${code}" in this database or earlier in the file`);
      ok = false;
    }
  }
  Object.assign(row, spec.importValues);
  if (record.type === 'organisation') row.id = newId();
  if (record.type === 'person') {
    row.identity = record.identity;
    row.identity_updated_at = record.identity_updated_at;
  }
  return ok ? row : null;
}

/** The type and key (id, or an organisation's code) of a line that is JSON but not a valid record, if it names them. */
function rawKey(text: string): { type: string; key: unknown } | null {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { type, id, code } = value as Record<string, unknown>;
    return typeof type === 'string' ? { type, key: type === 'organisation' ? code : id } : null;
  } catch {
    return null;
  }
}

/**
 * Rows (by index) that refer to a record neither in the database nor
 * written earlier from the file, with the first such column and its value.
 * A row whose own key exists is left out: it will not be written anyway.
 * One query a reference column, on the primary key of the table referred to.
 */
async function missingReferences(
  tx: BulkTransaction,
  spec: TableSpec,
  rows: readonly Record<string, unknown>[],
): Promise<Map<number, { column: string; value: string; taken?: boolean; reason?: string }>> {
  const missing = new Map<number, { column: string; value: string; taken?: boolean; reason?: string }>();
  for (const { column, type } of spec.references) {
    // A record may refer to one of its own type in the same batch (a re-sent referral): one statement writes both.
    const batch = type === spec.type ? new Set(rows.map((r) => r[spec.key[0]!])) : new Set();
    const refs = rows.map((r, i) => ({ i, ref: r[column] })).filter((r) => r.ref != null && !missing.has(r.i) && !batch.has(r.ref));
    if (refs.length === 0) continue;
    const found = await tx.query<{ i: number }>(
      `SELECT r.i FROM json_to_recordset($1::json) AS r(i int, ref uuid)
       WHERE NOT EXISTS (SELECT 1 FROM ${SPECS.get(type)!.table} t WHERE t.id = r.ref)`,
      [JSON.stringify(refs)],
    );
    for (const { i } of found) missing.set(i, { column, value: String(rows[i]![column]) });
  }
  // Every single-column key of a table with references is a uuid id.
  if (missing.size > 0 && spec.key.length === 1) {
    const key = spec.key[0]!;
    const candidates = [...missing.keys()].map((i) => ({ i, key: rows[i]![key] }));
    const existing = await tx.query<{ i: number }>(
      `SELECT r.i FROM json_to_recordset($1::json) AS r(i int, key uuid)
       WHERE EXISTS (SELECT 1 FROM ${spec.table} t WHERE t.${key} = r.key)`,
      [JSON.stringify(candidates)],
    );
    for (const { i } of existing) missing.delete(i);
  }
  return missing;
}

/**
 * Rows (by index) that would be new but hold a date the API refuses (shared/date-bounds.ts, the same helpers):
 * a person's birth, a service's period against the day its victim case began (in this database: victim cases
 * come earlier in the file and are written first), a procedural event's day against the day its criminal case
 * opened. Rows whose id exists are left out: they are not written. At most one query for the type.
 * @returns the field (a column, or identity.date_of_birth) and the reason, by row index.
 */
async function impossibleDates(
  tx: BulkTransaction,
  spec: TableSpec,
  rows: readonly Record<string, unknown>[],
  profile: () => JurisdictionProfile,
  now: Date,
): Promise<Map<number, DateProblem>> {
  const problems = new Map<number, DateProblem>();
  if (spec.type !== 'person' && spec.type !== 'assistance' && spec.type !== 'procedural_event') return problems;
  const indexes = rows.map((_, i) => i);
  const fresh = new Set(
    (
      await tx.query<{ i: number }>(
        `SELECT r.i FROM json_to_recordset($1::json) AS r(i int, key uuid)
         WHERE NOT EXISTS (SELECT 1 FROM ${spec.table} t WHERE t.id = r.key)`,
        [JSON.stringify(indexes.map((i) => ({ i, key: rows[i]!.id })))],
      )
    ).map((r) => r.i),
  );
  if (spec.type === 'person') {
    for (const i of fresh) {
      const row = rows[i]!;
      const problem = birthProblem(
        { birth_year: row.birth_year as number | null, identity: row.identity as { date_of_birth?: string | null } | null },
        profile(),
        '',
        now,
      );
      if (problem) problems.set(i, problem);
    }
    return problems;
  }
  // Dates as text: the same on both engines, compared as ISO days.
  const [parent, sql] =
    spec.type === 'assistance'
      ? [
          'victim_case_id',
          `SELECT r.i, v.potential_on::text, v.presumed_on::text, v.identified_on::text, v.registration_year,
                  (v.created_at AT TIME ZONE 'UTC')::date::text AS created_on
           FROM json_to_recordset($1::json) AS r(i int, parent uuid) JOIN victim_case v ON v.id = r.parent`,
        ]
      : [
          'criminal_case_id',
          `SELECT r.i, c.opened_on::text FROM json_to_recordset($1::json) AS r(i int, parent uuid)
           JOIN criminal_case c ON c.id = r.parent`,
        ];
  const found = await tx.query<{ i: number; opened_on?: string } & Partial<VictimCaseDates>>(sql, [
    JSON.stringify([...fresh].map((i) => ({ i, parent: rows[i]![parent] }))),
  ]);
  // In the file's order: the database returns rows in any order.
  for (const f of found.sort((a, b) => a.i - b.i)) {
    const row = rows[f.i]!;
    const problem =
      spec.type === 'assistance'
        ? servicePeriodProblem(
            { started_on: row.started_on as string | null, ended_on: row.ended_on as string | null },
            caseBegan(f as VictimCaseDates),
            profile(),
            '',
            now,
          )
        : eventDayProblem(row.occurred_on as string, f.opened_on!, 'occurred_on');
    if (problem) problems.set(f.i, problem);
  }
  return problems;
}

/**
 * Rows (by index) that would be new but whose value of a unique column
 * (spec.unique: a case number, a username) another record of this database
 * holds, with the first such column and its value. Rows whose id exists are
 * left out: they are not written. Duplicates within the file itself are left
 * to the database (the statement is refused, naming its lines).
 */
async function takenValues(
  tx: BulkTransaction,
  spec: TableSpec,
  rows: readonly Record<string, unknown>[],
): Promise<Map<number, { column: string; value: string }>> {
  const taken = new Map<number, { column: string; value: string }>();
  // Every table with unique columns is keyed by its uuid id.
  for (const column of spec.unique) {
    const values = rows.map((r, i) => ({ i, key: r.id, value: r[column] })).filter((r) => !taken.has(r.i));
    const found = await tx.query<{ i: number }>(
      `SELECT r.i FROM json_to_recordset($1::json) AS r(i int, key uuid, value text)
       WHERE EXISTS (SELECT 1 FROM ${spec.table} t WHERE t.${column} = r.value)
         AND NOT EXISTS (SELECT 1 FROM ${spec.table} t WHERE t.id = r.key)`,
      [JSON.stringify(values)],
    );
    for (const { i } of found) taken.set(i, { column, value: String(rows[i]![column]) });
  }
  return taken;
}

/**
 * Inserts rows set-wise (json_populate_recordset: one parameter, any number
 * of rows), skipping those whose key exists.
 * @returns how many were new, or the database's refusal (e.g. a case number held by
 *   another case), after which the transaction accepts no more statements.
 */
async function insertRows(
  tx: BulkTransaction,
  spec: TableSpec,
  rows: Record<string, unknown>[],
  keyring: Keyring,
): Promise<{ inserted: number } | { refusal: string }> {
  if (rows.length === 0) return { inserted: 0 };
  // Sealed JSON columns arrive in clear: seal them under this database's active key.
  if (spec.sealed.length > 0)
    rows = rows.map((row) => {
      const sealed = { ...row };
      for (const column of spec.sealed) {
        const value = row[column.column];
        if (value != null)
          sealed[column.column] = byteaHex(seal(keyring, column.context(row), Buffer.from(JSON.stringify(value), 'utf8')).envelope);
      }
      return sealed;
    });
  // Organisations get this database's own ids; everything else keeps its id.
  const columns = [...(spec.type === 'organisation' ? ['id'] : []), ...spec.columns, ...Object.keys(spec.importValues)].join(', ');
  try {
    const [result] = await tx.query<{ n: number }>(
      `WITH added AS (
         INSERT INTO ${spec.table} (${columns})
         SELECT ${columns} FROM json_populate_recordset(NULL::${spec.table}, $1::json)
         ON CONFLICT (${spec.key.join(', ')}) DO NOTHING RETURNING 1
       ) SELECT count(*)::int AS n FROM added`,
      [JSON.stringify(rows)],
    );
    if (spec.type === 'person') {
      // Identities of persons without one in this database only: an existing identity is kept.
      const sealed = rows
        .filter((r) => r.identity != null)
        .map((r) => ({
          ...sealedIdentityRows(keyring, r.id as string, r.identity as PersonIdentityData),
          updated_at: r.identity_updated_at,
        }));
      if (sealed.length > 0) {
        const secrets = sealed.map(({ secret, updated_at }) => ({ ...secret, envelope: byteaHex(secret.envelope), updated_at }));
        const added = await tx.query<{ person_id: string }>(
          `INSERT INTO person_identity_secret (person_id, key_id, envelope, updated_at)
           SELECT person_id, key_id, envelope, coalesce(updated_at, now())
           FROM json_populate_recordset(NULL::person_identity_secret, $1::json)
           ON CONFLICT (person_id) DO NOTHING RETURNING person_id`,
          [JSON.stringify(secrets)],
        );
        const addedIds = new Set(added.map((r) => r.person_id));
        const index = sealed.filter(({ secret }) => addedIds.has(secret.person_id)).flatMap(({ index }) => index);
        if (index.length > 0)
          await tx.query(
            `INSERT INTO person_identity_index (person_id, field, key_id, digest)
             SELECT person_id, field, key_id, digest FROM json_populate_recordset(NULL::person_identity_index, $1::json)`,
            [JSON.stringify(index)],
          );
      }
    }
    return { inserted: result?.n ?? 0 };
  } catch (error) {
    return { refusal: (error as Error).message };
  }
}
