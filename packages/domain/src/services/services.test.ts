import { describe, expect, it } from 'vitest';
import { shippedProfile } from '../profile/profiles.ts';
import { SERVICES } from '../nrm/codes.ts';
import { SERVICE_CATALOGUE, serviceDefinition } from './service-catalogue.ts';
import { referralThresholdDays, referralTimer } from './referral-timers.ts';
import { daysUntil, licenceStatus } from './licence-status.ts';
import { paymentCap, paymentProblem } from './financial-support.ts';
import { problemText } from '../problems/catalogue.ts';
import { DEFAULT_SERVICES_PROFILE } from './services-profile.ts';

const romania = shippedProfile('romania');
const timers = romania.services.referral_timers;
const DAY = 86_400_000;

describe('services catalogue (issue 4 point 4)', () => {
  it('describes every stored service code once, and only financial support carries an amount', () => {
    expect(SERVICE_CATALOGUE.map((s) => s.code)).toEqual([...SERVICES]);
    expect(SERVICE_CATALOGUE.filter((s) => s.has_amount).map((s) => s.code)).toEqual(['financial']);
    expect(serviceDefinition('financial').covers).toMatch(/advance payment/);
  });
});

describe('referral timers (profile services.referral_timers)', () => {
  const since = new Date('2024-03-01T10:00:00Z');

  it('takes the smallest threshold among the requested services, else the default', () => {
    expect(referralThresholdDays(timers, { services: ['legal', 'shelter'], urgency: 'routine', waiting_for: 'answer' })).toBe(1);
    expect(referralThresholdDays(timers, { services: ['legal', 'repatriation'], urgency: 'routine', waiting_for: 'answer' })).toBe(3);
    expect(referralThresholdDays(timers, { services: ['legal'], urgency: 'routine', waiting_for: 'answer' })).toBe(timers.default_days);
  });

  it('gives an urgent referral the urgent threshold, and an accepted one the first-service threshold', () => {
    expect(referralThresholdDays(timers, { services: ['legal'], urgency: 'urgent', waiting_for: 'answer' })).toBe(timers.urgent_days);
    expect(referralThresholdDays(timers, { services: ['shelter'], urgency: 'routine', waiting_for: 'first_service' })).toBe(
      timers.first_service_days,
    );
  });

  it('is overdue only once more than the threshold has passed, counting calendar days', () => {
    const referral = { services: ['legal'] as const, urgency: 'routine' as const, waiting_for: 'answer' as const, waiting_since: since };
    const atLimit = referralTimer(timers, { ...referral, services: ['legal'] }, new Date(since.getTime() + 5 * DAY));
    expect(atLimit).toMatchObject({ days_waiting: 5, threshold_days: 5, overdue: false });
    const after = referralTimer(timers, { ...referral, services: ['legal'] }, new Date(since.getTime() + 5 * DAY + 60_000));
    expect(after).toMatchObject({ days_waiting: 5, overdue: true, due_at: new Date(since.getTime() + 5 * DAY) });
    expect(referralTimer(timers, { ...referral, services: ['legal'] }, new Date(since.getTime() - DAY)).days_waiting).toBe(0);
  });

  it('marks defaults that no law gives as OpenNRM defaults', () => {
    expect(timers.source).toMatch(/OpenNRM default/);
    expect(DEFAULT_SERVICES_PROFILE.referral_timers.source).toMatch(/OpenNRM default/);
  });
});

describe('licence for child victims', () => {
  it('is none, valid, expiring within the warning window (last day included) or expired', () => {
    expect(licenceStatus(null, '2024-06-01', 90)).toBe('none');
    expect(licenceStatus('2024-12-31', '2024-06-01', 90)).toBe('valid');
    expect(licenceStatus('2024-08-30', '2024-06-01', 90)).toBe('expiring');
    expect(licenceStatus('2024-06-01', '2024-06-01', 90)).toBe('expiring');
    expect(licenceStatus('2024-05-31', '2024-06-01', 90)).toBe('expired');
    expect(daysUntil('2024-05-31', '2024-06-01')).toBe(-1);
  });
});

describe('financial support', () => {
  const schemes = romania.services.financial_schemes;
  const advance = { payment_scheme: 'state_advance_payment', currency: 'RON' };

  it("caps the state advance payment at 15,000 RON in 2023, with the profile's source", () => {
    expect(paymentCap(schemes, 'state_advance_payment', 2023)).toEqual({ amount: 15000, currency: 'RON' });
    expect(paymentProblem(schemes, { ...advance, amount: 15000 }, 2023)).toBeNull();
    const over = paymentProblem(schemes, { ...advance, amount: 15001 }, 2023);
    expect(over).toMatchObject({ field: 'amount', rule: 'payment_over_cap', params: { year: 2023, cap: 15000, currency: 'RON' } });
    expect(problemText(over!)).toMatch(/15000 RON .*TIP report/);
  });

  it('does not check a year the profile has no cap for, refuses an unknown scheme and an amount without currency', () => {
    expect(paymentProblem(schemes, { ...advance, amount: 99999 }, 2031)).toBeNull();
    expect(paymentProblem(schemes, { payment_scheme: 'lottery', amount: 1, currency: 'RON' }, 2023)?.field).toBe('payment_scheme');
    expect(paymentProblem(schemes, { payment_scheme: null, amount: 1, currency: null }, 2023)?.field).toBe('currency');
  });
});
