import { Decimal } from 'decimal.js';
import type { FigureDefinition, FigureValue } from '../statistics/annual-report.ts';
import type { JurisdictionProfile } from '../profile/profile-schema.ts';
import { DAMAGE_TYPES, type DamageType } from './compensation-codes.ts';
import { convertAmount, MissingRateError, type ExchangeRate } from './exchange-rates.ts';
import { toReportNumber } from './money.ts';

/**
 * The annual report's compensation figures (issue 6 point 6): court orders of
 * the year by currency and damage type, their equivalents in the profile's
 * reporting currency, the rates used, and the victims paid. Pure: the server
 * reads the rows (statistics/compensation-figures.ts), this adds them up with
 * decimal arithmetic, so a total is exact to the minor unit.
 */

const TIP_2024 = 'US Department of State, 2024 Trafficking in Persons Report, Romania narrative';
const ISSUE_6 = 'OpenNRM issue 6, points 5 and 6 (compensation ordered by currency and type, and victims paid)';

/** A rate the equivalents used, or why a currency could not be converted. */
export type RateUsed = { rate: string; valid_on: string; source: string };
export type RatesUsed = Record<string, RateUsed[] | { missing: string }>;

/** One compensation order of the reporting year, as the report reads it. */
export interface OrderForReport {
  person_id: string;
  damage_type: DamageType;
  /** Decimal string. */
  amount: string;
  /** ISO 4217. */
  currency: string;
  /** YYYY-MM-DD. */
  ordered_on: string;
}

/** The compensation figures as FigureValues, by path under compensation_court_orders. */
export interface CompensationValues {
  victims: number;
  moral_damages: Record<string, number>;
  material_damages: Record<string, number>;
  usd_equivalents: Record<string, Record<string, number>>;
  usd_equivalent_rates: RatesUsed;
  victims_paid: number;
}

/**
 * Adds up a year's orders.
 *
 * @param orders every order dated in the year.
 * @param paidPersons persons with at least one payment against a claim of theirs that has an order in the year.
 * @param rates the exchange-rate table.
 * @param reportingCurrency ISO 4217 (profile compensation.reporting_currency).
 * @returns amounts by damage type and currency (2 decimals), their equivalents in the reporting currency (each
 *   order at the rate valid on or before its day; the reporting currency itself is left out, as published), the
 *   rates used by currency; a currency with an order no rate converts has no equivalent and says why.
 */
export function compensationValues(
  orders: readonly OrderForReport[],
  paidPersons: ReadonlySet<string>,
  rates: readonly ExchangeRate[],
  reportingCurrency: string,
): CompensationValues {
  const totals: Record<DamageType, Map<string, Decimal>> = { moral: new Map(), material: new Map() };
  const converted: Record<DamageType, Map<string, Decimal>> = { moral: new Map(), material: new Map() };
  const used = new Map<string, Map<string, RateUsed>>();
  const missing = new Map<string, string>();
  const add = (m: Map<string, Decimal>, k: string, v: Decimal.Value) => m.set(k, (m.get(k) ?? new Decimal(0)).plus(v));
  for (const o of orders) {
    add(totals[o.damage_type], o.currency, o.amount);
    if (o.currency === reportingCurrency || missing.has(o.currency)) continue;
    try {
      const { value, rate } = convertAmount(o.amount, o.currency, reportingCurrency, o.ordered_on, rates);
      add(converted[o.damage_type], o.currency, value);
      if (rate)
        (used.get(o.currency) ?? used.set(o.currency, new Map()).get(o.currency)!).set(rate.valid_on, {
          rate: rate.rate,
          valid_on: rate.valid_on,
          source: rate.source,
        });
    } catch (error) {
      if (!(error instanceof MissingRateError)) throw error;
      missing.set(o.currency, error.message);
    }
  }
  const numbers = (m: Map<string, Decimal>) =>
    Object.fromEntries(
      [...m]
        .filter(([c]) => !missing.has(c))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([c, v]) => [c, toReportNumber(v)]),
    );
  const usd_equivalent_rates: RatesUsed = {};
  for (const currency of [...new Set([...used.keys(), ...missing.keys()])].sort()) {
    const why = missing.get(currency);
    usd_equivalent_rates[currency] = why
      ? { missing: why }
      : [...used.get(currency)!.values()].sort((a, b) => a.valid_on.localeCompare(b.valid_on));
  }
  const all = (m: Map<string, Decimal>) =>
    Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)).map(([c, v]) => [c, toReportNumber(v)]));
  return {
    victims: new Set(orders.map((o) => o.person_id)).size,
    moral_damages: all(totals.moral),
    material_damages: all(totals.material),
    usd_equivalents: Object.fromEntries(DAMAGE_TYPES.map((t) => [t, numbers(converted[t])])),
    usd_equivalent_rates,
    victims_paid: [...new Set(orders.map((o) => o.person_id))].filter((p) => paidPersons.has(p)).length,
  };
}

/** The figures as report paths -> values. */
export function compensationFigureValues(values: CompensationValues | null): Map<string, FigureValue['value']> {
  const base = 'compensation_court_orders';
  return new Map<string, FigureValue['value']>(
    (Object.keys(values ?? EMPTY) as (keyof CompensationValues)[]).map((k) => [`${base}.${k}`, values ? values[k] : null]),
  );
}

const EMPTY: CompensationValues = {
  victims: 0,
  moral_damages: {},
  material_damages: {},
  usd_equivalents: {},
  usd_equivalent_rates: {},
  victims_paid: 0,
};

/** Definitions of the compensation figures (docs/statistics.md). */
export function compensationFigures(profile: JurisdictionProfile): FigureDefinition[] {
  const Y = 'the reporting year';
  const ordered = `compensation orders (compensation_order) whose ordered_on falls in ${Y}`;
  const to = profile.compensation.reporting_currency;
  const nullRule = '; null when the database holds no compensation claim at all';
  return [
    {
      path: 'compensation_court_orders.victims',
      meaning: 'victims granted compensation by a court in the year',
      unit: 'persons',
      rule: `persons with at least one of the ${ordered}, whatever the route and damage type; each person once${nullRule}`,
      source: `${ISSUE_6}; ${TIP_2024} (136 victims in 2023)`,
    },
    ...(['moral', 'material'] as const).map((type) => ({
      path: `compensation_court_orders.${type}_damages`,
      meaning: `${type} damages ordered in the year, by currency`,
      unit: 'amounts by currency' as const,
      rule: `sum of the amounts of ${ordered} with damage_type "${type}", by ISO 4217 currency, exact (decimal arithmetic), 2 decimals${nullRule}`,
      source: `${ISSUE_6}; ${TIP_2024}`,
    })),
    {
      path: 'compensation_court_orders.usd_equivalents',
      meaning: `the damages ordered, converted to ${to} (profile compensation.reporting_currency), by damage type and currency`,
      unit: 'amounts by currency',
      rule:
        `each of the ${ordered} in a currency other than ${to}, converted at the exchange rate (exchange_rate) to ${to} valid ` +
        `on or before its ordered_on (the latest such), summed exactly per damage type and currency, 2 decimals; ${to} amounts ` +
        'are left out (they need no conversion); a currency no rate converts is left out and named in usd_equivalent_rates' +
        nullRule,
      source: `${ISSUE_6}; ${TIP_2024} (the report's own USD conversions)`,
    },
    {
      path: 'compensation_court_orders.usd_equivalent_rates',
      meaning: 'the exchange rates the equivalents used, by currency, each with its day and source',
      unit: 'amounts by currency',
      rule: `for each currency converted: every exchange_rate row applied (rate, valid_on, source), or "missing" with the reason when none applies${nullRule}`,
      source: ISSUE_6,
    },
    {
      path: 'compensation_court_orders.victims_paid',
      meaning: 'victims granted compensation in the year who have received at least one payment',
      unit: 'persons',
      rule:
        `of the persons counted in compensation_court_orders.victims, those with at least one compensation_payment (from the ` +
        'offender, the state or the seized-assets fund, on any day up to the report) against a claim of theirs that has an ' +
        `order in ${Y}; the figure grows as later payments are recorded${nullRule}`,
      source: `${ISSUE_6}; ${TIP_2024} ("few of the 136 victims received court-ordered compensation")`,
    },
  ];
}
