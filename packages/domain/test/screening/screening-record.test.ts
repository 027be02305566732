import { describe, expect, it } from 'vitest';
import {
  evaluateScreeningRecord,
  ScreeningError,
  screenedAs,
  screeningSubmissionSchema,
  shippedInstrument,
  subjectAgeGroup,
} from '../../src/index.ts';

/**
 * The screening record the browser and the server share (issue 4 points 1
 * and 6; docs/screening.md "On the server", docs/offline-sync.md).
 */
const instrument = shippedInstrument('ilo-ec-2009');

const submission = {
  revision: 1,
  recorded_at: '2026-03-02T09:15:00+02:00',
  county: 'RO-CJ',
  context: 'border',
  subject: { age_years: 30, sex: 'female', citizenships: ['UA'] },
  exploitation: 'labour',
  answers: { 'adult_labour.exploitative_conditions.excessive_hours': 'yes' },
};

describe('screening submission schema', () => {
  it('accepts the sync body and fills sex and citizenships when left out', () => {
    const parsed = screeningSubmissionSchema.parse({ ...submission, subject: { age_group: 'unknown' } });
    expect(parsed.subject).toEqual({ age_group: 'unknown', sex: 'unknown', citizenships: [] });
  });

  it('refuses identifying or unknown fields, a revision below 1 and a subject without any age', () => {
    const paths = (body: object) =>
      screeningSubmissionSchema.safeParse(body).error?.issues.map((i) => `${i.path.join('.')}: ${i.code}`) ?? [];
    expect(paths({ ...submission, subject: { ...submission.subject, name: 'Ana' } })).toEqual(['subject: unrecognized_keys']);
    expect(paths({ ...submission, outcome: 'presumed_victim' })).toEqual([': unrecognized_keys']);
    expect(paths({ ...submission, revision: 0 })).toEqual(['revision: too_small']);
    expect(paths({ ...submission, subject: { sex: 'male' } })).toEqual(['subject.age_group: custom']);
    expect(paths({ ...submission, subject: { age_years: 30, citizenships: ['XX'] } })).toEqual(['subject.citizenships.0: custom']);
    expect(paths({ ...submission, answers: { 'adult_labour.exploitative_conditions.excessive_hours': 'maybe' } })).toHaveLength(1);
  });
});

describe('the age group a person is screened as', () => {
  it('follows the exact age: under the profile age a child (Palermo Protocol art. 3(d))', () => {
    expect(screenedAs({ age_years: 17 })).toBe('child');
    expect(screenedAs({ age_years: 18 })).toBe('adult');
    expect(screenedAs({ age_years: 17 }, 16)).toBe('adult');
    expect(subjectAgeGroup({ age_years: 9, age_group: 'unknown' })).toBe('child');
  });

  it('presumes a child when the age is unknown (Directive 2011/36/EU art. 13(2))', () => {
    expect(screenedAs({ age_group: 'unknown' })).toBe('child');
    expect(subjectAgeGroup({ age_group: 'unknown' })).toBe('unknown');
    expect(screenedAs({ age_group: 'adult' })).toBe('adult');
  });

  it('refuses an age group that contradicts the age, naming the field', () => {
    expect(() => screenedAs({ age_years: 15, age_group: 'adult' })).toThrow(ScreeningError);
    try {
      screenedAs({ age_years: 15, age_group: 'adult' });
    } catch (error) {
      expect((error as ScreeningError).field).toBe('subject.age_group');
    }
  });
});

describe('evaluateScreeningRecord', () => {
  const record = (over: object) => ({ ...screeningSubmissionSchema.parse(submission), ...over });

  it('evaluates with the set of the age and form: one strong indicator is a potential victim (docs/screening.md)', () => {
    const result = evaluateScreeningRecord(instrument, record({}), 18);
    expect(result).toMatchObject({ set: 'adult_labour', victim: 'adult', outcome: 'potential_victim' });
  });

  it('uses the child list for a person of unknown age, so adult indicator ids are refused by name', () => {
    const subject = { age_group: 'unknown', sex: 'female', citizenships: [] };
    const child = evaluateScreeningRecord(
      instrument,
      record({ subject, answers: { 'child_labour.exploitative_conditions.excessive_hours': 'yes' } }),
    );
    expect(child.set).toBe('child_labour');
    expect(() => evaluateScreeningRecord(instrument, record({ subject }))).toThrow(
      expect.objectContaining({ field: 'answers.adult_labour.exploitative_conditions.excessive_hours' }),
    );
  });

  it('refuses a form whose list is not transcribed, naming "exploitation" rather than answering no indicators', () => {
    expect(() => evaluateScreeningRecord(instrument, record({ exploitation: 'sexual', answers: {} }))).toThrow(
      expect.objectContaining({ field: 'exploitation', message: expect.stringMatching(/not transcribed/) }),
    );
  });
});
