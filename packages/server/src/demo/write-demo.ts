import type { BulkTransaction } from '../db/database.ts';
import { newId } from '../shared/ids.ts';
import type { Keyring } from '../security/crypto/keyring.ts';
import { byteaHex, sealedIdentityRows } from '../security/crypto/sealed-rows.ts';
import type { DemoPlan } from './demo-plan.ts';
import { writeDemoFacilities } from './write-facilities.ts';
import { writeDemoScreenings } from './write-screenings.ts';
import { writeDemoNrmWorkflow } from './write-nrm-workflow.ts';
import { writeDemoVictimsInProceedings } from './write-victims-in-proceedings.ts';
import { writeDemoProceedings } from './write-proceedings.ts';
import { writeDemoCompensation } from './write-compensation.ts';

/** How many rows of each kind the demo wrote. */
export interface DemoCounts {
  organisations: number;
  persons: number;
  victim_cases: number;
  referrals: number;
  assistance: number;
  criminal_cases: number;
  criminal_case_victims: number;
  suspects: number;
  offences: number;
  procedural_events: number;
  cooperation: number;
  anonymous_notifications: number;
  residence_statuses: number;
  facilities: number;
  screenings: number;
  hearings: number;
  legal_counsel: number;
  programmes: number;
  protection_measures: number;
  exchange_rates: number;
  compensation_claims: number;
  compensation_orders: number;
  compensation_payments: number;
  advance_payments: number;
}

/** Marks where demo records come from (`source_ref` of persons and victim cases). */
export const DEMO_SOURCE_REF = 'opennrm-demo';

const at = (date: string) => `${date} 09:00:00+00`;

/**
 * Writes a planned demo inside the caller's transaction: the demo NGOs with
 * INSERT, everything else with COPY (one statement per table). Every person,
 * victim case and criminal case is written with `synthetic = true`.
 * Identities are sealed here, in Node, under the keyring's active key: only
 * envelopes and blind indexes reach the database (security/crypto/).
 *
 * @throws the database error of the first failing statement (the caller's
 *   transaction then rolls back, so nothing of the demo stays).
 */
export async function writeDemoPlan(tx: BulkTransaction, plan: DemoPlan, sourceRef: string, keyring: Keyring): Promise<DemoCounts> {
  for (const o of plan.organisations) {
    await tx.query(
      `INSERT INTO organisation (id, code, name, kind, functions, region, from_profile)
       VALUES ($1, $2, $3, $4, $5, $6, false) ON CONFLICT (code) DO NOTHING`,
      [newId(), o.code, o.name, o.kind, o.functions, o.region],
    );
  }
  const organisationIds = new Map(
    (await tx.query<{ id: string; code: string }>('SELECT id, code FROM organisation')).map((r) => [r.code, r.id]),
  );
  const org = (code: string): string => {
    const id = organisationIds.get(code);
    if (!id) throw new Error(`demo: organisation "${code}" is not in the database`);
    return id;
  };

  const personIds = plan.victims.map(() => newId());
  const caseIds = plan.victims.map(() => newId());
  const persons = await tx.copyRows(
    'person',
    ['id', 'sex', 'birth_year', 'citizenships', 'synthetic', 'source_ref', 'created_at'],
    plan.victims.map((v, i) => [
      personIds[i],
      v.person.sex,
      v.person.birth_year,
      v.person.citizenships,
      true,
      sourceRef,
      at(v.potential_on),
    ]),
  );
  const sealed = plan.victims.map((v, i) => sealedIdentityRows(keyring, personIds[i]!, v.person.identity));
  await tx.copyRows(
    'person_identity_secret',
    ['person_id', 'key_id', 'envelope'],
    sealed.map(({ secret }) => [secret.person_id, secret.key_id, byteaHex(secret.envelope)]),
  );
  await tx.copyRows(
    'person_identity_index',
    ['person_id', 'field', 'key_id', 'digest'],
    sealed.flatMap(({ index }) => index.map((e) => [e.person_id, e.field, e.key_id, e.digest])),
  );
  const victimCases = await tx.copyRows(
    'victim_case',
    [
      'id',
      'person_id',
      'case_number',
      'nrm_status',
      'potential_on',
      'presumed_on',
      'identified_on',
      'not_a_victim_on',
      'registration_year',
      'reporting_year',
      'identifying_organisation_id',
      'forms',
      'sector',
      'countries_of_exploitation',
      'regions_of_exploitation',
      'exploitation_started_on',
      'age_at_exploitation_start',
      'age_at_identification',
      'age_band',
      'is_child',
      'recruitment_methods',
      'recruiter_relationship',
      'means_of_control',
      'synthetic',
      'source_ref',
      'created_at',
    ],
    plan.victims.map((v, i) => [
      caseIds[i],
      personIds[i],
      v.case_number,
      v.nrm_status,
      v.potential_on,
      v.presumed_on,
      v.identified_on,
      v.not_a_victim_on,
      v.registration_year,
      v.reporting_year,
      org(v.identifying_organisation),
      v.forms,
      v.sector,
      v.countries_of_exploitation,
      v.regions_of_exploitation,
      v.exploitation_started_on,
      v.age_at_exploitation_start,
      v.age_at_identification,
      v.age_band,
      v.is_child,
      v.recruitment_methods,
      v.recruiter_relationship,
      v.means_of_control,
      true,
      sourceRef,
      at(v.potential_on),
    ]),
  );

  const referralIds = plan.referrals.map(() => newId());
  const referrals = await tx.copyRows(
    'referral',
    [
      'id',
      'victim_case_id',
      'from_organisation_id',
      'to_organisation_id',
      'services',
      'status',
      'sent_at',
      'responded_at',
      'decline_reason',
      'decline_reason_code',
      'started_on',
      'created_at',
    ],
    plan.referrals.map((r, i) => [
      referralIds[i],
      caseIds[r.victim],
      org(r.from),
      org(r.to),
      r.services,
      r.status,
      r.sent_at,
      r.responded_at,
      r.decline_reason,
      r.decline_reason_code,
      r.started_on,
      r.sent_at,
    ]),
  );
  const assistance = await tx.copyRows(
    'assistance',
    ['id', 'victim_case_id', 'referral_id', 'provider_organisation_id', 'service', 'started_on', 'ended_on', 'created_at'],
    plan.referrals.flatMap((r, i) =>
      r.assistance.map((a) => [
        newId(),
        caseIds[r.victim],
        referralIds[i],
        org(a.provider),
        a.service,
        a.started_on,
        a.ended_on,
        at(a.started_on),
      ]),
    ),
  );

  const criminalCaseIds = plan.criminal_cases.map(() => newId());
  const criminalCases = await tx.copyRows(
    'criminal_case',
    [
      'id',
      'case_number',
      'investigating_organisation_id',
      'opened_on',
      'offence_articles',
      'forms',
      'synthetic',
      'created_at',
      'stage',
      'closed_on',
      'closure_reason',
      'organised_crime_group',
    ],
    plan.criminal_cases.map((c, i) => [
      criminalCaseIds[i],
      c.case_number,
      org(c.investigating_organisation),
      c.opened_on,
      c.offence_articles,
      c.forms,
      true,
      at(c.opened_on),
      c.proceedings?.stage ?? 'investigation_in_rem',
      c.proceedings?.closed_on ?? null,
      c.proceedings?.closure_reason ?? null,
      c.proceedings?.organised_crime_group ?? false,
    ]),
  );
  const criminalCaseVictims = await tx.copyRows(
    'criminal_case_victim',
    ['criminal_case_id', 'victim_case_id', 'role'],
    plan.criminal_cases.flatMap((c, i) => c.victims.map((v) => [criminalCaseIds[i], caseIds[v.victim], v.role])),
  );
  const suspectIds = plan.criminal_cases.map((c) => c.suspects.map(() => newId()));
  const suspects = await tx.copyRows(
    'suspect',
    [
      'id',
      'criminal_case_id',
      'sex',
      'age',
      'citizenships',
      'role',
      'state_employee',
      'prosecuted_on',
      'verdict',
      'verdict_on',
      'sentence_months',
      'sentence_suspended',
      'created_at',
    ],
    plan.criminal_cases.flatMap((c, i) =>
      c.suspects.map((s, j) => [
        suspectIds[i]![j]!,
        criminalCaseIds[i],
        s.sex,
        s.age,
        s.citizenships,
        s.role,
        s.state_employee,
        s.prosecuted_on,
        s.verdict,
        s.verdict_on,
        s.sentence_months,
        s.sentence_suspended,
        at(c.opened_on),
      ]),
    ),
  );
  const screenings = await writeDemoScreenings(tx, plan, caseIds, org);
  const workflow = await writeDemoNrmWorkflow(tx, plan, caseIds, org);
  const facilities = await writeDemoFacilities(tx, plan, org);
  const victimsInProceedings = await writeDemoVictimsInProceedings(tx, plan, caseIds, criminalCaseIds, org);
  const proceedings = await writeDemoProceedings(tx, plan, criminalCaseIds, suspectIds);
  const compensation = await writeDemoCompensation(tx, plan, caseIds, criminalCaseIds);
  return {
    organisations: plan.organisations.length,
    persons,
    victim_cases: victimCases,
    referrals,
    assistance,
    criminal_cases: criminalCases,
    criminal_case_victims: criminalCaseVictims,
    suspects,
    ...workflow,
    facilities,
    screenings,
    ...victimsInProceedings,
    ...proceedings,
    ...compensation,
  };
}
