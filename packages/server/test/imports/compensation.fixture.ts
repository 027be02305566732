import type { NrmDatabase } from '../../src/db/database.ts';
import { newId } from '../../src/shared/ids.ts';

/**
 * Compensation records for the export fixture (migration 0020), with the
 * awkward values: amounts with 3 decimals (KWD) and a 0-decimal currency
 * (JPY), a rate with 10 decimals, a renounced claim the victim was not told
 * about, a payment on an order and one on the claim only, a court by code.
 */
export async function fillCompensationFixture(
  nrm: NrmDatabase,
  ids: { victimCase: string; criminalCase: string; user: string },
): Promise<void> {
  const court = await nrm.db.selectFrom('organisation').select('id').where('kind', '=', 'court').executeTakeFirstOrThrow();
  await nrm.db
    .insertInto('exchange_rate')
    .values([
      {
        id: newId(),
        currency: 'RON',
        reporting_currency: 'USD',
        // Not a day the demo's rates use: the round trip loads the demo and this fixture together.
        valid_on: '2019-07-01',
        rate: '0.2222727273',
        source: 'TIP 2024',
        recorded_by: ids.user,
      },
      {
        id: newId(),
        currency: 'KWD',
        reporting_currency: 'USD',
        valid_on: '2023-01-01',
        rate: '3.25',
        source: 'test',
        updated_at: '2023-01-02T03:04:05.000006Z',
      },
    ])
    .execute();
  const claim = newId();
  const renounced = newId();
  await nrm.db
    .insertInto('compensation_claim')
    .values([
      {
        id: claim,
        victim_case_id: ids.victimCase,
        criminal_case_id: ids.criminalCase,
        route: 'restitution_in_criminal_case',
        filed_on: '2023-03-01',
        status: 'ordered',
        recorded_by: ids.user,
        synthetic: true,
      },
      {
        id: renounced,
        victim_case_id: ids.victimCase,
        route: 'civil_claim',
        filed_on: '2023-03-02',
        renounced: true,
        renounced_on: '2023-05-02',
        renounced_informed: false,
      },
    ])
    .execute();
  const order = newId();
  await nrm.db
    .insertInto('compensation_order')
    .values([
      {
        id: order,
        claim_id: claim,
        ordered_on: '2023-06-15',
        damage_type: 'moral',
        amount: '1100000.50',
        currency: 'RON',
        court_organisation_id: court.id,
        recorded_by: ids.user,
      },
      { id: newId(), claim_id: claim, ordered_on: '2023-06-15', damage_type: 'material', amount: '12.345', currency: 'KWD' },
      { id: newId(), claim_id: claim, ordered_on: '2023-06-15', damage_type: 'material', amount: '5000', currency: 'JPY' },
    ])
    .execute();
  await nrm.db
    .insertInto('compensation_payment')
    .values([
      {
        id: newId(),
        claim_id: claim,
        order_id: order,
        paid_on: '2023-09-01',
        amount: '1500.00',
        currency: 'RON',
        payer: 'offender',
        recorded_by: ids.user,
      },
      { id: newId(), claim_id: claim, paid_on: '2024-01-10', amount: '200', currency: 'RON', payer: 'seized_assets_fund' },
    ])
    .execute();
  await nrm.db
    .insertInto('state_advance_payment')
    .values({
      id: newId(),
      victim_case_id: ids.victimCase,
      requested_on: '2023-04-03',
      granted_on: '2023-04-20',
      amount: '15000.00',
      currency: 'RON',
      purpose: 'housing',
      recorded_by: ids.user,
      synthetic: true,
    })
    .execute();
}
