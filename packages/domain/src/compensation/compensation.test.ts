import { describe, expect, it } from 'vitest';
import { shippedProfile } from '../profile/profiles.ts';
import { parseProfile } from '../profile/profile-schema.ts';
import { advancePaymentCap, advancePaymentProblem } from './advance-payment.ts';
import { compensationValues, type OrderForReport } from './compensation-figures.ts';
import { convertAmount, MissingRateError, rateOn, type ExchangeRate } from './exchange-rates.ts';
import { amountProblem, currencyProblem, largestAmount, minorUnits, sumAmounts } from './money.ts';
import { problemText } from '../problems/catalogue.ts';
import type { Problem } from '../problems/problem.ts';

/** The English sentence of a problem, or null: what the API puts in a refusal's `reason`. */
const text = (p: Problem | null): string | null => (p ? problemText(p) : null);

const romania = shippedProfile('romania');
const rate = (currency: string, value: string, valid_on: string): ExchangeRate => ({
  currency,
  reporting_currency: 'USD',
  rate: value,
  valid_on,
  source: 'test rate',
});

describe('money', () => {
  it('adds decimal amounts exactly, where binary floats do not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumAmounts(['0.10', '0.20']).toFixed(2)).toBe('0.30');
    expect(sumAmounts(Array(136).fill('8088.24')).toFixed(2)).toBe('1100000.64');
  });

  it("refuses more decimals than the currency's ISO 4217 minor unit, and amounts of 0", () => {
    expect(minorUnits('RON')).toBe(2);
    expect(minorUnits('JPY')).toBe(0);
    expect(amountProblem('15000.00', 'RON')).toBeNull();
    expect(amountProblem('15000.005', 'RON')).toEqual({ rule: 'amount_too_many_decimals', params: { currency: 'RON', decimals: 2 } });
    expect(text(amountProblem('15000.005', 'RON'))).toBe('RON has 2 decimals (ISO 4217 minor unit)');
    expect(text(amountProblem('100.5', 'JPY'))).toBe('JPY has 0 decimals (ISO 4217 minor unit)');
    expect(amountProblem('0', 'EUR')).toEqual({ rule: 'number_not_above', params: { minimum: 0 } });
    expect(text(amountProblem('0', 'EUR'))).toBe('must be more than 0');
    expect(text(amountProblem('1e5', 'EUR'))).toMatch(/an amount such as/);
    // Too large for numeric(18, 3): said so, with the most the column holds (new-user tester).
    expect(amountProblem('99999999999999999999.00', 'RON')).toEqual({
      rule: 'amount_too_large',
      params: { maximum: '999999999999999.999' },
    });
    expect(text(amountProblem('99999999999999999999.00', 'RON'))).toBe('too large: at most 999999999999999.999');
    expect(largestAmount(16, 2)).toBe('99999999999999.99');
  });

  it('takes only ISO 4217 codes of money as a currency', () => {
    expect(currencyProblem('RON')).toBeNull();
    expect(currencyProblem('KWD')).toBeNull();
    for (const code of ['XXX', 'XTS', 'XAU', 'XAG', 'XPT', 'XPD', 'XDR', 'XBA', 'XBB', 'XBC', 'XBD', 'XSU', 'XUA'])
      expect(text(currencyProblem(code))).toMatch(/not money a court orders$/);
    expect(currencyProblem('XAU')).toEqual({ rule: 'currency_not_money', params: { currency: 'XAU' } });
    expect(currencyProblem('QQQ')).toEqual({ rule: 'currency_unknown', params: { currency: 'QQQ' } });
    expect(text(currencyProblem('QQQ'))).toBe('QQQ is not an ISO 4217 currency code');
    expect(text(currencyProblem('ron'))).toMatch(/an ISO 4217 code/);
  });
});

describe('exchange rates', () => {
  const rates = [rate('EUR', '1.10', '2023-01-01'), rate('EUR', '1.08', '2023-07-01'), rate('RON', '0.2222727273', '2023-01-01')];

  it('takes the latest rate valid on or before the day', () => {
    expect(rateOn(rates, 'EUR', 'USD', '2023-06-30')?.rate).toBe('1.10');
    expect(rateOn(rates, 'EUR', 'USD', '2023-07-01')?.rate).toBe('1.08');
    expect(rateOn(rates, 'EUR', 'USD', '2024-02-01')?.rate).toBe('1.08');
    expect(rateOn(rates, 'USD', 'USD', '2023-01-01')).toBeNull();
  });

  it('converts exactly: 1,100,000 RON at the rate implied by the TIP report is $244,500.00', () => {
    expect(convertAmount('1100000', 'RON', 'USD', '2023-05-01', rates).value.toDecimalPlaces(2).toFixed(2)).toBe('244500.00');
    expect(convertAmount('31300', 'USD', 'USD', '2023-05-01', rates)).toMatchObject({ rate: null });
  });

  it('names the currency and the day when no rate applies', () => {
    expect(() => rateOn(rates, 'EUR', 'USD', '2022-12-31')).toThrow(MissingRateError);
    expect(() => rateOn(rates, 'GBP', 'USD', '2023-03-01')).toThrow(
      'no GBP to USD exchange rate valid on or before 2023-03-01: add one (PUT /api/v1/exchange-rates)',
    );
  });
});

describe('state advance payment (Romania: 15,000 RON in 2023)', () => {
  it('reads the cap of the year from the profile, with its source', () => {
    expect(advancePaymentCap(romania, 2023)).toMatchObject({ amount: '15000', currency: 'RON', scheme: 'state_advance_payment' });
    expect(advancePaymentCap(romania, 2023)?.source).toMatch(/15,000 RON in 2023/);
  });

  it('accepts up to the cap and refuses above it, naming the cap, the year and the source', () => {
    expect(advancePaymentProblem(romania, { amount: '15000.00', currency: 'RON', requested_on: '2023-04-03' }, [])).toBeNull();
    const problem = advancePaymentProblem(romania, { amount: '15000.01', currency: 'RON', requested_on: '2023-04-03' }, []);
    expect(problem?.field).toBe('amount');
    expect(problem).toMatchObject({ rule: 'advance_cap_exceeded', params: { year: 2023, cap: '15000', currency: 'RON' } });
    expect(text(problem)).toMatch(/^exceeds the 2023 cap on the state advance payment of 15000 RON; source: .*2024 TIP report/);
  });

  it("counts the case's earlier advances towards the cap", () => {
    const problem = advancePaymentProblem(romania, { amount: '6000', currency: 'RON', requested_on: '2023-09-01' }, ['5000', '4000.50']);
    expect(problem).toMatchObject({ rule: 'advance_cap_exceeded_after_earlier', params: { already: '9000.5' } });
    expect(text(problem)).toMatch(/cap .* of 15000 RON \(9000.5 RON already advanced on this case\)/);
    expect(
      advancePaymentProblem(romania, { amount: '5999.50', currency: 'RON', requested_on: '2023-09-01' }, ['5000', '4000.50']),
    ).toBeNull();
  });

  it('refuses another currency, and a year the profile gives no cap for', () => {
    expect(advancePaymentProblem(romania, { amount: '100', currency: 'EUR', requested_on: '2023-01-10' }, [])?.field).toBe('currency');
    const problem = advancePaymentProblem(romania, { amount: '100', currency: 'RON', requested_on: '2031-01-10' }, []);
    expect(problem).toMatchObject({ field: 'requested_on' });
    expect(problem).toMatchObject({ rule: 'no_advance_payment_cap', params: { year: 2031 } });
    expect(text(problem)).toMatch(/no cap on the state advance payment for 2031/);
  });

  it('a profile naming an advance payment scheme it does not have is invalid', () => {
    const raw = structuredClone(romania) as Record<string, unknown>;
    raw.compensation = { ...romania.compensation, advance_payment_scheme: 'no_such_scheme' };
    expect(() => parseProfile('broken', raw)).toThrow(
      'compensation.advance_payment_scheme: "no_such_scheme" is not one of services.financial_schemes',
    );
  });
});

describe('compensation figures of a year', () => {
  const order = (person_id: string, damage_type: 'moral' | 'material', amount: string, currency: string): OrderForReport => ({
    person_id,
    damage_type,
    amount,
    currency,
    ordered_on: '2023-06-15',
  });
  const rates = [rate('RON', '0.2222727273', '2023-01-01'), rate('EUR', '1.1048711615', '2023-01-01')];

  it('sums by damage type and currency exactly, converts all but the reporting currency, and counts persons once', () => {
    const orders = [
      order('p1', 'moral', '0.10', 'RON'),
      order('p1', 'moral', '0.20', 'RON'),
      order('p2', 'material', '316598', 'EUR'),
      order('p3', 'material', '31300', 'USD'),
    ];
    const values = compensationValues(orders, new Set(['p2', 'p9']), rates, 'USD');
    expect(values.victims).toBe(3);
    expect(values.victims_paid).toBe(1);
    expect(values.moral_damages).toEqual({ RON: 0.3 });
    expect(values.material_damages).toEqual({ EUR: 316598, USD: 31300 });
    expect(values.usd_equivalents).toEqual({ moral: { RON: 0.07 }, material: { EUR: 349800 } });
    expect(values.usd_equivalent_rates).toEqual({
      EUR: [{ rate: '1.1048711615', valid_on: '2023-01-01', source: 'test rate' }],
      RON: [{ rate: '0.2222727273', valid_on: '2023-01-01', source: 'test rate' }],
    });
  });

  it('leaves out a currency no rate converts, and says why', () => {
    const values = compensationValues([order('p1', 'moral', '5000', 'GBP')], new Set(), rates, 'USD');
    expect(values.moral_damages).toEqual({ GBP: 5000 });
    expect(values.usd_equivalents).toEqual({ moral: {}, material: {} });
    expect(values.usd_equivalent_rates).toEqual({
      GBP: { missing: 'no GBP to USD exchange rate valid on or before 2023-06-15: add one (PUT /api/v1/exchange-rates)' },
    });
  });
});
