import { sql, type Transaction } from 'kysely';
import { GENERALISED_FIELDS, type JurisdictionProfile, type RetentionRecordType } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { appendAuditEvents, type AuditAction, type AuditEventInput } from '../audit/index.ts';
import { eraseIdentity } from '../security/crypto/index.ts';
import { withGdprTables } from './gdpr-tables.ts';
import { generaliseWorkflowOf } from '../nrm-workflow/generalise-workflow.ts';
import { keepReferralIntervals } from './keep-intervals.ts';
import { generaliseScreenings } from './generalise-screenings.ts';

/** Record types that belong to a person (the purge works through them person by person). */
export type PersonRecordType = Exclude<RetentionRecordType, 'audit_event' | 'screening'>;

/** Who anonymises, as the audit trail records it. */
export interface AnonymisationActor {
  actor_user_id?: string | null;
  actor_username: string;
  actor_organisation_id?: string | null;
  source_ip?: string | null;
  request_id?: string | null;
}

/** What an anonymisation is done under: the rule (retention rule code or "erasure_art17"), the day, and why. */
export interface AnonymisationMarkInput {
  rule: string;
  /** ISO date written to anonymised_on. */
  on: string;
  /** Reason written to each audit event (the rule, its period and source, or the erasure request). */
  reason: string;
  /** "purge" for the retention purge, "erase" for an art. 17 erasure. */
  action: Extract<AuditAction, 'purge' | 'erase'>;
}

/** Names of the identity fields an erasure removes (persons.schemas identity), for the audit events. */
const IDENTITY_FIELD_NAMES = ['given_names', 'family_name', 'date_of_birth', 'documents', 'contacts', 'address', 'notes'];

/** Clear-text identity tables of earlier versions, if this database still has them (migrations 0001 and 0008). */
const LEGACY_IDENTITY_TABLES = ['person_identity', 'person_identity_legacy'];

const yearOf = (column: string) => sql.raw<string>(`make_date(extract(year FROM ${column})::int, 1, 1)`);
const yearStartIn = (column: string, timeZone: string) =>
  sql<string>`(date_trunc('year', ${sql.ref(column)} AT TIME ZONE ${timeZone}) AT TIME ZONE ${timeZone})`;

async function eraseLegacyIdentities(trx: Transaction<Database>, personIds: readonly string[]): Promise<void> {
  for (const table of LEGACY_IDENTITY_TABLES) {
    const { rows } = await sql<{ present: boolean }>`SELECT to_regclass(${table}) IS NOT NULL AS present`.execute(trx);
    if (rows[0]?.present) await sql`DELETE FROM ${sql.table(table)} WHERE person_id = ANY(${[...personIds]}::uuid[])`.execute(trx);
  }
}

/**
 * Anonymises the records of one type of the given persons, inside the
 * caller's transaction, and writes one audit event per record changed:
 * - identity: the sealed identity and its blind indexes are erased
 *   (eraseIdentity), with any clear-text copy of an older version; the
 *   person is marked anonymised (sex, birth year and citizenships stay: the
 *   statistics count them);
 * - before any date of a person is coarsened (victim_case, referral,
 *   assistance), the intervals the report's medians need are written on the
 *   person's referrals (keepReferralIntervals), so both medians stay;
 * - victim_case: dates coarsened to 1 January of their year, exact ages
 *   dropped; status, forms, countries, regions, child/adult, age band,
 *   reporting and registration years stay (domain GENERALISED_FIELDS); the
 *   screenings the cases were opened from are generalised with them
 *   (generaliseScreenings, one audit event each);
 * - referral: times coarsened to the start of their year in the profile's
 *   time zone (the report counts referrals by that year), the free-text
 *   refusal reason dropped;
 * - assistance: start and end coarsened to 1 January of their year;
 * - consent: deleted.
 * Records already anonymised are left alone, so running it twice changes nothing.
 * Source: GDPR art. 5(1)(e), 17, 89(1); recital 26 (anonymous data are not personal data).
 *
 * @returns how many records were changed.
 */
export async function anonymiseRecords(
  trx: Transaction<Database>,
  profile: JurisdictionProfile,
  recordType: PersonRecordType,
  personIds: readonly string[],
  mark: AnonymisationMarkInput,
  actor: AnonymisationActor,
): Promise<number> {
  if (personIds.length === 0) return 0;
  const db = withGdprTables(trx);
  const ids = [...personIds];
  const marked = { anonymised_on: mark.on, anonymisation_rule: mark.rule };
  const tz = profile.annual_report.time_zone;
  let changed: { id: string; person_id: string }[] = [];
  let recordName: string = recordType;
  let fields: readonly string[] = [];

  switch (recordType) {
    case 'identity': {
      const persons = await db
        .updateTable('person')
        .set({ ...marked, updated_at: sql`now()` })
        .where('id', 'in', ids)
        .where('anonymised_on', 'is', null)
        .returning('id')
        .execute();
      for (const { id } of persons) await eraseIdentity(trx, id);
      await eraseLegacyIdentities(
        trx,
        persons.map((p) => p.id),
      );
      changed = persons.map(({ id }) => ({ id, person_id: id }));
      recordName = 'person_identity';
      fields = IDENTITY_FIELD_NAMES;
      break;
    }
    case 'victim_case': {
      await keepReferralIntervals(trx, ids, tz);
      await generaliseWorkflowOf(trx, ids, tz);
      const g = GENERALISED_FIELDS.victim_case;
      changed = await db
        .updateTable('victim_case')
        .set({
          ...Object.fromEntries(g.to_year.map((c) => [c, yearOf(c)])),
          ...Object.fromEntries(g.dropped.map((c) => [c, null])),
          ...marked,
          updated_at: sql`now()`,
        })
        .where('person_id', 'in', ids)
        .where('anonymised_on', 'is', null)
        .returning(['id', 'person_id'])
        .execute();
      fields = [...g.to_year, ...g.dropped];
      await generaliseScreenings(
        trx,
        sql`victim_case_id IN (SELECT id FROM victim_case WHERE person_id = ANY(${ids}::uuid[]))`,
        tz,
        mark,
        actor,
      );
      break;
    }
    case 'referral': {
      await keepReferralIntervals(trx, ids, tz);
      const g = GENERALISED_FIELDS.referral;
      changed = await db
        .updateTable('referral as r')
        .from('victim_case as v')
        .set({
          sent_at: yearStartIn('r.sent_at', tz),
          responded_at: yearStartIn('r.responded_at', tz),
          started_on: yearOf('r.started_on'),
          decline_reason: null,
          ...marked,
        })
        .whereRef('v.id', '=', 'r.victim_case_id')
        .where('v.person_id', 'in', ids)
        .where('r.anonymised_on', 'is', null)
        .returning(['r.id as id', 'v.person_id as person_id'])
        .execute();
      fields = [...g.to_year, ...g.dropped];
      break;
    }
    case 'assistance': {
      await keepReferralIntervals(trx, ids, tz);
      const g = GENERALISED_FIELDS.assistance;
      changed = await db
        .updateTable('assistance as a')
        .from('victim_case as v')
        .set({ started_on: yearOf('a.started_on'), ended_on: yearOf('a.ended_on'), ...marked })
        .whereRef('v.id', '=', 'a.victim_case_id')
        .where('v.person_id', 'in', ids)
        .where('a.anonymised_on', 'is', null)
        .returning(['a.id as id', 'v.person_id as person_id'])
        .execute();
      fields = [...g.to_year];
      break;
    }
    case 'consent': {
      changed = await db.deleteFrom('consent').where('person_id', 'in', ids).returning(['id', 'person_id']).execute();
      fields = ['purpose', 'given', 'recorded_on', 'recorded_by', 'method', 'withdrawn_on', 'withdrawn_by'];
      break;
    }
  }

  const events: AuditEventInput[] = changed.map((row) => ({
    action: mark.action,
    actor_user_id: actor.actor_user_id ?? null,
    actor_username: actor.actor_username,
    actor_organisation_id: actor.actor_organisation_id ?? null,
    source_ip: actor.source_ip ?? null,
    request_id: actor.request_id ?? null,
    record_type: recordName,
    record_id: row.id,
    person_id: row.person_id,
    fields,
    reason: mark.reason,
  }));
  await appendAuditEvents(trx, events);
  return changed.length;
}
