import type { NrmDatabase } from '../../src/db/database.ts';
import { newId } from '../../src/shared/ids.ts';
import { seal } from '../../src/security/crypto/envelope.ts';
import { victimHearingNoteContext } from '../../src/security/crypto/sealed-columns.ts';
import { TEST_KEYRING } from '../support/test-keyring.ts';

/**
 * Victims in proceedings for the export fixture (migration 0019): a held
 * hearing with settings, an interpreter and a note, a planned and a cancelled
 * one, counsel by organisation and by bar (ended), a programme still running
 * and an ended measure ordered by an organisation (by code in the file).
 */
export async function fillProceedingsFixture(
  nrm: NrmDatabase,
  ids: { victimCase: string; criminalCase: string; user: string },
): Promise<void> {
  const org = async (code: string) =>
    (await nrm.db.selectFrom('organisation').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const diicot = await org('DIICOT');
  const base = { victim_case_id: ids.victimCase, recorded_by: ids.user };
  const heard = newId();
  const note = 'Heard with a break after an hour; "quoted" text';
  await nrm.db
    .insertInto('victim_hearing')
    .values([
      {
        id: heard,
        ...base,
        criminal_case_id: ids.criminalCase,
        status: 'held',
        planned_on: '2023-03-01',
        held_on: '2023-03-02',
        body_organisation_id: diicot,
        body_kind: 'prosecutor',
        settings: ['separate_room', 'psychologist_present'],
        counsel_present: false,
        interpreter_language: 'uk',
        note: seal(TEST_KEYRING, victimHearingNoteContext(heard), Buffer.from(JSON.stringify(note), 'utf8')).envelope,
        updated_at: '2023-03-02T10:00:00.000007Z',
      },
      {
        id: newId(),
        ...base,
        criminal_case_id: null,
        status: 'planned',
        planned_on: '2030-01-10',
        body_organisation_id: await org('COURTS'),
        body_kind: 'court',
      },
      {
        id: newId(),
        ...base,
        criminal_case_id: null,
        status: 'cancelled',
        body_organisation_id: await org('IGPR'),
        body_kind: 'police',
        synthetic: true,
      },
    ])
    .execute();
  await nrm.db
    .insertInto('legal_counsel_assignment')
    .values([
      { id: newId(), ...base, counsel_organisation_id: diicot, counsel_bar: null, assigned_on: '2023-02-01', mandatory: true },
      { id: newId(), ...base, counsel_bar: 'Baroul Cluj', counsel_name: 'Av. Ionescu', assigned_on: '2022-01-01', ended_on: '2022-12-31' },
    ])
    .execute();
  await nrm.db
    .insertInto('programme_participation')
    .values({ id: newId(), ...base, programme: 'victim_witness_coordination', started_on: '2023-01-15' })
    .execute();
  await nrm.db
    .insertInto('protection_measure')
    .values({
      id: newId(),
      ...base,
      measure: 'escort',
      ordered_on: '2023-01-20',
      ended_on: '2023-06-30',
      ordered_by_organisation_id: diicot,
    })
    .execute();
}
