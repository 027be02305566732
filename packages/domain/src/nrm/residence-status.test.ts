import { describe, expect, it } from 'vitest';
import { shippedProfile } from '../profile/profiles.ts';
import { residenceExpiry, residenceStatusProblem, residenceStatusRule, residenceWarningDue } from './residence-status.ts';

const rules = shippedProfile('romania').nrm_workflow;

describe('residence status of foreign victims (Directive 2004/81/EC art. 6 and 8; profile nrm_workflow.residence_statuses)', () => {
  it('lists the four statuses, tolerated stay without a right to services', () => {
    expect(rules.residence_statuses.map((s) => s.code)).toEqual([
      'reflection_period',
      'temporary_residence_permit',
      'tolerated_stay',
      'asylum',
    ]);
    expect(residenceStatusRule(rules, 'tolerated_stay')?.entitles_to_services).toBe(false);
    expect(residenceStatusRule(rules, 'reflection_period')?.source).toContain('678/2001');
  });

  it('ends a 90-day reflection period on its 90th day unless an expiry is recorded; asylum has no end', () => {
    const reflection = residenceStatusRule(rules, 'reflection_period')!;
    expect(residenceExpiry(reflection, '2024-03-01', null)).toBe('2024-05-29');
    expect(residenceExpiry(reflection, '2024-03-01', '2024-04-15')).toBe('2024-04-15');
    expect(residenceExpiry(residenceStatusRule(rules, 'asylum')!, '2024-03-01', null)).toBeNull();
  });

  it('warns within the profile lead time (30 days), not before and not after expiry', () => {
    expect(residenceWarningDue(rules, '2024-05-29', '2024-04-28')).toBe(false);
    expect(residenceWarningDue(rules, '2024-05-29', '2024-04-29')).toBe(true);
    expect(residenceWarningDue(rules, '2024-05-29', '2024-05-29')).toBe(true);
    expect(residenceWarningDue(rules, '2024-05-29', '2024-05-30')).toBe(false);
    expect(residenceWarningDue(rules, null, '2024-05-30')).toBe(false);
  });

  it('names the field of an invalid status', () => {
    expect(residenceStatusProblem(rules, { status: 'visa', starts_on: '2024-01-01', expires_on: null })?.field).toBe('status');
    expect(residenceStatusProblem(rules, { status: 'asylum', starts_on: '2024-01-02', expires_on: '2024-01-01' })?.field).toBe(
      'expires_on',
    );
    expect(residenceStatusProblem(rules, { status: 'asylum', starts_on: '2024-01-02', expires_on: null })).toBeNull();
  });
});
