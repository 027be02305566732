/**
 * Import throughput: `opennrm import ctdc` against a plain PostgreSQL COPY of
 * the same CSV, on PGlite and on PostgreSQL, in the same run.
 *
 * Run: npx node bench/import.bench.ts [--rows 1000000] [--runs 3] [--engine postgres|pglite] [--no-write]
 * With several runs the engines alternate (PostgreSQL, PGlite, PostgreSQL, ...)
 * so that other work on the machine falls on both alike; the table reports medians.
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/opennrm_bench,
 * created if missing); each run uses a scratch schema and drops it.
 * Writes the "Import throughput" section of bench/RESULTS.md (other sections are left alone).
 *
 * Target (issue 2): the import within 3x the time of the plain COPY.
 */
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
// Straight from the modules, so that the bench needs only the database and the importer.
import { migrateToLatest, openDatabase } from '../packages/server/src/db/database.ts';
import { importCtdcFile } from '../packages/server/src/imports/ctdc/import-ctdc.ts';
import { sharedPath } from '../packages/server/test/support/shared-path.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '1' },
    engine: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);
const SOURCE = sharedPath('data', 'ctdc', 'ctdc-global-2020-subset.csv');
const BENCH_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/opennrm_bench';
const RESULTS = path.resolve(import.meta.dirname, 'RESULTS.md');
/** What the numbers mean; written by hand from the last runs and profiles (see the section for the figures). */
const ANALYSIS = `**Staging table (commit 0cefa63), against the previous bulk path.** The file's lines go to the server unparsed
(one COPY into a TEMP table of one text column, numbered by an identity column; Node sends the file's bytes and nothing
else: no UUIDs, no COPY encoding, about 1/12 of the bytes the previous path sent); the server groups the lines
(the 1,000,000 replicated rows hold 936 distinct lines, as the 48,773-row subset does); Node parses and maps each distinct
line once with the row path's csv-parse options and the domain's \`ctdcRowMapper\` (the one source of the codebook rules
and of every message) and sends the 936 mapped kinds back as a small table; one query returns the first bad rows by
line (the transaction then rolls back), or two INSERT ... SELECT statements join every line to its kind and write
\`person\` and \`victim_case\` with the same ids (UUIDv8 from the file's SHA-256 and the line, computed in SQL), case
numbers and source references as the row path, the secondary indexes and foreign keys off as before. Files the
server cannot read line by line as the row path does (mixed CRLF and LF, a quoted line break, bad quoting, a line
"\\.", a byte 0x01/0x02) roll back to a savepoint and take the row path. Same rows: a test compares every column of
all 48,773 imported rows of both paths, and the bad-row reports of both, on both engines.

Same run, 1,000,000 rows, one engine at a time, the previous importer (commit 253b9d3) and the new one alternating on the
schema before the victim year summary (migration 0016); load 14 to 22 on 2 cores throughout:

| engine | importer | import | plain COPY | ratio | load | phases |
|---|---|---:|---:|---:|---|---|
| PostgreSQL 15 | previous bulk path | 40.30 s, 65.46 s | 1.64 s, 1.87 s | 24.5x, 35.0x | 15.4, 14.6 | validating and copying 30.2 s, 48.2 s; rebuilding 9.9 s, 17.1 s |
| PostgreSQL 15 | staging table | 32.50 s, 32.87 s | 1.79 s, 1.57 s | 18.1x, 20.9x | 16.8, 14.2 | COPY of the lines 1.6 s; kinds 0.5 s; inserting 15.8 s, 16.6 s; rebuilding 14.2 s |
| PGlite | previous bulk path | 945.13 s | 13.25 s | 71.3x | 18.4 | validating and copying 894.8 s; rebuilding 49.0 s |
| PGlite | staging table | 168.74 s | 15.26 s | 11.1x | 22.3 | COPY of the lines 27.5 s; kinds 1.2 s; inserting 100.0 s; rebuilding 38.9 s |

At 200,000 rows (load 11 to 13): PostgreSQL 6.74 s against 12.48 s (21.1x against 33.9x), PGlite 21.47 s against
63.72 s (30.2x against 159.0x). The staging table helps PGlite most: it runs in Node's thread, so the previous path's
csv-parse, mapping and COPY encoding of every row (and the server parsing 12 times the CSV's bytes) added up instead of
overlapping; now Node does almost nothing and the server parses the CSV's bytes once.

**Where the time goes now, and why 3x is not met.** The part of the import that does what the plain COPY does (hash
and line count, COPY of the lines, grouping into kinds, mapping) takes 2.1 to 2.5 s on PostgreSQL at a million rows, 1.3x to
1.4x the plain COPY in the same run. The rest is writing the NRM record: two million rows into two wide tables (a
person row and a victim case row a CTDC line, with timestamps, arrays, case number and source reference) through their
primary keys, with a WAL record a row and an index entry (about 240 bytes of WAL a person and 420 a case: some 650 MB a
million rows), since INSERT ... SELECT does not batch heap inserts as COPY does; then the secondary indexes (four to six,
as migrations add them) rebuilt and seven foreign keys re-checked over the whole tables. The plain COPY writes one narrow row a line into one table with no index.
Since migration 0016 (victim year summary, commit 0b0ef19) the statement trigger on \`victim_case\` also summarises the
million new cases in one set-based statement (it runs once for the staged INSERT; the previous path ran it once a 50,000-row
slice): it adds about 20 s on PostgreSQL (inserting 36 s instead of 16 s, load 14.5) and about 48 s on PGlite
(inserting 148 s instead of 100 s, load 16). No change to the importer
brings two million indexed, logged rows plus the summary within 3 times a one-table COPY.

What would be needed: storing CTDC rows by kind instead of as a person and a victim case each, e.g. the mapped kinds
(a few thousand rows a file) and one narrow row a line (batch, line, kind), which the staging table already is. The
import would then be the measured 1.3x to 1.4x part plus one narrow insert, which should stay within 3x (an estimate,
not measured); the report would count rows by kind. That
is a data-model decision (CTDC victims would no longer be \`person\`/\`victim_case\` records that the API, the JSON
export, GDPR erasure and the victim year summary see), not an importer change. Binary COPY and a parsing worker thread
were not tried: nothing is parsed in Node any more, and the server's share is the writing, not the parsing.`;
const RAW_TABLE = `CREATE TABLE ctdc_raw (yearOfRegistration text, gender text, ageBroad text, citizenship text,
  isForcedLabour text, isSexualExploit text, CountryOfExploitation text)`;

/** Repeats the data rows of the CTDC subset until the file holds `rows` data rows. */
async function replicate(rows: number): Promise<string> {
  // The CTDC file ends its lines with CRLF; the copies keep that.
  const [header, ...data] = readFileSync(SOURCE, 'utf8').trimEnd().split(/\r?\n/);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'opennrm-bench-')), `ctdc-${rows}.csv`);
  const out = createWriteStream(file);
  out.write(`${header}\r\n`);
  let written = 0;
  while (written < rows) {
    const n = Math.min(data.length, rows - written);
    if (!out.write(`${data.slice(0, n).join('\r\n')}\r\n`)) await once(out, 'drain');
    written += n;
  }
  out.end();
  await finished(out);
  return file;
}

async function ensureDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

interface Measurement {
  engine: string;
  importMs: number;
  copyMs: number;
  /** Seconds from the start of the import to the start of each phase the importer reports. */
  phases: Record<string, number>;
  /** 1-minute load average at the end of the run. */
  load: number;
}

/** Runs the import (its default, staged path) and records when each phase began. */
async function timedImport(nrm: Awaited<ReturnType<typeof openDatabase>>, file: string) {
  const phases: Record<string, number> = {};
  const started = performance.now();
  const imported = await timed(() =>
    importCtdcFile(nrm, file, { onProgress: (p) => (phases[p.phase] ??= (performance.now() - started) / 1000) }),
  );
  if (imported.result.rows !== ROWS) throw new Error(`imported ${imported.result.rows} rows, expected ${ROWS}`);
  return { ms: imported.ms, phases };
}

async function onPostgres(file: string): Promise<Measurement> {
  await ensureDatabase(BENCH_URL);
  const schema = `bench_${Date.now()}`;
  const nrm = await openDatabase({ databaseUrl: BENCH_URL, schema });
  const client = new pg.Client({ connectionString: BENCH_URL });
  await client.connect();
  try {
    await migrateToLatest(nrm.db);
    const imported = await timedImport(nrm, file);
    // The plain COPY streams the same file from this process, as the import does.
    await client.query(`SET search_path = "${schema}"`);
    await client.query(RAW_TABLE);
    const copied = await timed(async () => {
      await client.query('BEGIN');
      await pipeline(createReadStream(file), client.query(copyFrom('COPY ctdc_raw FROM STDIN WITH (FORMAT csv, HEADER true)')));
      await client.query('COMMIT');
    });
    const { rows } = await client.query('SELECT count(*)::int AS n FROM ctdc_raw');
    if (rows[0].n !== ROWS) throw new Error(`COPY loaded ${rows[0].n} rows`);
    return { engine: 'postgres', importMs: imported.ms, copyMs: copied.ms, phases: imported.phases, load: loadavg()[0]! };
  } finally {
    await client.query(`DROP SCHEMA "${schema}" CASCADE`);
    await client.end();
    await nrm.close();
  }
}

async function onPglite(file: string): Promise<Measurement> {
  const nrm = await openDatabase({ dataDir: 'memory://' });
  let imported: Awaited<ReturnType<typeof timedImport>>;
  try {
    await migrateToLatest(nrm.db);
    imported = await timedImport(nrm, file);
  } finally {
    await nrm.close();
  }
  // PGlite's COPY reads from a blob in memory: reading the file is part of the timed work.
  const raw = await PGlite.create('memory://');
  try {
    await raw.query(RAW_TABLE);
    const copied = await timed(async () => {
      const blob = new Blob([readFileSync(file)]);
      await raw.query(`COPY ctdc_raw FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], { blob });
    });
    const { rows } = await raw.query<{ n: number }>('SELECT count(*)::int AS n FROM ctdc_raw');
    if (rows[0]!.n !== ROWS) throw new Error(`COPY loaded ${rows[0]!.n} rows`);
    return { engine: 'pglite', importMs: imported.ms, copyMs: copied.ms, phases: imported.phases, load: loadavg()[0]! };
  } finally {
    await raw.close();
  }
}

interface Summary {
  engine: string;
  runs: number;
  importMs: number;
  copyMs: number;
  ratio: number;
  loads: number[];
  /** Median seconds spent in each phase of the import. */
  phaseSeconds: Record<string, number>;
}

function summarise(runs: Measurement[]): Summary {
  const phaseSeconds: Record<string, number> = {};
  for (const name of Object.keys(runs[0]!.phases)) {
    phaseSeconds[name] = median(
      runs.map((m) => {
        const starts = Object.values(m.phases);
        const i = Object.keys(m.phases).indexOf(name);
        return (starts[i + 1] ?? m.importMs / 1000) - starts[i]!;
      }),
    );
  }
  return {
    engine: runs[0]!.engine,
    runs: runs.length,
    importMs: median(runs.map((m) => m.importMs)),
    copyMs: median(runs.map((m) => m.copyMs)),
    ratio: median(runs.map((m) => m.importMs / m.copyMs)),
    loads: runs.map((m) => m.load),
    phaseSeconds,
  };
}

const ENGINE_NAMES: Record<string, string> = { postgres: 'PostgreSQL 15 (127.0.0.1)', pglite: 'PGlite (memory://)' };

function section(file: string, summaries: Summary[]): string {
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const rate = (ms: number) => Math.round(ROWS / (ms / 1000)).toLocaleString('en');
  const rowsOut = summaries.map(
    (m) =>
      `| ${ENGINE_NAMES[m.engine]} | ${m.runs} | ${s(m.importMs)} s (${rate(m.importMs)} rows/s) | ${s(m.copyMs)} s (${rate(m.copyMs)} rows/s) | ${m.ratio.toFixed(1)}x | ${m.ratio <= 3 ? 'met' : 'missed'} | ${m.loads.map((l) => l.toFixed(1)).join(', ')} |`,
  );
  const phases = summaries.map(
    (m) =>
      `- ${ENGINE_NAMES[m.engine]}: ${Object.entries(m.phaseSeconds)
        .map(([phase, secs]) => `${phase} ${secs.toFixed(1)} s`)
        .join('; ')}.`,
  );
  return `## Import throughput

Measured by \`npx node bench/import.bench.ts --runs ${RUNS}\` on ${new Date().toISOString().slice(0, 10)}: the CTDC 2020 subset
(48,773 rows) replicated to ${ROWS.toLocaleString('en')} data rows (${(statSync(file).size / 1e6).toFixed(1)} MB), imported with
\`importCtdcFile\` (what \`opennrm import ctdc\` runs: hash and line count, COPY of the file's lines into a staging
table, each distinct line validated and mapped once, one INSERT ... SELECT of the kinds into \`ctdc_record_kind\`
(migration 0022: CTDC records stored by kind, not as persons and victim cases), in one transaction) and, in the same
run, loaded by a plain
\`COPY ... FROM STDIN (FORMAT csv)\` into a 7-column text table with no index or constraint. Machine:
${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. The engines alternate run by run;
times are medians, the ratio is the median of each run's ratio, and the 1-minute load average at the end of
each run is listed (other sessions run test suites on the same 2 cores). Target: import within 3x the COPY.

| engine | runs | opennrm import ctdc | plain COPY | ratio | 3x target | load averages |
|---|---:|---|---|---:|---|---|
${rowsOut.join('\n')}

Median time in each phase of the import (the hash and line count come before the first):
${phases.join('\n')}

${ANALYSIS}
`;
}

function writeSection(text: string): void {
  const current = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  const start = current.indexOf('## Import throughput');
  let next: string;
  if (start < 0) next = `${current.trimEnd()}\n\n${text}`;
  else {
    const after = current.indexOf('\n## ', start + 1);
    next = current.slice(0, start) + text + (after < 0 ? '' : `\n${current.slice(after + 1)}`);
  }
  writeFileSync(RESULTS, next.endsWith('\n') ? next : `${next}\n`);
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const file = await replicate(ROWS);
console.error(`replicated to ${ROWS} rows: ${file}`);
try {
  const engines = values.engine ? [values.engine] : ['postgres', 'pglite'];
  const all: Measurement[] = [];
  for (let run = 1; run <= RUNS; run++) {
    for (const engine of engines) {
      const m = await (engine === 'postgres' ? onPostgres : onPglite)(file);
      const phases = Object.entries(m.phases)
        .map(([p, t]) => `${p} @${t.toFixed(1)} s`)
        .join(', ');
      console.error(
        `run ${run} ${m.engine}: import ${(m.importMs / 1000).toFixed(2)} s, COPY ${(m.copyMs / 1000).toFixed(2)} s, ratio ${(m.importMs / m.copyMs).toFixed(1)}x, load ${m.load.toFixed(1)}; ${phases}`,
      );
      all.push(m);
    }
  }
  if (!values['no-write']) {
    writeSection(
      section(
        file,
        engines.map((engine) => summarise(all.filter((m) => m.engine === engine))),
      ),
    );
    console.error(`wrote the "Import throughput" section of ${RESULTS}`);
  }
} finally {
  rmSync(path.dirname(file), { recursive: true, force: true });
}
