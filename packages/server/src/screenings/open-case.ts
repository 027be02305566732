import type { Transaction } from 'kysely';
import { countsAsChild, type JurisdictionProfile, type ScreeningOutcome } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import type { AccessControl } from '../access/access-control.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { recordTransition } from '../nrm-workflow/record-transition.ts';
import { newId } from '../shared/ids.ts';

/** What a victim case opened from a screening is made of: the screening's facts, never more. */
export interface ScreeningForCase {
  id: string;
  outcome: ScreeningOutcome;
  /** Local date of the screening (profile time zone), "YYYY-MM-DD". */
  screened_on: string;
  /** ISO 3166-2 county of the screening: the case is handled there, and a child's county child protection is notified. */
  county: string;
  exploitation: string;
  subject_age_years: number | null;
  subject_age_group: string;
  subject_sex: string;
  subject_citizenships: string[];
}

/** The NRM status a screening outcome opens a case at (docs/screening.md, outcomes). */
export const CASE_STATUS_OF_OUTCOME: Partial<Record<ScreeningOutcome, 'potential' | 'presumed'>> = {
  potential_victim: 'potential',
  presumed_victim: 'presumed',
};

/**
 * Opens a victim case from a screening, inside the caller's transaction: a
 * person with the screening's sex and citizenships (no identity: the
 * caseworker adds it on the case), and a case owned by the opener's
 * organisation with the opener as team lead, in the screening's county.
 * The NRM workflow records the steps (recordTransition, docs/nrm-workflow.md):
 * "open" (potential victim, the day of the screening), then "presume" for a
 * presumed victim. "open" notifies a child's county child-protection service
 * at once; a person of unknown age is presumed a child (Directive 2011/36/EU
 * art. 13(2)). Audited (create person, create victim_case, the workflow's events).
 *
 * @returns the victim case id and its person id.
 * @throws Error for an outcome that opens no case (the caller checks first).
 */
export async function openVictimCaseFromScreening(
  trx: Transaction<Database>,
  profile: JurisdictionProfile,
  access: AccessControl,
  screening: ScreeningForCase,
): Promise<{ victim_case_id: string; person_id: string }> {
  const status = CASE_STATUS_OF_OUTCOME[screening.outcome];
  if (!status) throw new Error(`screening ${screening.id}: outcome ${screening.outcome} opens no case`);
  const personId = newId();
  const caseId = newId();
  const actor = access.actor;
  await trx
    .insertInto('person')
    .values({ id: personId, sex: screening.subject_sex, citizenships: screening.subject_citizenships, created_by_user_id: actor.user_id })
    .execute();
  // The exact age, else the group as a band (docs/data-model.md: age_band "0--17" / "18+"); unknown stays unknown.
  const ageBand =
    screening.subject_age_years != null
      ? null
      : ({ child: '0--17', adult: '18+' }[screening.subject_age_group as 'child' | 'adult'] ?? null);
  const ages = { age_at_identification: screening.subject_age_years, age_band: ageBand };
  await trx
    .insertInto('victim_case')
    .values({
      id: caseId,
      person_id: personId,
      // Random tail of the client's UUID: unique without a counter, and says where the case came from.
      case_number: `SCR-${screening.screened_on.slice(0, 4)}-${screening.id.slice(-12)}`,
      // The workflow's "open" step takes the case from screening to potential victim; "presume" follows.
      nrm_status: 'potential',
      potential_on: screening.screened_on,
      presumed_on: null,
      region: screening.county,
      identified_on: null,
      not_a_victim_on: null,
      registration_year: null,
      reporting_year: null,
      identifying_organisation_id: null,
      forms: [screening.exploitation],
      sector: null,
      exploitation_started_on: null,
      age_at_exploitation_start: null,
      ...ages,
      is_child: countsAsChild(ages),
      recruiter_relationship: null,
      created_by_user_id: actor.user_id,
      owner_organisation_id: actor.organisation_id,
    })
    .execute();
  await trx.insertInto('case_team').values({ victim_case_id: caseId, user_id: actor.user_id, role: 'lead' }).execute();
  await appendAuditEvent(
    trx,
    access.audit({ action: 'create', record_type: 'person', record_id: personId, person_id: personId, fields: ['sex', 'citizenships'] }),
  );
  await appendAuditEvent(
    trx,
    access.audit({
      action: 'create',
      record_type: 'victim_case',
      record_id: caseId,
      person_id: personId,
      fields: ['nrm_status', 'potential_on', 'forms', 'age_at_identification', 'age_band', 'region'],
    }),
  );
  const step = { victim_case_id: caseId, occurred_on: screening.screened_on, source: { type: 'screening', id: screening.id } };
  await recordTransition(trx, profile, access, {
    ...step,
    event: 'open',
    region: screening.county,
    presumed_child: screening.subject_age_group === 'unknown' || screening.subject_age_group === 'child',
  });
  if (status === 'presumed') {
    await recordTransition(trx, profile, access, {
      ...step,
      event: 'presume',
      reason: 'The screening met the ILO/EC combination for a presumed victim (server evaluation, docs/screening.md).',
    });
  }
  return { victim_case_id: caseId, person_id: personId };
}
