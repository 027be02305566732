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
