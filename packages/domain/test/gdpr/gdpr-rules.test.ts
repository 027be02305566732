import { describe, expect, it } from 'vitest';
import {
  addMonths,
  consentHolds,
  decideErasure,
  generaliseDate,
  parseProfile,
  retentionCutoff,
  retentionExpiresOn,
  shippedProfile,
  RETENTION_RECORD_TYPES,
} from '../../src/index.ts';
import romania from '../../profiles/romania.json' with { type: 'json' };

describe('retention periods', () => {
  it('adds calendar months, clamping to the end of the month', () => {
    expect(addMonths('2019-03-15', 60)).toBe('2024-03-15');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-15', -60)).toBe('2019-03-15');
    expect(addMonths('2024-12-01', 1)).toBe('2025-01-01');
    expect(() => addMonths('15/03/2019', 1)).toThrow(/not an ISO date/);
  });

  it('expiry and cut-off are the same period seen from both ends', () => {
    const rule = { months: 60 };
    expect(retentionExpiresOn(rule, '2018-06-30')).toBe('2023-06-30');
    expect(retentionCutoff(rule, '2023-06-30')).toBe('2018-06-30');
  });

  it('generalises a date to the first day of its year', () => {
    expect(generaliseDate('2023-05-10')).toBe('2023-01-01');
    expect(generaliseDate(null)).toBeNull();
  });

  it('the Romania profile has a rule for every record type, each with a source', () => {
    const { retention } = shippedProfile('romania');
    for (const type of RETENTION_RECORD_TYPES) expect(retention.rules.some((r) => r.record_type === type)).toBe(true);
    const identity = retention.rules.find((r) => r.code === 'identity_after_case_closure')!;
    expect(identity).toMatchObject({ months: 60, runs_from: 'case_closure', action: 'erase', verify_against_national_law: true });
  });

  it('refuses a profile without a period for a record type, or with an action that does not fit', () => {
    const raw = structuredClone(romania) as { retention: { rules: { record_type: string; action: string }[] } };
    raw.retention.rules = raw.retention.rules.filter((r) => r.record_type !== 'consent');
    expect(() => parseProfile('t', raw)).toThrow(/retention.rules: no retention rule for "consent"/);
    const wrong = structuredClone(romania) as typeof raw;
    wrong.retention.rules[0]!.action = 'delete';
    expect(() => parseProfile('t', wrong)).toThrow(/retention.rules.0.action: records of type "identity" can only be "erase"/);
  });

  it('runs a screening rule from the day recorded, marked as an OpenNRM default to verify, and no case rule from it', () => {
    const screening = shippedProfile('romania').retention.rules.find((r) => r.record_type === 'screening')!;
    expect(screening).toMatchObject({ runs_from: 'recorded', action: 'generalise', verify_against_national_law: true });
    expect(screening.source).toMatch(/^OpenNRM default/);
    const raw = structuredClone(romania) as { retention: { rules: { record_type: string; runs_from: string }[] } };
    raw.retention.rules.find((r) => r.record_type === 'screening')!.runs_from = 'case_closure';
    expect(() => parseProfile('t', raw)).toThrow(/runs_from: screenings and audit events run from "recorded"/);
    const wrong = structuredClone(romania) as typeof raw;
    wrong.retention.rules.find((r) => r.record_type === 'victim_case')!.runs_from = 'recorded';
    expect(() => parseProfile('t', wrong)).toThrow(/runs_from: screenings and audit events run from "recorded"/);
  });
});

describe('consent', () => {
  const given = { purpose: 'referral' as const, given: true, recorded_on: '2023-02-01', withdrawn_on: null };
  it('holds from the day it is recorded until it is withdrawn', () => {
    expect(consentHolds([given], 'referral', '2023-01-31')).toBe(false);
    expect(consentHolds([given], 'referral', '2023-02-01')).toBe(true);
    expect(consentHolds([{ ...given, withdrawn_on: '2023-06-01' }], 'referral', '2023-05-31')).toBe(true);
    expect(consentHolds([{ ...given, withdrawn_on: '2023-06-01' }], 'referral', '2023-06-01')).toBe(false);
  });
  it('the latest record for the purpose decides; other purposes do not count', () => {
    const refused = { ...given, given: false, recorded_on: '2023-03-01' };
    expect(consentHolds([given, refused], 'referral', '2023-04-01')).toBe(false);
    expect(consentHolds([given], 'research', '2023-04-01')).toBe(false);
  });
});

describe('erasure', () => {
  it('refuses while a criminal case is open, naming art. 17(3)(e) and the case', () => {
    const decision = decideErasure({ open_criminal_cases: ['DIICOT-1'], ongoing_assistance: 1, anonymised: false });
    expect(decision).toMatchObject({ allowed: false, exemption: 'legal_claims', article: 'GDPR art. 17(3)(e)' });
    expect(decision.allowed === false && decision.details).toContain('DIICOT-1');
  });
  it('refuses during ongoing assistance under art. 17(3)(b)', () => {
    expect(decideErasure({ open_criminal_cases: [], ongoing_assistance: 2, anonymised: false })).toMatchObject({
      allowed: false,
      article: 'GDPR art. 17(3)(b)',
    });
  });
  it('allows otherwise', () => {
    expect(decideErasure({ open_criminal_cases: [], ongoing_assistance: 0, anonymised: true })).toEqual({
      allowed: true,
      already_anonymised: true,
    });
  });
});
