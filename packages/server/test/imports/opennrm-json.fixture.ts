import path from 'node:path';
import { sql } from 'kysely';
import type { NrmDatabase } from '../../src/db/database.ts';
import { newId } from '../../src/shared/ids.ts';
import { importCtdcFile } from '../../src/imports/ctdc/import-ctdc.ts';
import { writeIdentity } from '../../src/security/crypto/identity-store.ts';
import { withGdprTables } from '../../src/gdpr/gdpr-tables.ts';
import { seal } from '../../src/security/crypto/envelope.ts';
import { screeningNotesContext } from '../../src/security/crypto/sealed-columns.ts';
import { TEST_KEYRING } from '../support/test-keyring.ts';
import { fillCompensationFixture } from './compensation.fixture.ts';
import { fillProceedingsFixture } from './proceedings.fixture.ts';

/** Case number of the richest victim case of fillExportFixture. */
export const RICH_CASE_NUMBER = 'RO-2023-0001';

/**
 * Records of every exported type (TABLES in imports/opennrm-json/tables.ts),
 * with the awkward values: identities, µs timestamps, nulls, arrays, an
 * organisation not in the profile, accounts (one single sign-on), a case
 * team, custom shared fields, conflicts of interest, a break-glass grant and
 * its alert, consent given and withdrawn, an erasure refused and one done,
 * anonymisation marks, screenings (sealed notes, revisions), service
 * facilities and payments, NRM workflow steps, notifications and residence
 * statuses. A CTDC file brings an import batch and its kinds of records (ctdc_record_kind).
 */
export async function fillExportFixture(nrm: NrmDatabase): Promise<void> {
  await importCtdcFile(nrm, path.resolve(import.meta.dirname, '../fixtures/ctdc-small.csv'), { currentYear: 2026 });
  const db = withGdprTables(nrm.db);
  const org = (code: string) => nrm.db.selectFrom('organisation').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  const anitp = (await org('ANITP')).id;
  const diicot = (await org('DIICOT')).id;
  const police = (await org('IGPR')).id;
  const ngo = newId();
  await nrm.db
    .insertInto('organisation')
    .values({ id: ngo, code: 'NGO-TEST', name: 'Asociația "Test"\ttab', kind: 'ngo', functions: ['service_provider'] })
    .execute();
  const worker = newId();
  const coordinator = newId();
  const officer = newId();
  await nrm.db
    .insertInto('app_user')
    .values([
      {
        id: worker,
        username: 'ana.ngo',
        display_name: 'Ana "NGO"',
        password_hash: 'not exported',
        role: 'case_worker',
        organisation_id: ngo,
        oidc_issuer: 'https://sso.example.ro',
        oidc_subject: 'ana-42',
        created_at: '2023-01-05T08:00:00.000007Z',
      },
      { id: coordinator, username: 'coord', display_name: 'Coordonator', password_hash: 'x', role: 'coordinator', organisation_id: anitp },
      {
        id: officer,
        username: 'officer',
        display_name: 'Officer',
        password_hash: 'x',
        role: 'prosecutor',
        organisation_id: police,
        disabled: true,
        email: 'officer@politiaromana.test',
      },
      { id: newId(), username: 'chief', display_name: 'Administrator', password_hash: 'x', role: 'administrator' },
    ])
    .execute();
  const person = newId();
  await nrm.db
    .insertInto('person')
    .values({
      id: person,
      sex: 'female',
      birth_year: 2006,
      citizenships: ['RO', 'MD'],
      created_by_user_id: worker,
      created_at: '2023-02-01T10:11:12.123456Z',
    })
    .execute();
  await writeIdentity(nrm.db, TEST_KEYRING, person, {
    given_names: 'Ioana',
    family_name: 'Pop',
    documents: [{ type: 'id_card', number: 'RX123', country: 'RO' }],
    notes: 'line\nbreak "q"',
  });
  const anonymised = newId();
  await db
    .insertInto('person')
    .values({ id: anonymised, sex: 'male', anonymised_on: '2025-01-02', anonymisation_rule: 'erasure_art17' })
    .execute();
  const vcase = newId();
  await db
    .insertInto('victim_case')
    .values({
      id: vcase,
      person_id: person,
      case_number: RICH_CASE_NUMBER,
      nrm_status: 'identified',
      presumed_on: '2023-02-01',
      identified_on: '2023-03-15',
      reporting_year: 2023,
      identifying_organisation_id: anitp,
      owner_organisation_id: ngo,
      created_by_user_id: worker,
      forms: ['sexual', 'labour'],
      countries_of_exploitation: ['RO', 'DE'],
      regions_of_exploitation: ['RO-B'],
      age_at_exploitation_start: 16,
      is_child: true,
      recruitment_methods: ['lover_boy'],
      recruiter_relationship: 'intimate_partner',
      means_of_control: ['threats', 'withholds_documents'],
      synthetic: true,
      workflow_state: 'identified_victim',
      region: 'RO-B',
    })
    .execute();
  const oldCase = newId();
  await db
    .insertInto('victim_case')
    .values({
      id: oldCase,
      person_id: anonymised,
      case_number: 'RO-2019-0007',
      nrm_status: 'identified',
      identified_on: '2019-01-01',
      reporting_year: 2019,
      forms: ['labour'],
      anonymised_on: '2025-01-02',
      anonymisation_rule: 'erasure_art17',
    })
    .execute();
  await nrm.db
    .insertInto('case_team')
    .values([
      { victim_case_id: vcase, user_id: worker, role: 'lead', added_at: '2023-02-01T10:11:13.000001Z' },
      { victim_case_id: vcase, user_id: coordinator },
    ])
    .execute();
  const facility = newId();
  await nrm.db
    .insertInto('service_facility')
    .values({
      id: facility,
      organisation_id: ngo,
      code: 'NGO-TEST-SHELTER-B',
      name: 'Adăpost "Speranța"',
      region: 'RO-B',
      services: ['shelter', 'psychological'],
      accepts_children: true,
      dedicated_to_trafficking: true,
      capacity: 12,
      free_places: 3,
      free_places_updated_at: '2023-02-01T07:00:00.000003Z',
      free_places_updated_by: worker,
      licence_number: 'L-123',
      licence_authority: 'ANPDCA',
      licence_expires_on: '2026-12-31',
    })
    .execute();
  // Re-sent after a decline: the accepted referral refers to one written after it (ids are time-ordered).
  const referral = newId();
  const declined = newId();
  await db
    .insertInto('referral')
    .values({
      id: declined,
      victim_case_id: vcase,
      from_organisation_id: anitp,
      to_organisation_id: police,
      services: ['shelter'],
      status: 'declined',
      sent_at: '2023-02-01T12:00:00Z',
      responded_at: '2023-02-01T18:00:00Z',
      decline_reason: 'Nu avem locuri',
      decline_reason_code: 'no_free_places',
      urgency: 'urgent',
      overdue_alerted_at: '2023-02-01T16:00:00.000002Z',
    })
    .execute();
  await db
    .insertInto('referral')
    .values({
      resent_from_referral_id: declined,
      id: referral,
      victim_case_id: vcase,
      from_organisation_id: anitp,
      to_organisation_id: ngo,
      services: ['shelter', 'legal'],
      status: 'accepted',
      sent_at: '2023-02-02T08:00:00.000001Z',
      responded_at: '2023-02-03T09:30:00Z',
      started_on: '2023-02-04',
      shared_fields: ['case_number', 'identity.given_names'],
    })
    .execute();
  await db
    .insertInto('referral')
    .values({
      id: newId(),
      victim_case_id: oldCase,
      from_organisation_id: anitp,
      to_organisation_id: ngo,
      services: ['medical'],
      status: 'declined',
      sent_at: '2019-01-01T00:00:00Z',
      anonymised_on: '2025-01-02',
      anonymisation_rule: 'erasure_art17',
    })
    .execute();
  await db
    .insertInto('assistance')
    .values([
      {
        id: newId(),
        victim_case_id: vcase,
        referral_id: referral,
        provider_organisation_id: ngo,
        service: 'shelter',
        started_on: '2023-02-04',
        ended_on: '2023-06-30',
        facility_id: facility,
      },
      {
        id: newId(),
        victim_case_id: vcase,
        provider_organisation_id: anitp,
        service: 'financial',
        started_on: '2023-07-01',
        amount: '1500.50',
        currency: 'RON',
        payment_scheme: 'state_advance',
      },
      {
        id: newId(),
        victim_case_id: oldCase,
        provider_organisation_id: ngo,
        service: 'medical',
        started_on: '2019-01-01',
        anonymised_on: '2025-01-02',
        anonymisation_rule: 'erasure_art17',
      },
    ])
    .execute();
  const ccase = newId();
  await nrm.db
    .insertInto('criminal_case')
    .values({
      id: ccase,
      case_number: 'DIICOT-123/2023',
      investigating_organisation_id: diicot,
      opened_on: '2023-04-01',
      offence_articles: ['210', '211'],
      forms: ['sexual'],
      // Order kept: NGO-TEST sorts after IGPR by code but comes first here.
      institutions_under_investigation: [ngo, police],
      stage: 'closed',
      closed_on: '2024-02-01',
      closure_reason: 'statute_of_limitations',
      organised_crime_group: true,
      prosecutor_user_id: coordinator,
      manager_user_id: officer,
    })
    .execute();
  await nrm.db.insertInto('criminal_case_victim').values({ criminal_case_id: ccase, victim_case_id: vcase, role: 'civil_party' }).execute();
  const suspectId = newId();
  await nrm.db
    .insertInto('suspect')
    .values({
      id: suspectId,
      criminal_case_id: ccase,
      sex: 'male',
      age: 31,
      citizenships: ['RO'],
      role: 'recruiter',
      state_employee: true,
      prosecuted_on: '2023-09-01',
      verdict: 'convicted',
      verdict_on: '2024-05-20',
      sentence_months: 84,
      sentence_suspended: false,
      app_user_id: officer,
    })
    .execute();
  await nrm.db
    .insertInto('criminal_case_offence')
    .values({
      id: newId(),
      criminal_case_id: ccase,
      article: '210',
      committed_on: '2019-03-01',
      committed_until: '2019-08-31',
      suspect_id: suspectId,
    })
    .execute();
  await nrm.db
    .insertInto('procedural_event')
    .values([
      {
        id: newId(),
        criminal_case_id: ccase,
        suspect_id: suspectId,
        kind: 'pretrial_detention_warrant',
        occurred_on: '2023-09-02',
        ends_on: '2023-10-01',
        phase: 'investigation',
        note: 'warrant 12/UP/2023',
        recorded_by: coordinator,
        created_at: '2023-09-02T10:00:00.123456Z',
      },
      {
        id: newId(),
        criminal_case_id: ccase,
        suspect_id: suspectId,
        kind: 'confiscation_ordered',
        occurred_on: '2024-05-20',
        phase: 'trial',
        amount: '125000.75',
        currency: 'EUR',
      },
      { id: newId(), criminal_case_id: ccase, kind: 'case_closed', occurred_on: '2024-02-01' },
    ])
    .execute();
  await nrm.db
    .insertInto('criminal_case_cooperation')
    .values({
      id: newId(),
      criminal_case_id: ccase,
      kind: 'joint_investigation_team',
      countries: ['RO', 'IT'],
      opened_on: '2023-05-01',
      concluded_on: '2023-11-30',
    })
    .execute();
  await nrm.db
    .insertInto('break_glass_grant')
    .values({
      id: newId(),
      victim_case_id: vcase,
      user_id: coordinator,
      reason: 'Victim at the border tonight, team unreachable',
      granted_at: '2023-05-01T22:00:00.5Z',
      expires_at: '2023-05-02T06:00:00.5Z',
    })
    .execute();
  await nrm.db
    .insertInto('alert')
    .values([
      {
        id: newId(),
        recipient_user_id: worker,
        kind: 'break_glass',
        victim_case_id: vcase,
        actor_user_id: coordinator,
        reason: 'Victim at the border tonight, team unreachable',
        read_at: '2023-05-02T07:00:00Z',
      },
      { id: newId(), recipient_user_id: coordinator, kind: 'notice' },
      {
        id: newId(),
        recipient_user_id: officer,
        kind: 'deadline_reminder',
        criminal_case_id: ccase,
        deadline_key: 'limitation:o1:-:-:2031-04-01',
        lead_days: 90,
        deadline: JSON.stringify({ kind: 'limitation', due_on: '2031-04-01', days_left: 90, as_of: '2031-01-01', rule: { code: 'x' } }),
      },
    ])
    .execute();
  await db
    .insertInto('consent')
    .values([
      {
        id: newId(),
        person_id: person,
        victim_case_id: vcase,
        purpose: 'referral',
        given: true,
        recorded_on: '2023-02-01',
        recorded_by: worker,
        method: 'written_form',
        withdrawn_on: '2023-08-01',
        withdrawn_by: coordinator,
      },
      {
        id: newId(),
        person_id: person,
        purpose: 'media',
        given: false,
        recorded_on: '2023-02-01',
        recorded_by: null,
        method: 'oral_witnessed',
      },
    ])
    .execute();
  await db
    .insertInto('erasure_request')
    .values([
      {
        id: newId(),
        person_id: person,
        requested_by: worker,
        ground: 'consent_withdrawn',
        reason: 'The victim asked in writing',
        outcome: 'refused',
        exemption: 'legal_claims',
        article: 'GDPR art. 17(3)(e)',
      },
      {
        id: newId(),
        person_id: anonymised,
        requested_by: null,
        requested_at: '2025-01-02T12:00:00.000001Z',
        ground: 'no_longer_necessary',
        reason: 'Case closed years ago',
        outcome: 'erased',
      },
    ])
    .execute();
  // A screening that opened the rich case, with its notes sealed and two revisions, and one that found nothing.
  const screening = newId();
  const answers1 = { 'lab.deception': 'yes', 'lab.documents': 'unknown' };
  const answers2 = { 'lab.deception': 'yes', 'lab.documents': 'yes' };
  const evaluation = {
    outcome: 'presumed_victim',
    dimensions_met: [{ dimension: 'deception', by_answers: ['lab.deception'], rule: 'any' }],
  };
  await nrm.db
    .insertInto('screening')
    .values([
      {
        id: screening,
        revision: 2,
        content_sha256: 'b'.repeat(64),
        recorded_at: '2023-01-31T17:45:00.000001Z',
        first_received_at: '2023-01-31T18:00:00Z',
        received_at: '2023-02-01T08:00:00Z',
        recorded_by_user_id: worker,
        organisation_id: ngo,
        county: 'RO-B',
        context: 'outreach',
        subject_age_years: 16,
        subject_age_group: 'child',
        subject_sex: 'female',
        subject_citizenships: ['RO'],
        exploitation: 'labour',
        answers: JSON.stringify(answers2),
        notes: seal(TEST_KEYRING, screeningNotesContext(screening), Buffer.from(JSON.stringify('Met "M." at the station\nnear platform 3')))
          .envelope,
        instrument: 'ilo-ec-2009',
        indicator_set: 'labour',
        outcome: 'presumed_victim',
        evaluation: JSON.stringify(evaluation),
        victim_case_id: vcase,
        case_opened_at: '2023-02-01T10:11:12.123456Z',
        synthetic: true,
      },
      {
        id: newId(),
        revision: 1,
        content_sha256: 'c'.repeat(64),
        recorded_at: '2023-03-01T09:00:00Z',
        recorded_by_user_id: coordinator,
        organisation_id: null,
        county: 'RO-CJ',
        context: 'hotline',
        subject_age_group: 'unknown',
        subject_sex: 'unknown',
        exploitation: 'sexual',
        answers: '{}',
        notes: null,
        instrument: 'ilo-ec-2009',
        indicator_set: 'sexual',
        outcome: 'no_indicators',
        evaluation: JSON.stringify({ outcome: 'no_indicators', dimensions_met: [] }),
      },
    ])
    .execute();
  await nrm.db
    .insertInto('screening_revision')
    .values([
      {
        screening_id: screening,
        revision: 1,
        content_sha256: 'a'.repeat(64),
        recorded_at: '2023-01-31T17:30:00Z',
        answers: JSON.stringify(answers1),
        outcome: 'potential_victim',
      },
      {
        screening_id: screening,
        revision: 2,
        content_sha256: 'b'.repeat(64),
        recorded_at: '2023-01-31T17:45:00.000001Z',
        answers: JSON.stringify(answers2),
        outcome: 'presumed_victim',
      },
    ])
    .execute();
  // The NRM workflow: steps (one left an anonymous notification), the child-protection notice, a residence status.
  const declinedAdult = newId();
  await nrm.db
    .insertInto('anonymous_notification')
    .values({
      id: declinedAdult,
      notified_on: '2023-04-02',
      notifying_organisation_id: police,
      sex: 'male',
      age_band: '25--29',
      citizenships: ['MD'],
      forms: ['labour'],
      region: 'RO-CJ',
      countries_of_exploitation: ['RO'],
      withdrawn_on: '2023-05-01',
      synthetic: true,
      created_at: '2023-04-02T10:00:00.000004Z',
    })
    .execute();
  const presumed = newId();
  await nrm.db
    .insertInto('nrm_transition')
    .values([
      {
        id: presumed,
        victim_case_id: vcase,
        event: 'presume',
        from_state: 'referred',
        to_state: 'presumed_victim',
        occurred_on: '2023-02-01',
        recorded_at: '2023-02-01T11:00:00.000005Z',
        actor_user_id: coordinator,
        actor_organisation_id: anitp,
        reason: 'Indicatori de înșelăciune și documente reținute',
        grounds: ['deception', 'documents_withheld'],
        nrm_status: 'presumed',
        source_type: 'referral',
        source_id: referral,
      },
      {
        id: newId(),
        victim_case_id: oldCase,
        event: 'close',
        from_state: 'identified_victim',
        to_state: 'closed',
        occurred_on: '2019-06-01',
        closure_reason: 'assistance_completed',
        anonymous_notification_id: declinedAdult,
      },
    ])
    .execute();
  const dgaspc = (await org('DGASPC-AB')).id;
  await nrm.db
    .insertInto('child_protection_notification')
    .values([
      {
        id: newId(),
        victim_case_id: vcase,
        transition_id: presumed,
        region: 'RO-AB',
        organisation_id: dgaspc,
        status: 'sent',
        recipients: 2,
        notified_at: '2023-02-01T11:00:01.000006Z',
      },
      { id: newId(), victim_case_id: vcase, transition_id: presumed, region: null, organisation_id: null, status: 'unrouted' },
    ])
    .execute();
  await nrm.db
    .insertInto('residence_status')
    .values({
      id: newId(),
      victim_case_id: vcase,
      status: 'reflection_period',
      starts_on: '2023-02-01',
      expires_on: '2023-04-02',
      expiry_warned_on: '2023-03-20',
      recorded_by: worker,
      synthetic: true,
    })
    .execute();
  // Intervals the retention purge keeps before coarsening dates, and an anonymised screening (migration 0017).
  await sql`UPDATE referral SET days_from_screening = 3, days_to_first_service = 0, intervals_kept = true
            WHERE victim_case_id = ${oldCase}`.execute(nrm.db);
  await sql`UPDATE screening SET anonymised_on = '2025-03-01', anonymisation_rule = 'screening_no_indicators'
            WHERE outcome = 'no_indicators'`.execute(nrm.db);
  await fillProceedingsFixture(nrm, { victimCase: vcase, criminalCase: ccase, user: worker });
  await fillCompensationFixture(nrm, { victimCase: vcase, criminalCase: ccase, user: worker });
  // A person updated after creation: updated_at differs from created_at.
  await sql`UPDATE person SET updated_at = '2024-01-01T00:00:00.000009Z' WHERE id = ${person}`.execute(nrm.db);
}
