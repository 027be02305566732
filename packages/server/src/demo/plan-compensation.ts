import type { ExchangeRate } from '@opennrm/domain';
import { addDays, dateBetween, maxDate, minDate } from './calendar.ts';
import type { PlannedCriminalCase, PlannedVictim } from './demo-plan.ts';
import { splitExact, type SeededRandom } from './random.ts';

/**
 * The compensation side of a demo scenario (issue 6 point 5): the court
 * orders of a year with their totals per damage type and currency, how many
 * of those victims were paid, claims renounced, advance payments, and the
 * exchange-rate rows the report converts with.
 */
export interface CompensationScenario {
  /** By year of the court decision. */
  court_orders: Record<number, CourtOrdersYear>;
  /** Claims renounced in the criminal case, by year: how many, and of those how many without counsel telling the victim what it meant. */
  renounced_claims: Record<number, { count: number; uninformed: number }>;
  /** State advance payments granted, by year of the request (each within the profile's cap of that year). */
  advance_payments: Record<number, number>;
  exchange_rates: ExchangeRate[];
}

export interface CourtOrdersYear {
  /** Distinct victims with an order in the year. */
  victims: number;
  /** Orders per damage type and currency: how many victims get one, and their exact total (whole units). */
  orders: { damage_type: 'moral' | 'material'; currency: string; victims: number; total: number }[];
  /** Of those victims, how many have received at least one payment (as_of). */
  victims_paid: number;
}

export interface PlannedCompensationClaim {
  victim: number;
  criminal_case: number;
  route: 'restitution_in_criminal_case';
  filed_on: string;
  status: 'pending' | 'ordered';
  renounced_on: string | null;
  renounced_informed: boolean | null;
  orders: { ordered_on: string; damage_type: 'moral' | 'material'; amount: string; currency: string }[];
  /** Payments on the claim's first order. */
  payments: { paid_on: string; amount: string; currency: string; payer: 'offender' | 'state' | 'seized_assets_fund' }[];
}

export interface PlannedAdvancePayment {
  victim: number;
  requested_on: string;
  granted_on: string;
  /** Decimal string in `currency`. */
  amount: string;
  currency: string;
  purpose: 'medical' | 'housing' | 'subsistence' | 'travel';
}

export interface PlannedCompensation {
  claims: PlannedCompensationClaim[];
  advance_payments: PlannedAdvancePayment[];
  exchange_rates: ExchangeRate[];
}

/** A victim who can claim in a criminal case: linked as injured party, and the day a court could decide. */
interface Candidate {
  victim: number;
  criminal_case: number;
  filed_on: string;
  /** Day of a conviction in the case in the year, or a day of the year after filing. */
  decided_on: string;
  countries: string[];
}

const EURO_COUNTRIES = new Set(['AT', 'BE', 'DE', 'ES', 'FI', 'FR', 'IE', 'IT', 'LU', 'NL', 'PT']);

/**
 * Plans compensation: for each year of `court_orders`, distinct victims who
 * are injured parties of a trafficking case, each with a restitution claim in
 * that case and orders on the day of a conviction there (else a day of the
 * year after the claim), whose amounts add up exactly to the scenario's
 * totals per damage type and currency; a few of them paid; claims renounced;
 * advance payments within the cap. Victims of euro orders are, where there
 * are enough, victims exploited in the euro area, and the pound order goes to
 * a victim exploited in the United Kingdom.
 *
 * @throws Error naming the year when fewer victims can claim than the scenario needs, or a currency's victims exceed the year's.
 */
export function planCompensation(
  scenario: CompensationScenario,
  asOf: string,
  victims: readonly PlannedVictim[],
  criminalCases: readonly PlannedCriminalCase[],
  random: SeededRandom,
): PlannedCompensation {
  const claims: PlannedCompensationClaim[] = [];
  const used = new Set<number>();
  for (const [yearText, year] of Object.entries(scenario.court_orders)) {
    const y = Number(yearText);
    const pool = random.shuffle(candidates(y, asOf, victims, criminalCases).filter((c) => !used.has(c.victim)));
    if (pool.length < year.victims) throw new Error(`demo compensation ${y}: ${year.victims} victims needed, ${pool.length} can claim`);
    const chosen = pool.slice(0, year.victims);
    chosen.forEach((c) => used.add(c.victim));
    const byVictim = new Map<number, PlannedCompensationClaim>(
      chosen.map((c) => [
        c.victim,
        {
          victim: c.victim,
          criminal_case: c.criminal_case,
          route: 'restitution_in_criminal_case',
          filed_on: c.filed_on,
          status: 'ordered',
          renounced_on: null,
          renounced_informed: null,
          orders: [],
          payments: [],
        },
      ]),
    );
    const decided = new Map(chosen.map((c) => [c.victim, c.decided_on]));
    for (const line of year.orders) {
      if (line.victims > chosen.length)
        throw new Error(`demo compensation ${y}: ${line.victims} ${line.currency} victims, only ${chosen.length}`);
      const moralIn = (c: Candidate, currency: string) =>
        byVictim.get(c.victim)!.orders.some((o) => o.damage_type === 'moral' && o.currency === currency);
      const prefer = (c: Candidate) =>
        line.damage_type === 'material'
          ? moralIn(c, line.currency)
          : line.currency === 'EUR'
            ? c.countries.some((k) => EURO_COUNTRIES.has(k))
            : line.currency === 'GBP' && c.countries.includes('GB');
      // Moral orders partition the year's victims; material ones go to some of them.
      const free = random.shuffle(
        line.damage_type === 'moral'
          ? chosen.filter((c) => !byVictim.get(c.victim)!.orders.some((o) => o.damage_type === 'moral'))
          : [...chosen],
      );
      const ranked = [...free.filter(prefer), ...free.filter((c) => !prefer(c))];
      const amounts = splitExact(
        line.total,
        ranked.slice(0, line.victims).map(() => 0.5 + random.next()),
      );
      ranked.slice(0, line.victims).forEach((c, i) =>
        byVictim.get(c.victim)!.orders.push({
          ordered_on: decided.get(c.victim)!,
          damage_type: line.damage_type,
          amount: `${amounts[i]}.00`,
          currency: line.currency,
        }),
      );
    }
    const withOrders = [...byVictim.values()].filter((c) => c.orders.length > 0);
    if (withOrders.length !== year.victims)
      throw new Error(`demo compensation ${y}: the moral orders must reach all ${year.victims} victims`);
    for (const claim of random.sample(withOrders, year.victims_paid)) {
      const order = claim.orders[0]!;
      const paidOn = minDate(addDays(order.ordered_on, random.int(60, 400)), asOf);
      const share = random.pick([0.1, 0.25, 0.5, 1]);
      claim.payments.push({
        paid_on: paidOn,
        amount: `${Math.max(1, Math.round(Number(order.amount) * share))}.00`,
        currency: order.currency,
        payer: random.weighted([
          ['offender', 6],
          ['seized_assets_fund', 2],
          ['state', 1],
        ] as const),
      });
    }
    claims.push(...withOrders);
  }
  for (const [yearText, { count, uninformed }] of Object.entries(scenario.renounced_claims)) {
    const y = Number(yearText);
    const pool = random.shuffle(candidates(y, asOf, victims, criminalCases).filter((c) => !used.has(c.victim)));
    if (pool.length < count) throw new Error(`demo compensation ${y}: ${count} renounced claims needed, ${pool.length} victims can claim`);
    pool.slice(0, count).forEach((c, i) => {
      used.add(c.victim);
      claims.push({
        victim: c.victim,
        criminal_case: c.criminal_case,
        route: 'restitution_in_criminal_case',
        filed_on: c.filed_on,
        status: 'pending',
        renounced_on: c.decided_on,
        renounced_informed: i >= uninformed,
        orders: [],
        payments: [],
      });
    });
  }
  const advance_payments: PlannedAdvancePayment[] = [];
  for (const [yearText, count] of Object.entries(scenario.advance_payments)) {
    const y = Number(yearText);
    const identified = victims.flatMap((v, i) => (v.identified_on && v.identified_on <= `${y}-12-01` ? [i] : []));
    for (const victim of random.sample(identified, count)) {
      const requested = dateBetween(random, maxDate(`${y}-01-01`, victims[victim]!.identified_on!), `${y}-12-15`);
      advance_payments.push({
        victim,
        requested_on: requested,
        granted_on: minDate(addDays(requested, random.int(5, 30)), asOf),
        amount: `${random.int(20, 150) * 100}.00`,
        currency: 'RON',
        purpose: random.pick(['medical', 'housing', 'subsistence', 'travel'] as const),
      });
    }
  }
  return { claims, advance_payments, exchange_rates: scenario.exchange_rates };
}

/** Injured parties of trafficking cases opened by mid-year, each once, with the day a court could decide in year `y`. */
function candidates(
  y: number,
  asOf: string,
  victims: readonly PlannedVictim[],
  criminalCases: readonly PlannedCriminalCase[],
): Candidate[] {
  const out = new Map<number, Candidate>();
  criminalCases.forEach((c, k) => {
    if (!c.offence_articles.some((a) => a === '210' || a === '211') || c.opened_on > `${y}-06-30`) return;
    const conviction = c.suspects
      .filter((s) => s.verdict === 'convicted' && s.verdict_on?.startsWith(`${y}-`))
      .map((s) => s.verdict_on!)
      .sort()[0];
    for (const link of c.victims) {
      if (link.role !== 'injured_party' || out.has(link.victim)) continue;
      const victim = victims[link.victim]!;
      const filed = maxDate(c.opened_on, victim.potential_on);
      const decided = conviction && conviction > filed ? conviction : maxDate(addDays(filed, 90), `${y}-01-15`);
      if (decided > `${y}-12-31` || decided > asOf) continue;
      out.set(link.victim, {
        victim: link.victim,
        criminal_case: k,
        filed_on: filed,
        decided_on: decided,
        countries: victim.countries_of_exploitation,
      });
    }
  });
  return [...out.values()].sort((a, b) => a.victim - b.victim);
}
