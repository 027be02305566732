import { z } from 'zod';
import { CRIMINAL_CASE_STAGES } from '@opennrm/domain';
import { isoDate, pastDate } from '../http/common.schemas.ts';

/** One deadline as the domain's `caseDeadlines` computes it (packages/domain/src/proceedings/deadline-types.ts). */
export const caseDeadlineSchema = z
  .object({
    kind: z
      .string()
      .describe(
        '"limitation", "pretrial_detention_warrant", "pretrial_detention_total", "term:<code>" of a profile term, or "not_computed": the case\'s stored facts could not be computed from, the explanation says why',
      ),
    subject: z
      .object({ offence_id: z.uuid().optional(), suspect_id: z.uuid().optional(), event_id: z.uuid().optional() })
      .describe('the offence, suspect or event the deadline belongs to'),
    due_on: isoDate.nullable().describe('the last day; null when no term runs (e.g. an offence not subject to limitation)'),
    days_left: z.number().int().nullable().describe('days from as_of to due_on; 0 on the last day, negative once passed'),
    status: z.enum(['running', 'passed', 'none']),
    explanation: z.string().describe('one English sentence with the dates, terms and articles applied'),
    reason: z
      .object({ key: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])) })
      .describe('the same, for translation'),
    rule: z
      .object({
        code: z.string(),
        source: z.string(),
        source_i18n: z
          .record(z.string(), z.string())
          .optional()
          .describe(
            "the source's citation by language code of the profile (e.g. ro, uk, hu), where it gives one; absent languages read `source`",
          ),
        verify: z.boolean(),
      })
      .describe('the profile rule applied, its legal source, and whether the source is still to be verified'),
    not_computable: z
      .object({
        reason: z.string().describe('English: the record, field and rule (the explanation after "deadline could not be computed: ")'),
        record: z
          .string()
          .optional()
          .describe('the stored record refused: an offence or procedural event id, "victims[<i>]", or "facts" (the case)'),
        field: z.string().optional().describe("the record's field, e.g. article, committed_on, ends_on"),
        rule: z.string().optional().describe('the catalogued rule broken (docs/errors.md, "Reasons"), for translation'),
        params: z
          .record(z.string(), z.union([z.string(), z.number()]))
          .optional()
          .describe("the rule's parameters"),
      })
      .optional()
      .describe(
        'only on a "not_computed" entry: why, as a catalogued rule and its parameters; record, field and rule are absent when no stored fact was refused',
      ),
  })
  .meta({ id: 'CaseDeadline' });

export const asOfQuery = z
  .object({
    as_of: pastDate.optional().describe("the day to compute at, not before 1900-01-01; default today on the profile's calendar"),
  })
  .strict();

export const caseDeadlinesSchema = z
  .object({ criminal_case_id: z.uuid(), as_of: isoDate, deadlines: z.array(caseDeadlineSchema).describe('soonest first') })
  .meta({ id: 'CaseDeadlines' });

export const atRiskQuery = asOfQuery
  .extend({
    within_days: z.coerce.number().int().min(0).max(3650).default(90).describe('days ahead of as_of, 0-3650; default 90'),
  })
  .strict();

export const casesAtRiskSchema = z
  .object({
    as_of: isoDate,
    within_days: z.number().int(),
    items: z.array(
      z.object({
        criminal_case_id: z.uuid(),
        case_number: z.string(),
        stage: z.enum(CRIMINAL_CASE_STAGES),
        prosecutor_user_id: z.uuid().nullable(),
        manager_user_id: z.uuid().nullable(),
        deadline: caseDeadlineSchema,
      }),
    ),
  })
  .meta({ id: 'CasesAtRisk' });
