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
  return { personId, caseId, caseNumber, referralId, assistanceId, consentId, criminalCaseNumber };
}
