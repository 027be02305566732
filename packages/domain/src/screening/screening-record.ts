import { z } from 'zod';
import { SEXES } from '../nrm/codes.ts';
import { isCountryCode } from '../victims/victim-case-rules.ts';
import { ANSWERS, evaluateScreening, ScreeningError, PALERMO_CHILD_AGE_YEARS, type ScreeningResult } from './evaluate-screening.ts';
import { EXPLOITATION_TYPES, type ScreeningInstrument, type VictimType } from './instrument-schema.ts';

/**
 * A screening as a front-line responder records it (issue 4 points 1 and 6),
 * the same in the browser (offline) and on the server (authoritative):
 * where, in which context, a minimal description of the person (no name, no
 * document: a screening holds no identifying data unless a case is opened)
 * and the answers. docs/screening.md and docs/offline-sync.md.
 */

/** Age of the person screened when the exact age is not given. */
export const SUBJECT_AGE_GROUPS = ['child', 'adult', 'unknown'] as const;
export type SubjectAgeGroup = (typeof SUBJECT_AGE_GROUPS)[number];

const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as "RO"')
  .refine(isCountryCode, 'not an assigned ISO 3166-1 alpha-2 country code');

/** The person screened: age (years, or a group), sex and citizenships only. */
export const screeningSubjectSchema = z
  .object({
    age_years: z.number().int().min(0).max(130).nullable().optional().describe('age in whole years, if known'),
    age_group: z
      .enum(SUBJECT_AGE_GROUPS)
      .optional()
      .describe('child, adult or unknown when the age in years is not known; derived from age_years when given'),
    sex: z.enum(SEXES).default('unknown').describe('HTCDS prs_gender'),
    citizenships: z
      .array(countryCode)
      .max(5)
      .refine((v) => new Set(v).size === v.length, { message: 'values must not repeat' })
      .default([])
      .describe('ISO 3166-1 alpha-2 codes (HTCDS prs_citizenship)'),
  })
  .strict()
  .refine((s) => s.age_years != null || s.age_group != null, {
    message: 'give age_years or age_group (child, adult or unknown)',
    path: ['age_group'],
  });
export type ScreeningSubjectInput = z.input<typeof screeningSubjectSchema>;
export type ScreeningSubject = z.output<typeof screeningSubjectSchema>;

/**
 * What the browser sends for one screening (PUT /api/v1/screenings/:id).
 * `revision` is the client's edit counter: 1 for the first save, +1 for each
 * later edit on the same device (docs/offline-sync.md).
 */
export const screeningSubmissionSchema = z
  .object({
    revision: z.number().int().min(1).max(1_000_000).describe("the client's edit counter: 1, then +1 for each edit"),
    recorded_at: z.iso.datetime({ offset: true }).describe('when the responder recorded this revision, client clock, ISO 8601'),
    county: z.string().min(2).max(16).describe('ISO 3166-2 region of the profile where the screening took place, e.g. "RO-CJ"'),
    context: z.string().min(2).max(64).describe("where the person was met: a code of the profile's screening_contexts"),
    subject: screeningSubjectSchema,
    exploitation: z.enum(EXPLOITATION_TYPES).describe('the form of exploitation screened for: the indicator list used'),
    answers: z
      .record(z.string().min(3).max(128), z.enum(ANSWERS))
      .describe('indicator or act-question id of the instrument -> yes, no or unknown'),
    notes: z.string().max(4000).optional().describe("the responder's notes; stored sealed (may name people)"),
  })
  .strict();
export type ScreeningSubmissionInput = z.input<typeof screeningSubmissionSchema>;
export type ScreeningSubmission = z.output<typeof screeningSubmissionSchema>;

/**
 * The age group a subject is screened as.
 * Exact age first (child under `childAgeYears`, Palermo Protocol art. 3(d));
 * an unknown age is screened as a child: "where the age of a person subject
 * to trafficking is uncertain and there are reasons to believe that the
 * person is a child, that person is presumed to be a child" (Directive
 * 2011/36/EU art. 13(2); Romanian Law 678/2001 art. 1(3)), and the child
 * lists ask fewer things of the responder (no means required, art. 3(c)).
 * @throws ScreeningError (field "subject.age_group") when age_years and age_group disagree.
 */
export function screenedAs(
  subject: Pick<ScreeningSubject, 'age_years' | 'age_group'>,
  childAgeYears = PALERMO_CHILD_AGE_YEARS,
): VictimType {
  if (subject.age_years != null) {
    const byAge: VictimType = subject.age_years < childAgeYears ? 'child' : 'adult';
    if (subject.age_group != null && subject.age_group !== 'unknown' && subject.age_group !== byAge) {
      throw new ScreeningError(
        'subject.age_group',
        { rule: 'age_group_contradicts_age', params: { age_group: subject.age_group, age: subject.age_years, child_age: childAgeYears } },
        `"${subject.age_group}" contradicts age ${subject.age_years} (child under ${childAgeYears})`,
      );
    }
    return byAge;
  }
  return subject.age_group === 'adult' ? 'adult' : 'child';
}

/** The age group stored with a screening: from age_years when given (unknown only when nothing is known). */
export function subjectAgeGroup(
  subject: Pick<ScreeningSubject, 'age_years' | 'age_group'>,
  childAgeYears = PALERMO_CHILD_AGE_YEARS,
): SubjectAgeGroup {
  if (subject.age_years != null) return screenedAs(subject, childAgeYears);
  return subject.age_group ?? 'unknown';
}

/**
 * Evaluates a recorded screening with the instrument: the one function the
 * browser (offline) and the server (authoritative, stored) both call.
 * @param childAgeYears the profile's `child_age_years`.
 * @throws ScreeningError naming the field: "subject.age_group" (contradicts the age), "exploitation"
 *   (the set for this person and form is not transcribed), "answers.<id>" (not a question of the set).
 */
export function evaluateScreeningRecord(
  instrument: ScreeningInstrument,
  record: Pick<ScreeningSubmission, 'subject' | 'exploitation' | 'answers'>,
  childAgeYears = PALERMO_CHILD_AGE_YEARS,
): ScreeningResult {
  const victim = screenedAs(record.subject, childAgeYears);
  try {
    return evaluateScreening(instrument, {
      victim,
      exploitation: record.exploitation,
      answers: record.answers,
      child_age_years: childAgeYears,
    });
  } catch (error) {
    // The set is chosen by the person's age and the form screened: the client chose the form.
    if (error instanceof ScreeningError && (error.field === 'set' || error.field === 'victim')) {
      throw new ScreeningError('exploitation', error.problem, error.reason);
    }
    throw error;
  }
}
