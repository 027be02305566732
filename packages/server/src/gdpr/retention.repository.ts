import { sql, type Kysely, type RawBuilder } from 'kysely';
import { purgeRules, retentionCutoff, type JurisdictionProfile, type RetentionRecordType, type RetentionRule } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { withAuditTables } from '../audit/index.ts';
import { anonymiseRecords, type AnonymisationActor, type PersonRecordType } from './anonymise.ts';
import { generaliseScreenings } from './generalise-screenings.ts';

/** Who the scheduled purge acts as in the audit trail. */
export const RETENTION_ACTOR: AnonymisationActor = { actor_username: 'system:retention' };

/**
 * SQL predicate "criminal case `c` is not concluded". Until the
 * criminal-proceedings issue records closure and disposition, a case is
 * concluded only when it has suspects and every one has a verdict; a case
 * with no suspect or an undecided suspect is open. Used for legal holds
 * (GDPR art. 17(3)(e)) by the purge and by erasure.
 */
export const CRIMINAL_CASE_OPEN = (c: string) =>
  sql.raw(
    `(NOT EXISTS (SELECT 1 FROM suspect s WHERE s.criminal_case_id = ${c}.id) OR EXISTS (SELECT 1 FROM suspect s WHERE s.criminal_case_id = ${c}.id AND s.verdict IS NULL))`,
  );

/**
 * One row per person: the day each retention event happened (null when it
 * has not), and whether a legal hold stops the purge.
 * - case_closure: a victim case is open while it has assistance without an
 *   end date or a referral still awaiting an answer; once none of the
 *   person's cases is open, the person's cases closed on the latest day
 *   anything happened in them (status decisions, referrals, assistance);
 *   a person without any case, on the day they were recorded;
 * - not_a_victim_decision: every case of the person was decided "not a
 *   victim" and none is open: the latest decision;
 * - held: the person is linked to a criminal case that is not concluded.
 */
function personEvents(): RawBuilder<unknown> {
  return sql`
    WITH case_facts AS (
      SELECT vc.id, vc.person_id, vc.nrm_status, vc.not_a_victim_on, vc.created_at::date AS created_on,
        (EXISTS (SELECT 1 FROM assistance a WHERE a.victim_case_id = vc.id AND a.ended_on IS NULL)
          OR EXISTS (SELECT 1 FROM referral r WHERE r.victim_case_id = vc.id AND r.status = 'sent')) AS open,
        GREATEST(vc.potential_on, vc.presumed_on, vc.identified_on, vc.not_a_victim_on,
          (SELECT max(GREATEST(r.sent_at::date, r.responded_at::date, r.started_on)) FROM referral r WHERE r.victim_case_id = vc.id),
          (SELECT max(GREATEST(a.started_on, a.ended_on)) FROM assistance a WHERE a.victim_case_id = vc.id)) AS last_activity
      FROM victim_case vc
    )
    SELECT p.id AS person_id,
      CASE WHEN coalesce(bool_or(cf.open), false) THEN NULL
           ELSE coalesce(max(coalesce(cf.last_activity, cf.created_on)), p.created_at::date) END AS case_closure,
      CASE WHEN count(cf.id) > 0 AND bool_and(cf.nrm_status = 'not_a_victim') AND NOT bool_or(cf.open)
           THEN max(cf.not_a_victim_on) END AS not_a_victim_decision,
      EXISTS (SELECT 1 FROM criminal_case_victim ccv
                JOIN victim_case v ON v.id = ccv.victim_case_id
                JOIN criminal_case c ON c.id = ccv.criminal_case_id
              WHERE v.person_id = p.id AND ${CRIMINAL_CASE_OPEN('c')}) AS held
    FROM person p LEFT JOIN case_facts cf ON cf.person_id = p.id
    GROUP BY p.id`;
}

/** How many records of `type` of person `pe.person_id` the rule still has to anonymise. */
function pendingRecords(type: PersonRecordType): RawBuilder<number> {
  switch (type) {
    case 'identity':
      return sql<number>`(SELECT count(*) FROM person p WHERE p.id = pe.person_id AND p.anonymised_on IS NULL)`;
    case 'victim_case':
      return sql<number>`(SELECT count(*) FROM victim_case v WHERE v.person_id = pe.person_id AND v.anonymised_on IS NULL)`;
    case 'referral':
      return sql<number>`(SELECT count(*) FROM referral r JOIN victim_case v ON v.id = r.victim_case_id
                          WHERE v.person_id = pe.person_id AND r.anonymised_on IS NULL)`;
    case 'assistance':
      return sql<number>`(SELECT count(*) FROM assistance a JOIN victim_case v ON v.id = a.victim_case_id
                          WHERE v.person_id = pe.person_id AND a.anonymised_on IS NULL)`;
    case 'consent':
      return sql<number>`(SELECT count(*) FROM consent c WHERE c.person_id = pe.person_id)`;
  }
}

/** A person whose records a rule anonymises today. Dates are ISO "YYYY-MM-DD". */
export interface DueRecords {
  rule: string;
  record_type: RetentionRecordType;
  person_id: string;
  /** The day the event the period runs from happened. */
  event_on: string;
  /** The day the period ended. */
  expired_on: string;
  /** Records of the type still to anonymise. */
  records: number;
}

/** What a purge did (or, in a dry run, would do). */
export interface PurgeResult {
  today: string;
  dry_run: boolean;
  /** Per rule: persons and records anonymised (or due, in a dry run). */
  rules: { rule: string; record_type: RetentionRecordType; action: string; months: number; persons: number; records: number }[];
  /** Every person and rule due (dry run only; [] otherwise). */
  due: DueRecords[];
  /** Persons whose period has run but whom a legal hold keeps (linked to an open criminal case, art. 17(3)(e)). */
  held: number;
  /** Audit events older than a review rule's period: listed for the controller, never changed (the chain must verify). */
  review: { rule: string; events_older_than_period: number; cutoff: string }[];
}

export interface PurgeOptions {
  /** The day the purge runs for, ISO date. Default: today (UTC). */
  today?: string;
  /** List what is due without changing anything. */
  dryRun?: boolean;
  /** Persons per transaction. Default 200. */
  batchSize?: number;
  /** Who the audit events name. Default RETENTION_ACTOR ("system:retention"). */
  actor?: AnonymisationActor;
}

function dueQuery(rule: RetentionRule & { record_type: PersonRecordType }, cutoff: string) {
  const event = sql.ref(`pe.${rule.runs_from}`);
  return sql<{ person_id: string; event_on: string; expired_on: string; records: number }>`
    SELECT * FROM (
      SELECT pe.person_id, ${event}::text AS event_on,
        (${event} + make_interval(months => ${rule.months}))::date::text AS expired_on,
        ${pendingRecords(rule.record_type)} AS records
      FROM (${personEvents()}) pe
      WHERE NOT pe.held AND ${event} IS NOT NULL AND ${event} <= ${cutoff}::date
    ) due
    WHERE due.records > 0
    ORDER BY due.person_id`;
}

function heldQuery(cutoffs: { runs_from: string; cutoff: string }[]) {
  const expired = cutoffs.map(({ runs_from, cutoff }) => sql`(${sql.ref(`pe.${runs_from}`)} <= ${cutoff}::date)`);
  return sql<{ n: number }>`SELECT count(*) AS n FROM (${personEvents()}) pe WHERE pe.held AND (${sql.join(expired, sql` OR `)})`;
}

/**
 * Applies a screening rule: screenings from which no case was opened,
 * recorded (local day, profile time zone) on or before today minus the
 * period, not generalised yet, are generalised (generaliseScreenings). No
 * person is involved, so `persons` is 0; a dry run counts them only.
 */
async function purgeScreenings(
  db: Kysely<Database>,
  profile: JurisdictionProfile,
  rule: RetentionRule,
  today: string,
  dryRun: boolean,
  actor: AnonymisationActor,
): Promise<PurgeResult['rules'][number]> {
  const tz = profile.annual_report.time_zone;
  const cutoff = retentionCutoff(rule, today);
  const due = sql<boolean>`(victim_case_id IS NULL AND (recorded_at AT TIME ZONE ${tz})::date <= ${cutoff}::date)`;
  const summary = { rule: rule.code, record_type: rule.record_type, action: rule.action, months: rule.months, persons: 0, records: 0 };
  if (dryRun) {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM screening WHERE anonymised_on IS NULL AND ${due}`.execute(db);
    summary.records = Number(rows[0]?.n ?? 0);
    return summary;
  }
  const reason = `retention rule ${rule.code}: ${rule.months} months after recording, period ended on or before ${today}; ${rule.source}`;
  summary.records = await db
    .transaction()
    .execute((trx) =>
      generaliseScreenings(trx, due, tz, { rule: rule.code, on: today, reason: reason.slice(0, 2000), action: 'purge' }, actor),
    );
  return summary;
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

/**
 * The retention purge (GDPR art. 5(1)(e)): applies every retention rule of
 * the profile whose period has run, anonymising what the statistics still
 * need and erasing the rest (anonymise.ts), one audit event per record, in
 * transactions of `batchSize` persons. Persons linked to an open criminal
 * case are held. A plain function of the database so that any scheduler
 * can run it (`opennrm serve`'s daily timer now, a job queue later);
 * running it again the same day changes nothing.
 *
 * The annual report of every year is the same before and after: what it
 * counts is kept (docs/gdpr.md, test gdpr/retention-purge.int.test.ts).
 *
 * @throws Error for a `today` that is not an ISO date; database errors roll back the current batch only.
 */
export async function runRetentionPurge(
  db: Kysely<Database>,
  profile: JurisdictionProfile,
  options: PurgeOptions = {},
): Promise<PurgeResult> {
  const today = options.today ?? todayUtc();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today: "${today}" is not an ISO date (YYYY-MM-DD)`);
  const batchSize = options.batchSize ?? 200;
  const actor = options.actor ?? RETENTION_ACTOR;
  const result: PurgeResult = { today, dry_run: options.dryRun === true, rules: [], due: [], held: 0, review: [] };
  const cutoffs: { runs_from: string; cutoff: string }[] = [];

  for (const rule of purgeRules(profile.retention)) {
    if (rule.record_type === 'audit_event') continue;
    if (rule.record_type === 'screening') {
      result.rules.push(await purgeScreenings(db, profile, rule, today, options.dryRun === true, actor));
      continue;
    }
    const typed = rule as RetentionRule & { record_type: PersonRecordType };
    const cutoff = retentionCutoff(rule, today);
    cutoffs.push({ runs_from: rule.runs_from, cutoff });
    const summary = { rule: rule.code, record_type: rule.record_type, action: rule.action, months: rule.months, persons: 0, records: 0 };
    result.rules.push(summary);
    if (options.dryRun) {
      const { rows } = await dueQuery(typed, cutoff).execute(db);
      for (const row of rows) {
        result.due.push({ rule: rule.code, record_type: rule.record_type, ...row, records: Number(row.records) });
        summary.persons += 1;
        summary.records += Number(row.records);
      }
      continue;
    }
    // The due list is computed once per rule (one pass over persons), then
    // worked through in batches; each batch re-checks the legal hold, since a
    // criminal case may have been linked in the meantime.
    const { rows: due } = await dueQuery(typed, cutoff).execute(db);
    const reason =
      `retention rule ${rule.code}: ${rule.months} months after ${rule.runs_from.replace(/_/g, ' ')}, ` +
      `period ended on or before ${today}; ${rule.source}`;
    for (let i = 0; i < due.length; i += batchSize) {
      const ids = due.slice(i, i + batchSize).map((r) => r.person_id);
      await db.transaction().execute(async (trx) => {
        const { rows: free } = await sql<{ id: string }>`
          SELECT p.id FROM person p WHERE p.id = ANY(${ids}::uuid[]) AND NOT EXISTS (
            SELECT 1 FROM criminal_case_victim ccv JOIN victim_case v ON v.id = ccv.victim_case_id
              JOIN criminal_case c ON c.id = ccv.criminal_case_id
            WHERE v.person_id = p.id AND ${CRIMINAL_CASE_OPEN('c')})`.execute(trx);
        summary.persons += free.length;
        summary.records += await anonymiseRecords(
          trx,
          profile,
          typed.record_type,
          free.map((r) => r.id),
          { rule: rule.code, on: today, reason: reason.slice(0, 2000), action: 'purge' },
          actor,
        );
      });
    }
  }

  if (cutoffs.length > 0) result.held = Number((await heldQuery(cutoffs).execute(db)).rows[0]?.n ?? 0);
  for (const rule of profile.retention.rules.filter((r) => r.action === 'review')) {
    const cutoff = retentionCutoff(rule, today);
    const row = await withAuditTables(db)
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('occurred_at', '<', sql<Date>`${cutoff}::date`)
      .executeTakeFirstOrThrow();
    result.review.push({ rule: rule.code, events_older_than_period: Number(row.n), cutoff });
  }
  return result;
}
