import { shippedProfile } from '@opennrm/domain';
import type { NrmDatabase } from '../../src/db/database.ts';
import { newId } from '../../src/shared/ids.ts';
import { Keyring } from '../../src/security/crypto/keyring.ts';
import { writeIdentity } from '../../src/security/crypto/index.ts';
import { withGdprTables } from '../../src/gdpr/gdpr-tables.ts';
import { keyringConfig } from '../security/keys.fixture.ts';

export const profile = shippedProfile('romania');
export const keyring = new Keyring(keyringConfig(['k1']));

async function orgId(nrm: NrmDatabase, code: string): Promise<string> {
  return (await nrm.db.selectFrom('organisation').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

export interface VictimSpec {
  year: number;
  /** Assistance without an end date (the case stays open). */
  ongoingAssistance?: boolean;
  /** Linked to a criminal case with an undecided suspect (legal hold). */
  openCriminalCase?: boolean;
  /** Linked to a criminal case whose only suspect has a verdict. */
  concludedCriminalCase?: boolean;
  status?: 'identified' | 'not_a_victim';
  /** The case was opened from a screening recorded on this instant (ISO), with sealed notes. */
  screenedAt?: string;
  /** Seals the identity (default: this file's keyring). */
  keyring?: Keyring;
}

export interface Victim {
  personId: string;
  caseId: string;
  caseNumber: string;
  referralId: string;
  assistanceId: string;
  consentId: string;
  criminalCaseNumber: string | null;
  screeningId: string | null;
}

let serial = 0;

/**
 * A victim with a sealed identity, one case of `year`, a referral sent in
 * March, assistance from April (ended in June of the next year unless
 * ongoing), a consent to referral, and optionally a criminal case.
 */
export async function victim(nrm: NrmDatabase, spec: VictimSpec): Promise<Victim> {
  const n = ++serial;
  const personId = newId();
  const caseId = newId();
  const referralId = newId();
  const assistanceId = newId();
  const consentId = newId();
  const status = spec.status ?? 'identified';
  const caseNumber = `GDPR-${spec.year}-${n}`;
  await nrm.db
    .insertInto('person')
    .values({ id: personId, sex: n % 2 ? 'female' : 'male', birth_year: spec.year - 20, citizenships: ['RO'] })
    .execute();
  await writeIdentity(nrm.db, spec.keyring ?? keyring, personId, {
    given_names: `Ana${n}`,
    family_name: 'Popescu',
    date_of_birth: `${spec.year - 20}-04-02`,
    documents: [{ type: 'id_card', number: `RX${100000 + n}` }],
    address: 'Strada Exemplu 1, Cluj-Napoca',
  });
  await nrm.db
    .insertInto('victim_case')
    .values({
      id: caseId,
      person_id: personId,
      case_number: caseNumber,
      nrm_status: status,
      presumed_on: `${spec.year}-02-01`,
      identified_on: status === 'identified' ? `${spec.year}-05-10` : null,
      not_a_victim_on: status === 'not_a_victim' ? `${spec.year}-05-10` : null,
      reporting_year: status === 'identified' ? spec.year : null,
      forms: ['sexual'],
      countries_of_exploitation: ['RO', 'IT'],
      age_at_identification: 20,
      age_band: '18-24',
      is_child: false,
    })
    .execute();
  const anitp = await orgId(nrm, 'ANITP');
  let ngo = (await nrm.db.selectFrom('organisation').select('id').where('kind', '=', 'ngo').executeTakeFirst())?.id;
  if (!ngo) {
    ngo = newId();
    await nrm.db
      .insertInto('organisation')
      .values({ id: ngo, code: 'NGO-GDPR', name: 'Test shelter NGO', kind: 'ngo', functions: ['service_provider'] })
      .execute();
  }
  await nrm.db
    .insertInto('referral')
    .values({
      id: referralId,
      victim_case_id: caseId,
      from_organisation_id: anitp,
      to_organisation_id: ngo,
      services: ['shelter'],
      status: 'accepted',
      sent_at: `${spec.year}-03-03T10:00:00Z`,
      responded_at: `${spec.year}-03-04T10:00:00Z`,
      started_on: `${spec.year}-04-01`,
    })
    .execute();
  await nrm.db
    .insertInto('assistance')
    .values({
      id: assistanceId,
      victim_case_id: caseId,
      referral_id: referralId,
      provider_organisation_id: ngo,
      service: 'shelter',
      started_on: `${spec.year}-04-01`,
      ended_on: spec.ongoingAssistance ? null : `${spec.year + 1}-06-30`,
    })
    .execute();
  await withGdprTables(nrm.db)
    .insertInto('consent')
    .values({
      id: consentId,
      person_id: personId,
      victim_case_id: caseId,
      purpose: 'referral',
      given: true,
      recorded_on: `${spec.year}-03-01`,
      method: 'written_form',
    })
    .execute();
  const screeningId = spec.screenedAt ? await screening(nrm, { recordedAt: spec.screenedAt, caseId }) : null;
  let criminalCaseNumber: string | null = null;
  if (spec.openCriminalCase || spec.concludedCriminalCase) {
    const criminalId = newId();
    criminalCaseNumber = `DIICOT-${n}`;
    await nrm.db
      .insertInto('criminal_case')
      .values({
        id: criminalId,
        case_number: criminalCaseNumber,
        opened_on: `${spec.year}-06-01`,
        offence_articles: ['210'],
        forms: ['sexual'],
      })
      .execute();
    await nrm.db.insertInto('criminal_case_victim').values({ criminal_case_id: criminalId, victim_case_id: caseId }).execute();
    await nrm.db
      .insertInto('suspect')
      .values({
        id: newId(),
        criminal_case_id: criminalId,
        verdict: spec.concludedCriminalCase ? 'convicted' : null,
        verdict_on: spec.concludedCriminalCase ? `${spec.year + 1}-01-15` : null,
      })
      .execute();
  }
  return { personId, caseId, caseNumber, referralId, assistanceId, consentId, criminalCaseNumber, screeningId };
}

/**
 * A screening by a police responder in Cluj, recorded at `recordedAt` (ISO
 * instant), with answers, sealed-looking notes and one earlier revision; the
 * case `caseId` was opened from it when given.
 * @returns the screening id.
 */
export async function screening(nrm: NrmDatabase, spec: { recordedAt: string; caseId?: string }): Promise<string> {
  const id = newId();
  let userId = (await nrm.db.selectFrom('app_user').select('id').limit(1).executeTakeFirst())?.id;
  if (!userId) {
    userId = newId();
    await nrm.db
      .insertInto('app_user')
      .values({
        id: userId,
        username: 'gdpr-responder',
        display_name: 'Responder',
        password_hash: 'x',
        role: 'front_line_responder',
        organisation_id: null,
      })
      .execute();
  }
  const answers = JSON.stringify({ deceptive_recruitment_1: 'yes' });
  await nrm.db
    .insertInto('screening')
    .values({
      id,
      revision: 2,
      content_sha256: 'c'.repeat(64),
      recorded_at: spec.recordedAt,
      recorded_by_user_id: userId,
      county: 'CJ',
      context: 'police_operation',
      subject_age_years: 24,
      subject_age_group: 'adult',
      subject_sex: 'female',
      subject_citizenships: ['RO'],
      exploitation: 'sexual',
      answers,
      notes: new Uint8Array([1, 2, 3]),
      instrument: 'test',
      indicator_set: 'adult_sexual',
      outcome: spec.caseId ? 'presumed_victim' : 'no_indicators',
      evaluation: JSON.stringify({ outcome: 'x' }),
      victim_case_id: spec.caseId ?? null,
      case_opened_at: spec.caseId ? spec.recordedAt : null,
    })
    .execute();
  for (const revision of [1, 2])
    await nrm.db
      .insertInto('screening_revision')
      .values({
        screening_id: id,
        revision,
        content_sha256: 'c'.repeat(64),
        recorded_at: spec.recordedAt,
        answers,
        outcome: 'no_indicators',
      })
      .execute();
  return id;
}
