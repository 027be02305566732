import { z } from 'zod';
import {
  CLOSURE_REASONS,
  COOPERATION_KINDS,
  CRIMINAL_CASE_STAGES,
  PROCEDURAL_EVENT_KINDS,
  VICTIM_ROLES_IN_PROCEEDINGS,
  largestAmount,
  type ProceduralEventKind,
} from '@opennrm/domain';
import { countryCode, isoDate } from '../http/common.schemas.ts';
import { moneyAmount, moneyCurrency } from '../compensation/money.schemas.ts';

export const PHASES = ['investigation', 'trial'] as const;

/** An amount of money as decimal text (numeric(16,2) in the database: exact, never a float). */
const amount = moneyAmount(16, 2, /^\d{1,14}(\.\d{1,2})?$/).describe(`decimal text, in \`currency\`, at most ${largestAmount(16, 2)}`);
const currency = moneyCurrency('EUR').describe('ISO 4217 code of money (not XXX, XTS, metals or units of account)');

export const proceduralEventSchema = z
  .object({
    id: z.uuid(),
    criminal_case_id: z.uuid(),
    suspect_id: z.uuid().nullable().describe('the suspect concerned; null for an event of the whole case'),
    kind: z.enum(PROCEDURAL_EVENT_KINDS as [ProceduralEventKind, ...ProceduralEventKind[]]),
    occurred_on: isoDate,
    ends_on: isoDate.nullable().describe("last day of a warrant's or measure's term (events with an end only)"),
    phase: z.enum(PHASES).nullable().describe('phase of the proceedings the event belongs to (pre-trial detention totals count per phase)'),
    sentence_months: z.number().int().min(0).max(1200).nullable().describe('months of imprisonment (sentenced only)'),
    sentence_suspended: z.boolean().nullable(),
    // As stored: the input checks (size, money currency) are not asked of records already kept.
    amount: z.string().nullable().describe('decimal text, in `currency`'),
    currency: z.string().nullable().describe('ISO 4217'),
    note: z.string().max(2000).nullable().describe('a procedural reference (warrant or decision number); never personal data'),
    recorded_by: z.uuid().nullable(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'ProceduralEvent' });

export const recordEventBody = z
  .object({
    kind: proceduralEventSchema.shape.kind,
    suspect_id: z
      .uuid()
      .optional()
      .describe('required for a suspect event (PROCEDURAL_EVENTS[kind].on = "suspect"), refused for a case event'),
    occurred_on: isoDate,
    ends_on: isoDate.optional().describe('events with an end only; required for a pre-trial detention warrant'),
    phase: z.enum(PHASES).optional().describe('default: investigation before indictment, trial from indictment on'),
    sentence_months: proceduralEventSchema.shape.sentence_months.unwrap().optional().describe('required for sentenced; months'),
    sentence_suspended: z.boolean().optional().describe('sentenced only; default false'),
    amount: amount.optional().describe('confiscation_ordered and assets_seized only, with currency'),
    currency: currency.optional(),
    note: z.string().min(1).max(2000).optional(),
  })
  .strict();

export const stageChangeBody = z
  .object({
    stage: z.enum(CRIMINAL_CASE_STAGES),
    on: isoDate.describe('the day the case moved to the stage'),
    closure_reason: z.enum(CLOSURE_REASONS).optional().describe('required when stage is "closed", refused otherwise'),
  })
  .strict();

export const offenceSchema = z
  .object({
    id: z.uuid(),
    criminal_case_id: z.uuid(),
    article: z.string().describe('an offence article of the jurisdiction profile, e.g. "210"'),
    committed_on: isoDate.describe('day the offence was committed (its first day, for a continuing offence); the limitation runs from it'),
    committed_until: isoDate.nullable().describe('last day of a continuing or continued offence'),
    suspect_id: z.uuid().nullable().describe('the suspect it is imputed to, when known'),
  })
  .meta({ id: 'CriminalCaseOffence' });

export const addOffenceBody = z
  .object({
    article: offenceSchema.shape.article,
    committed_on: offenceSchema.shape.committed_on,
    committed_until: isoDate.optional(),
    suspect_id: z.uuid().optional(),
  })
  .strict();

export const cooperationSchema = z
  .object({
    id: z.uuid(),
    criminal_case_id: z.uuid(),
    kind: z.enum(COOPERATION_KINDS),
    countries: z.array(countryCode).describe('the other countries, ISO 3166-1 alpha-2'),
    opened_on: isoDate.describe('day the team was set up or the request sent'),
    concluded_on: isoDate.nullable().describe('day the team concluded its work or the request was answered'),
  })
  .meta({ id: 'CriminalCaseCooperation' });

export const addCooperationBody = z
  .object({
    kind: cooperationSchema.shape.kind,
    countries: z.array(countryCode).min(1).max(40),
    opened_on: isoDate,
    concluded_on: isoDate.optional(),
  })
  .strict();

export const updateCooperationBody = z
  .object({ countries: addCooperationBody.shape.countries, concluded_on: isoDate.nullable() })
  .partial()
  .strict();

export const victimRoleBody = z.object({ role: z.enum(VICTIM_ROLES_IN_PROCEEDINGS) }).strict();
export const victimLinkSchema = z
  .object({ criminal_case_id: z.uuid(), victim_case_id: z.uuid(), role: z.enum(VICTIM_ROLES_IN_PROCEEDINGS) })
  .meta({ id: 'CriminalCaseVictim' });

export const cooperationParams = z.object({ id: z.uuid(), cooperation_id: z.uuid() });
export const victimLinkParams = z.object({ id: z.uuid(), victim_case_id: z.uuid() });

export type ProceduralEventView = z.infer<typeof proceduralEventSchema>;
export type RecordEvent = z.infer<typeof recordEventBody>;
export type StageChange = z.infer<typeof stageChangeBody>;
export type OffenceView = z.infer<typeof offenceSchema>;
export type AddOffence = z.infer<typeof addOffenceBody>;
export type CooperationView = z.infer<typeof cooperationSchema>;
export type AddCooperation = z.infer<typeof addCooperationBody>;
export type UpdateCooperation = z.infer<typeof updateCooperationBody>;
export type VictimLinkView = z.infer<typeof victimLinkSchema>;
