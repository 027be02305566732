import { sql, type Kysely } from 'kysely';
import { compensationFigureValues, compensationValues, type FigureValue, type JurisdictionProfile } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';

/**
 * The annual report's compensation figures (issue 6 point 6; rules:
 * compensationFigures in @opennrm/domain, docs/statistics.md): the year's
 * court orders, by person, damage type and currency, the persons with a
 * payment against a claim that has an order in the year, and the rate table
 * to the profile's reporting currency. The sums and conversions are the
 * domain's, in exact decimal arithmetic.
 *
 * @param year reporting year; an order counts in the year of its ordered_on.
 * @returns figure path -> value; every compensation figure is null when the database holds no compensation claim.
 */
export async function compensationReportValues(
  db: Kysely<Database>,
  profile: JurisdictionProfile,
  year: number,
): Promise<Map<string, FigureValue['value']>> {
  const anyClaim = await db.selectFrom('compensation_claim').select('id').limit(1).executeTakeFirst();
  if (!anyClaim) return compensationFigureValues(null);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const orders = await db
    .selectFrom('compensation_order as o')
    .innerJoin('compensation_claim as c', 'c.id', 'o.claim_id')
    .innerJoin('victim_case as v', 'v.id', 'c.victim_case_id')
    .select(['v.person_id', 'o.damage_type', 'o.currency', 'o.ordered_on'])
    .select(sql<string>`o.amount::text`.as('amount'))
    .where('o.ordered_on', '>=', from)
    .where('o.ordered_on', '<=', to)
    .execute();
  const paid = await db
    .selectFrom('compensation_payment as p')
    .innerJoin('compensation_claim as c', 'c.id', 'p.claim_id')
    .innerJoin('victim_case as v', 'v.id', 'c.victim_case_id')
    .select('v.person_id')
    .distinct()
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('compensation_order as o')
          .select('o.id')
          .whereRef('o.claim_id', '=', 'c.id')
          .where('o.ordered_on', '>=', from)
          .where('o.ordered_on', '<=', to),
      ),
    )
    .execute();
  const rates = await db
    .selectFrom('exchange_rate')
    .select(['currency', 'reporting_currency', 'valid_on', 'source'])
    .select(sql<string>`rate::text`.as('rate'))
    .where('reporting_currency', '=', profile.compensation.reporting_currency)
    .execute();
  const values = compensationValues(
    orders.map((o) => ({ ...o, damage_type: o.damage_type as 'moral' | 'material' })),
    new Set(paid.map((p) => p.person_id)),
    rates.map((r) => ({ ...r, rate: r.rate.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') })),
    profile.compensation.reporting_currency,
  );
  return compensationFigureValues(values);
}

/** What the compensation figures count (FigureTrace parts). */
export type CompensationPopulation = 'compensation_orders' | 'compensation_paid' | 'exchange_rates';

/** One record behind a compensation figure: a person (victims), an order with its amount (amounts) or a rate row (rates, amount = the rate). */
export interface CompensationRecord {
  id: string;
  case_numbers: string[];
  amount?: string;
  currency?: string;
}

/**
 * The records behind one compensation figure of a year (every published number traces back to records):
 * - `victims`: the persons with an order in the year (pseudonymous person id, their victim case numbers);
 * - `victims_paid`: those of them with a payment against a claim with an order in the year;
 * - `moral_damages`, `material_damages`, `usd_equivalents`: the orders of the year (of that damage type), each with
 *   its amount and currency, under its victim case number;
 * - `usd_equivalent_rates`: the exchange_rate rows to the reporting currency.
 * The value is the report's, computed by compensationReportValues from the same rows.
 * @returns null when `path` is not a compensation figure.
 */
export async function traceCompensationFigure(
  db: Kysely<Database>,
  profile: JurisdictionProfile,
  year: number,
  path: string,
): Promise<{ value: FigureValue['value']; population: CompensationPopulation; records: CompensationRecord[] } | null> {
  const figure = path.replace(/^compensation_court_orders\./, '');
  if (figure === path) return null;
  const values = await compensationReportValues(db, profile, year);
  if (!values.has(path)) return null;
  const value = values.get(path) ?? null;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  if (figure === 'usd_equivalent_rates') {
    const rates = await db
      .selectFrom('exchange_rate')
      .select(['id', 'currency'])
      .select(sql<string>`rate::text`.as('rate'))
      .where('reporting_currency', '=', profile.compensation.reporting_currency)
      .orderBy('currency')
      .orderBy('valid_on')
      .execute();
    return {
      value,
      population: 'exchange_rates',
      records: rates.map((r) => ({ id: r.id, case_numbers: [], amount: r.rate, currency: r.currency })),
    };
  }
  const ordersOfYear = db
    .selectFrom('compensation_order as o')
    .innerJoin('compensation_claim as c', 'c.id', 'o.claim_id')
    .innerJoin('victim_case as v', 'v.id', 'c.victim_case_id')
    .where('o.ordered_on', '>=', from)
    .where('o.ordered_on', '<=', to);
  if (figure === 'victims' || figure === 'victims_paid') {
    let persons = ordersOfYear.select(['v.person_id', 'v.case_number']).distinct();
    if (figure === 'victims_paid')
      persons = persons.where((eb) =>
        eb.exists(eb.selectFrom('compensation_payment as p').select('p.id').whereRef('p.claim_id', '=', 'c.id')),
      );
    const rows = await persons.execute();
    const byPerson = new Map<string, Set<string>>();
    for (const r of rows) byPerson.set(r.person_id, (byPerson.get(r.person_id) ?? new Set()).add(r.case_number));
    const records = [...byPerson]
      .map(([id, cases]) => ({ id, case_numbers: [...cases].sort() }))
      .sort((a, b) => a.case_numbers[0]!.localeCompare(b.case_numbers[0]!) || a.id.localeCompare(b.id));
    return { value, population: figure === 'victims' ? 'compensation_orders' : 'compensation_paid', records };
  }
  const damageType = figure === 'moral_damages' ? 'moral' : figure === 'material_damages' ? 'material' : null;
  let orders = ordersOfYear.select(['o.id', 'v.case_number', 'o.currency']).select(sql<string>`o.amount::text`.as('amount'));
  if (damageType) orders = orders.where('o.damage_type', '=', damageType);
  if (figure === 'usd_equivalents') orders = orders.where('o.currency', '<>', profile.compensation.reporting_currency);
  const rows = await orders.orderBy('v.case_number').orderBy('o.id').execute();
  return {
    value,
    population: 'compensation_orders',
    records: rows.map((r) => ({ id: r.id, case_numbers: [r.case_number], amount: r.amount, currency: r.currency })),
  };
}
