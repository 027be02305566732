import { sql, type Kysely, type RawBuilder } from 'kysely';
import {
  annualReportFigures,
  assembleReport,
  shareOf,
  type AnnualReport,
  type FigureDefinition,
  type FigureValue,
  type JurisdictionProfile,
} from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { reportMeasures, type Measure, type Selection } from './report-measures.ts';
import { NRM_WORKFLOW_SOURCE_TABLES } from './nrm-workflow-measures.ts';
import { PROCEEDINGS_SOURCE_TABLES } from './proceedings-measures.ts';
import { PROSECUTION_SOURCE_TABLES } from './prosecution-measures.ts';
import { populationSql, populationTallySql, reportScope, type PopulationName } from './report-populations.ts';
import { directoryFigureOrigin, serviceDirectoryFigures, type FigureOrigin } from './service-directory-figures.ts';
import { compensationReportValues, traceCompensationFigure, type CompensationPopulation } from './compensation-figures.ts';

/** A table the report's populations count records of. */
type SourceTable =
  | 'anonymous_notification'
  | 'residence_status'
  | 'victim_case'
  | 'referral'
  | 'assistance'
  | 'criminal_case'
  | 'screening'
  | 'programme_participation'
  | 'victim_hearing'
  | 'criminal_case_cooperation'
  | 'ctdc_record_kind';
/**
 * The tables whose records each population counts. When none of them holds
 * a record at all, the figures drawn from them are null, not 0: a database of
 * imported CTDC registrations has no referrals or criminal cases, and a zero
 * would claim that nobody was referred or prosecuted where nothing was
 * recorded (docs/statistics.md, "Null, zero and not recorded"). The victims
 * are victim cases and CTDC records (ctdc_record_kind, migration 0022).
 */
const SOURCE_TABLE: Record<PopulationName, SourceTable | readonly SourceTable[]> = {
  victims: ['victim_case', 'ctdc_record_kind'],
  referred: 'referral',
  assisted: 'assistance',
  trafficking_cases: 'criminal_case',
  trafficking_suspects: 'criminal_case',
  ...NRM_WORKFLOW_SOURCE_TABLES,
  ...PROCEEDINGS_SOURCE_TABLES,
  ...PROSECUTION_SOURCE_TABLES,
  screenings: 'screening',
};

async function recordedPopulations(tx: Kysely<Database>): Promise<Set<PopulationName>> {
  const tables = [...new Set(Object.values(SOURCE_TABLE).flat())];
  const { rows } = await sql<Record<string, boolean>>`SELECT ${sql.join(
    tables.map((t) => sql`EXISTS (SELECT 1 FROM ${sql.table(t)}) AS ${sql.id(t)}`),
  )}`.execute(tx);
  const held = rows[0] ?? {};
  return new Set((Object.keys(SOURCE_TABLE) as PopulationName[]).filter((p) => [SOURCE_TABLE[p]].flat().some((t) => held[t])));
}

/** A median in days as published: one decimal. */
function roundTenth(value: number | null): number | null {
  return value == null ? null : Math.round(value * 10) / 10;
}

/** The median of a non-empty list, as PostgreSQL's percentile_cont(0.5): the mean of the two middle values of an even count. */
function medianOf(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 2200)
    throw new RangeError(`report year must be a whole year between 1900 and 2200, got ${year}`);
}

/**
 * Runs the report's queries in one read-only transaction, so that every
 * figure comes from the same snapshot (a share's numerator and denominator
 * too), with no JIT compilation and no parallel workers: each query reads
 * one year's slice of an index (the victims: victim_year_summary, migration
 * 0016) and finishes in tens of milliseconds, less than compiling its
 * expressions or starting workers costs on two cores (bench/report.bench.ts).
 * Inside a caller's transaction the queries run as they are, with that
 * transaction's snapshot and settings.
 */
async function inReportTransaction(db: Kysely<Database>, work: (tx: Kysely<Database>) => Promise<void>): Promise<void> {
  if (db.isTransaction) return work(db);
  await db.transaction().execute(async (tx) => {
    await sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`.execute(tx);
    await sql`SET LOCAL jit = off`.execute(tx);
    await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(tx);
    await work(tx);
  });
}

/**
 * Computes the national figures of one reporting year from live records.
 *
 * Shape and key names: AnnualReport (@opennrm/domain), one year of
 * `shared/data/romania-published-figures.json`; counting rules: docs/statistics.md
 * and `annualReportFigures(profile)`. One aggregate query per population
 * (victims, referred, assisted, trafficking cases, trafficking suspects), each
 * restricted through an indexed year column, all in one read-only snapshot,
 * the victims read from the victim year summary (migration 0016), so a year
 * of a million victim records costs PostgreSQL about 40 ms of CPU
 * (bench/RESULTS.md, "Annual report time").
 *
 * @param year reporting year, e.g. 2023.
 * @returns the report; counts are numbers (0 when nothing matches), shares are
 *   ratios 0..1 with two decimals, sentences are months; null marks a figure
 *   the data model does not support yet, a figure whose kind of record the
 *   database holds none of (no referrals, assistance or criminal cases at
 *   all), or a share or range over nobody.
 * @throws RangeError when `year` is not a plausible year; database errors as thrown by the driver.
 */
export async function computeAnnualReport(db: Kysely<Database>, profile: JurisdictionProfile, year: number): Promise<AnnualReport> {
  assertYear(year);
  const scope = reportScope(profile, year);
  const measures = reportMeasures(scope);

  // Collect every aggregate each population needs, then run one query per population.
  const aggregates = new Map<PopulationName, RawBuilder<unknown>[]>();
  const slot = (population: PopulationName, expression: RawBuilder<unknown>) => {
    const list = aggregates.get(population) ?? [];
    aggregates.set(population, list);
    list.push(expression);
    return { population, index: list.length - 1 };
  };
  const countOf = (s: Selection) => slot(s.population, sql`sum(n) FILTER (WHERE ${s.where})`);
  const plan = [...measures].map(([path, m]) => {
    if (m.kind === 'share') return { path, kind: m.kind, slots: [countOf(m.numerator), countOf(m.denominator)] };
    if (m.kind === 'count') return { path, kind: m.kind, slots: [countOf(m)] };
    if (m.kind === 'median') {
      const median = sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${sql.ref(m.column)}) FILTER (WHERE ${m.where})`;
      return { path, kind: m.kind, slots: [slot(m.population, median)] };
    }
    const fn = { min: sql`min`, max: sql`max`, sum: sql`sum`, mean: sql`avg` }[m.kind];
    return { path, kind: m.kind, slots: [slot(m.population, sql`${fn}(${sql.ref(m.column)}) FILTER (WHERE ${m.where})`)] };
  });

  const results = new Map<PopulationName, unknown[]>();
  let recorded = new Set<PopulationName>();
  await inReportTransaction(db, async (tx) => {
    recorded = await recordedPopulations(tx);
    for (const [population, list] of aggregates) {
      const columns = sql.join(list.map((expression, i) => sql`${expression} AS ${sql.id(`m${i}`)}`));
      const { rows } = await sql<
        Record<string, number | string | null>
      >`SELECT ${columns} FROM (${populationTallySql(population, scope)}) AS pop`.execute(tx);
      const row = rows[0] ?? {};
      results.set(
        population,
        list.map((_, i) => row[`m${i}`] ?? null),
      );
    }
  });

  const valueAt = (s: { population: PopulationName; index: number }) => {
    const v = results.get(s.population)?.[s.index];
    return v == null ? null : Number(v);
  };
  const values = new Map<string, FigureValue['value']>();
  for (const { path, kind, slots } of plan) {
    if (!slots.every((s) => recorded.has(s.population))) values.set(path, null);
    else if (kind === 'share') values.set(path, shareOf(valueAt(slots[0]!) ?? 0, valueAt(slots[1]!) ?? 0));
    else if (kind === 'count') values.set(path, valueAt(slots[0]!) ?? 0);
    else if (kind === 'median' || kind === 'mean') values.set(path, roundTenth(valueAt(slots[0]!)));
    else if (kind === 'sum') values.set(path, valueAt(slots[0]!) ?? 0);
    else values.set(path, valueAt(slots[0]!));
  }
  for (const [path, value] of await serviceDirectoryFigures(db, profile, year)) values.set(path, value);
  for (const [path, value] of await compensationReportValues(db, profile, year)) values.set(path, value);
  return assembleReport(annualReportFigures(profile), values);
}

/** One record behind a figure: a pseudonymous id and case numbers, never identifying data. */
export interface TracedRecord {
  /** Person id (victim figures; a CTDC record's id of its file and line, report-populations.ts), suspect id or criminal case id. */
  id: string;
  /** Victim case numbers (victim figures; "<file name> line <N>" for a CTDC record) or the criminal case number. */
  case_numbers: string[];
  /** The measured value, for min/max figures (e.g. sentence months). */
  value?: number;
  /** For compensation figures: the order's amount or the rate, exact decimal as text, and its ISO 4217 currency. */
  amount?: string;
  currency?: string;
}

/** The records a figure counts, grouped by role in the figure. */
export interface FigureTrace {
  figure: FigureDefinition;
  value: FigureValue['value'];
  /** "counted" for counts and ranges; "numerator" and "denominator" for shares. [] for a figure no record measures. */
  parts: {
    role: 'counted' | 'numerator' | 'denominator';
    population: PopulationName | CompensationPopulation;
    records: TracedRecord[];
  }[];
  /** For a figure taken from the profile or the service directory rather than counted in victims' records: where it comes from. */
  origin?: FigureOrigin;
}

/**
 * Lists the records behind one figure of a year's report, selected by the
 * same population and predicate that count it (report-measures.ts).
 *
 * @param path dotted figure path, e.g. "victims_identified.by_form.sexual_exploitation".
 * @returns the figure's definition, its value and its records, ordered by case number; for a figure taken from
 *   the profile or the service directory (state_advance_payment_cap_RON, government_shelters_dedicated,
 *   shelter_places_by_county), no records and `origin`: the profile key with its source, or the facilities counted.
 * @throws Error naming the valid paths when `path` is not a figure, or the reason when the figure is not modelled.
 */
export async function traceFigure(db: Kysely<Database>, profile: JurisdictionProfile, year: number, path: string): Promise<FigureTrace> {
  assertYear(year);
  const figures = annualReportFigures(profile);
  const figure = figures.find((f) => f.path === path);
  if (!figure) throw new Error(`"${path}" is not a figure of the annual report; figures: ${figures.map((f) => f.path).join(', ')}`);
  const scope = reportScope(profile, year);
  const measure: Measure | undefined = reportMeasures(scope).get(path);
  const origin = measure ? undefined : await directoryFigureOrigin(db, profile, path);
  if (origin) return { figure, value: (await serviceDirectoryFigures(db, profile, year)).get(path) ?? null, parts: [], origin };
  const compensation = measure ? null : await traceCompensationFigure(db, profile, year, path);
  if (compensation)
    return {
      figure,
      value: compensation.value,
      parts: [{ role: 'counted', population: compensation.population, records: compensation.records }],
    };
  if (!measure)
    throw new Error(`figure "${path}" is not computed from records: ${figure.not_modelled ?? 'the profile lacks the category it needs'}`);

  const list = async (s: Selection, valueColumn?: string): Promise<TracedRecord[]> => {
    const extra = valueColumn ? sql`, ${sql.ref(valueColumn)} AS value` : sql``;
    const { rows } = await sql<{ unit: string; refs: string[]; value?: number }>`
      SELECT unit, refs ${extra} FROM (${populationSql(s.population, scope, true)}) AS pop
      WHERE ${s.where} ORDER BY refs[1], unit`.execute(db);
    return rows.map((r) => ({ id: r.unit, case_numbers: r.refs, ...(valueColumn ? { value: Number(r.value) } : {}) }));
  };

  let parts: (FigureTrace['parts'][number] & { population: PopulationName })[];
  let value: FigureValue['value'];
  if (measure.kind === 'share') {
    const numerator = await list(measure.numerator);
    const denominator = await list(measure.denominator);
    parts = [
      { role: 'numerator', population: measure.numerator.population, records: numerator },
      { role: 'denominator', population: measure.denominator.population, records: denominator },
    ];
    value = shareOf(numerator.length, denominator.length);
  } else if (measure.kind === 'count') {
    const records = await list(measure);
    parts = [{ role: 'counted', population: measure.population, records }];
    value = records.length;
  } else {
    const records = await list(measure, measure.column);
    parts = [{ role: 'counted', population: measure.population, records }];
    const numbers = records.map((r) => r.value ?? 0);
    value =
      measure.kind === 'sum'
        ? numbers.reduce((a, b) => a + b, 0)
        : numbers.length === 0
          ? null
          : measure.kind === 'mean'
            ? roundTenth(numbers.reduce((a, b) => a + b, 0) / numbers.length)
            : measure.kind === 'min'
              ? Math.min(...numbers)
              : measure.kind === 'max'
                ? Math.max(...numbers)
                : roundTenth(medianOf(numbers));
  }
  // As in the report: a figure over a kind of record the database holds none of is null, not 0.
  const recorded = await recordedPopulations(db);
  if (!parts.every((p) => recorded.has(p.population))) value = null;
  return { figure, value, parts };
}
