import { z } from 'zod';
import {
  CLOSURE_REASONS,
  problem,
  problemText,
  type CataloguedProblem,
  CRIMINAL_CASE_STAGES,
  FORMS_OF_EXPLOITATION,
  SEXES,
  SUSPECT_ROLES,
  VERDICTS,
  VICTIM_ROLES_IN_PROCEEDINGS,
} from '@opennrm/domain';
import { countryCode, isoDate, pastDate, organisationRef, pageOf, pageQuery, yearQuery } from '../http/common.schemas.ts';

const unique = <T extends z.ZodType>(item: T) =>
  z.array(item).refine((values) => new Set(values).size === values.length, {
    message: problemText(problem('values_repeat')),
    params: problem('values_repeat'),
  });

const suspectFields = {
  sex: z.enum(SEXES),
  age: z.number().int().min(10).max(130).nullable().describe('years, at the opening of the case'),
  citizenships: unique(countryCode).describe('ISO 3166-1 alpha-2 codes'),
  role: z.enum(SUSPECT_ROLES).describe('role in the trafficking chain (HTCDS per_role)'),
  state_employee: z.boolean().describe('a public official: counted separately (US TIP report, official complicity)'),
  prosecuted_on: isoDate.nullable().describe('date of indictment'),
  verdict: z.enum(VERDICTS).nullable(),
  verdict_on: isoDate.nullable().describe('date of the first-instance verdict; required with verdict'),
  sentence_months: z.number().int().min(0).max(1200).nullable().describe('prison sentence, months; only for a conviction'),
  sentence_suspended: z.boolean().nullable().describe('true when the prison sentence is suspended'),
  app_user_id: z
    .uuid()
    .nullable()
    .describe('the OpenNRM account of a suspect who is also a user (a complicit official): blocked from the linked victim cases'),
};

type SuspectFacts = { verdict?: string | null; verdict_on?: string | null; sentence_months?: number | null };

/**
 * Why a suspect's outcome is inconsistent, or null: a verdict has a date and a
 * date has a verdict; only a conviction carries a sentence. Checks the fields
 * present, so the repository runs it again on the merged record.
 * @returns the field (a bare name) and verdict_and_date_together or sentence_only_when_convicted.
 */
export function verdictProblem(s: SuspectFacts): (CataloguedProblem & { field: string }) | null {
  if (s.verdict !== undefined && s.verdict_on !== undefined && (s.verdict == null) !== (s.verdict_on == null)) {
    return { field: s.verdict == null ? 'verdict' : 'verdict_on', ...problem('verdict_and_date_together') };
  }
  if (s.sentence_months != null && s.verdict !== undefined && s.verdict !== 'convicted') {
    return { field: 'sentence_months', ...problem('sentence_only_when_convicted') };
  }
  return null;
}

const verdictRules = (s: SuspectFacts, ctx: z.RefinementCtx) => {
  const found = verdictProblem(s);
  if (!found) return;
  const { field, ...refusal } = found;
  ctx.addIssue({ code: 'custom', path: [field], message: problemText(refusal), params: refusal });
};

export const suspectSchema = z
  .object({ id: z.uuid(), criminal_case_id: z.uuid(), ...suspectFields, created_at: z.iso.datetime() })
  .meta({ id: 'Suspect' });

export const createSuspectBody = z
  .object({
    sex: suspectFields.sex.default('unknown'),
    age: suspectFields.age.optional(),
    citizenships: suspectFields.citizenships.default([]),
    role: suspectFields.role.default('unknown'),
    state_employee: suspectFields.state_employee.default(false),
    prosecuted_on: suspectFields.prosecuted_on.optional(),
    verdict: suspectFields.verdict.default(null),
    verdict_on: suspectFields.verdict_on.default(null),
    sentence_months: suspectFields.sentence_months.optional(),
    sentence_suspended: suspectFields.sentence_suspended.optional(),
    app_user_id: suspectFields.app_user_id.optional(),
  })
  .strict()
  .superRefine(verdictRules);

export const updateSuspectBody = z.object(suspectFields).partial().strict().superRefine(verdictRules);

const caseFields = {
  case_number: z.string().min(1).max(64).describe("the prosecutor's file number; unique"),
  opened_on: pastDate.describe('date the criminal investigation opened; not after today'),
  offence_articles: unique(z.string()).describe('criminal-code articles of the jurisdiction profile, e.g. "210", "211"'),
  forms: unique(z.enum(FORMS_OF_EXPLOITATION)),
  institutions_under_investigation: unique(z.uuid()).describe(
    'ids of organisations under investigation in this case: their users are blocked from the linked victim cases (issue 3 point 5)',
  ),
  organised_crime_group: z
    .boolean()
    .describe('the offences were committed by an organised criminal group (Romanian Criminal Code art. 367)'),
  prosecutor_user_id: z.uuid().nullable().describe('the prosecutor in charge: deadline reminders go to them'),
  manager_user_id: z
    .uuid()
    .nullable()
    .describe("the case manager (e.g. head of the prosecutor's office): deadline reminders go to them too"),
};

export const criminalCaseSchema = z
  .object({
    id: z.uuid(),
    ...caseFields,
    investigating_organisation_id: z.uuid().nullable(),
    investigating_organisation_code: z.string().nullable(),
    stage: z.enum(CRIMINAL_CASE_STAGES).describe('changed by POST /criminal-cases/{id}/stage only'),
    closed_on: isoDate.nullable().describe('set by a closure, with closure_reason'),
    closure_reason: z.enum(CLOSURE_REASONS).nullable(),
    synthetic: z.boolean(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'CriminalCase' });

export const criminalCaseDetailSchema = criminalCaseSchema
  .extend({
    victim_case_ids: z.array(z.uuid()).describe('victim cases linked to this criminal case'),
    victims: z
      .array(z.object({ victim_case_id: z.uuid(), role: z.enum(VICTIM_ROLES_IN_PROCEEDINGS) }))
      .describe('the linked victim cases with the role of the victim in the proceedings'),
    suspects: z.array(suspectSchema),
  })
  .meta({ id: 'CriminalCaseDetail' });

const investigatingOrganisation = organisationRef.nullable().describe('investigating body: organisation code (e.g. "DIICOT") or id');

export const createCriminalCaseBody = z
  .object({
    ...caseFields,
    investigating_organisation: investigatingOrganisation.optional(),
    offence_articles: caseFields.offence_articles.default([]),
    forms: caseFields.forms.default([]),
    institutions_under_investigation: caseFields.institutions_under_investigation.default([]),
    organised_crime_group: caseFields.organised_crime_group.default(false),
    prosecutor_user_id: caseFields.prosecutor_user_id.optional(),
    manager_user_id: caseFields.manager_user_id.optional(),
    victim_case_ids: unique(z.uuid()).default([]),
    suspects: z.array(createSuspectBody).max(200).default([]),
  })
  .strict();

export const updateCriminalCaseBody = z
  .object({
    ...caseFields,
    investigating_organisation: investigatingOrganisation,
    victim_case_ids: unique(z.uuid()).describe('replaces the linked victims; those already linked keep their role'),
  })
  .partial()
  .strict();

export const criminalCaseQuery = pageQuery
  .extend({
    case_number: z.string().optional(),
    investigating_organisation: organisationRef.optional(),
    offence_article: z.string().optional(),
    form: z.enum(FORMS_OF_EXPLOITATION).optional(),
    victim_case_id: z.uuid().optional().describe('criminal cases in which this victim case is linked'),
    opened_year: yearQuery.optional().describe('cases opened in this year'),
  })
  .strict();

export const suspectParams = z.object({ id: z.uuid(), suspect_id: z.uuid() });

export const criminalCasePage = pageOf(criminalCaseSchema);

export type CriminalCaseView = z.infer<typeof criminalCaseSchema>;
export type CriminalCaseDetail = z.infer<typeof criminalCaseDetailSchema>;
export type SuspectView = z.infer<typeof suspectSchema>;
export type CreateCriminalCase = z.infer<typeof createCriminalCaseBody>;
export type UpdateCriminalCase = z.infer<typeof updateCriminalCaseBody>;
export type CreateSuspect = z.infer<typeof createSuspectBody>;
export type UpdateSuspect = z.infer<typeof updateSuspectBody>;
export type CriminalCaseQuery = z.infer<typeof criminalCaseQuery>;
