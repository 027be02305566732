import { describe, expect, it } from 'vitest';
import { shippedProfile } from '../profile/profiles.ts';
import { counselBreach, counselMandatory, hearingBodyKind, hearingProblem, overlapsYear, rehearingWarning } from './victim-hearings.ts';
import { DEFAULT_VICTIMS_IN_PROCEEDINGS, victimsInProceedingsSchema } from './victims-in-proceedings-profile.ts';

const romania = shippedProfile('romania').victims_in_proceedings;
const held = { status: 'held' as const, planned_on: null, held_on: '2023-05-01', counsel_present: true, settings: [] as string[] };

describe('victims in proceedings rules', () => {
  it('warns of a re-hearing with the count so far and the latest day, and not before the first hearing', () => {
    expect(rehearingWarning([])).toBeNull();
    expect(rehearingWarning(['2023-09-01', '2022-01-10', '2023-03-10'])).toEqual({ hearings_so_far: 3, last_held_on: '2023-09-01' });
  });

  it('makes counsel mandatory by the profile scope; an unknown age is not treated as a child', () => {
    expect(counselMandatory('all_victims', false)).toBe(true);
    expect(counselMandatory('children', true)).toBe(true);
    expect(counselMandatory('children', null)).toBe(false);
    expect(counselMandatory('nobody', true)).toBe(false);
  });

  it('flags a hearing held without mandatory counsel with the consequence and source (Romania 2023: the stage is void)', () => {
    expect(romania.mandatory_counsel.applies_to).toBe('all_victims');
    const flag = counselBreach(romania, { status: 'held', counsel_present: false }, false);
    expect(flag).toContain('void');
    expect(flag).toContain('TIP');
    expect(counselBreach(romania, { status: 'held', counsel_present: true }, false)).toBeNull();
    expect(counselBreach(romania, { status: 'planned', counsel_present: null }, false)).toBeNull();
    expect(counselBreach(DEFAULT_VICTIMS_IN_PROCEEDINGS, { status: 'held', counsel_present: false }, false)).toBeNull();
    expect(counselBreach(DEFAULT_VICTIMS_IN_PROCEEDINGS, { status: 'held', counsel_present: false }, true)).toContain(
      'Directive 2011/36/EU art. 15(2)',
    );
  });

  it('names the field of a hearing whose status, dates, counsel or settings disagree', () => {
    expect(hearingProblem(romania, held)).toBeNull();
    expect(hearingProblem(romania, { ...held, held_on: null })?.field).toBe('held_on');
    expect(hearingProblem(romania, { ...held, counsel_present: null })?.field).toBe('counsel_present');
    expect(hearingProblem(romania, { ...held, status: 'planned', planned_on: '2030-01-01' })).toEqual({
      field: 'held_on',
      rule: 'hearing_not_held',
      params: { status: 'planned' },
    });
    expect(hearingProblem(romania, { ...held, status: 'planned', held_on: null })?.field).toBe('planned_on');
    expect(hearingProblem(romania, { ...held, settings: ['video_link', 'karaoke'] })).toMatchObject({
      field: 'settings.1',
      rule: 'not_a_hearing_setting',
      params: { setting: 'karaoke', codes: expect.stringContaining('video_link') },
    });
  });

  it('maps organisation kinds to the bodies that hear victims', () => {
    expect(hearingBodyKind('prosecution')).toBe('prosecutor');
    expect(hearingBodyKind('border_police')).toBe('police');
    expect(hearingBodyKind('court')).toBe('court');
    expect(hearingBodyKind('ngo')).toBeNull();
  });

  it('counts a participation in every year it overlaps', () => {
    expect(overlapsYear('2022-06-01', '2023-01-01', 2023)).toBe(true);
    expect(overlapsYear('2022-06-01', '2022-12-31', 2023)).toBe(false);
    expect(overlapsYear('2024-01-01', null, 2023)).toBe(false);
    expect(overlapsYear('2021-01-01', null, 2023)).toBe(true);
  });

  it('refuses a profile section counting one report figure with two programmes, and lists Romania with sources', () => {
    const programme = { code: 'a_b', name: 'A B', source: 'law 1', report_figure: 'victims_in_witness_protection_programme' };
    const bad = victimsInProceedingsSchema.safeParse({
      ...DEFAULT_VICTIMS_IN_PROCEEDINGS,
      programmes: [programme, { ...programme, code: 'c_d' }],
    });
    expect(bad.success).toBe(false);
    expect(romania.programmes.map((p) => [p.code, p.report_figure])).toEqual([
      ['victim_witness_coordination', 'victims_in_witness_coordination_programme'],
      ['witness_protection', 'victims_in_witness_protection_programme'],
    ]);
    expect(romania.hearing_settings.map((s) => s.code)).toEqual(
      expect.arrayContaining(['separate_room', 'video_link', 'closed_court', 'psychologist_present']),
    );
  });
});
