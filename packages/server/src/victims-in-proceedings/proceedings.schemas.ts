import { z } from 'zod';
import { HEARING_BODY_KINDS, HEARING_STATUSES, problem } from '@opennrm/domain';
import { isoDate, lowerCaseCode, organisationRef, pastDate } from '../http/common.schemas.ts';
import { matching } from '../compensation/money.schemas.ts';

const profileCode = (what: string) => lowerCaseCode(64).describe(what);
const language = matching(/^[a-z]{2,3}(-[A-Z]{2})?$/, problem('not_a_language_tag')).describe(
  'BCP 47 tag of the language interpreted, e.g. "uk"; null: no interpreter',
);
const note = z.string().max(2000).describe('free text for the case team; never in statistics');

export const rehearingWarningSchema = z
  .object({
    hearings_so_far: z.number().int().describe('hearings of this victim case already held, not counting this one'),
    last_held_on: isoDate.describe('the latest of them'),
  })
  .describe('present when the victim was already heard: fewer interviews are better (Directive 2011/36/EU art. 12(4)(c))');

export const hearingBody = z
  .object({
    status: z.enum(HEARING_STATUSES).describe('planned (not yet held), held, or cancelled'),
    planned_on: pastDate.nullable().optional().describe('day the hearing is planned for; required when planned, today or later'),
    held_on: pastDate.nullable().optional().describe('day the hearing was held; required when held, not after today'),
    body_organisation: organisationRef.describe(
      'the police, prosecution or court body hearing the victim (code or id); its kind gives body_kind',
    ),
    criminal_case_id: z.uuid().nullable().optional().describe('the criminal case the hearing belongs to: one linked to this victim case'),
    settings: z
      .array(profileCode('a code of profile victims_in_proceedings.hearing_settings, e.g. separate_room, video_link'))
      .max(20)
      .default([]),
    counsel_present: z.boolean().nullable().optional().describe('whether legal counsel was present; required when held'),
    interpreter_language: language.nullable().optional(),
    note: note.nullable().optional(),
  })
  .strict();

export const hearingPatch = z
  .object({
    status: z.enum(HEARING_STATUSES).optional(),
    planned_on: pastDate.nullable().optional(),
    held_on: pastDate.nullable().optional(),
    settings: z.array(profileCode('a hearing setting code of the profile')).max(20).optional(),
    counsel_present: z.boolean().nullable().optional(),
    interpreter_language: language.nullable().optional(),
    note: note.nullable().optional(),
  })
  .strict();

export const hearingSchema = z
  .object({
    id: z.uuid(),
    victim_case_id: z.uuid(),
    criminal_case_id: z.uuid().nullable(),
    status: z.enum(HEARING_STATUSES),
    planned_on: isoDate.nullable(),
    held_on: isoDate.nullable(),
    body_organisation_id: z.uuid(),
    body_organisation_code: z.string(),
    body_kind: z.enum(HEARING_BODY_KINDS),
    settings: z.array(z.string()),
    counsel_present: z.boolean().nullable(),
    counsel_mandatory: z.boolean().describe('the profile makes legal counsel mandatory for this victim (mandatory_counsel)'),
    counsel_breach: z
      .string()
      .nullable()
      .describe(
        'set when the hearing was held without counsel that is mandatory: one English sentence with the consequence in law and its source',
      ),
    counsel_breach_rule: z
      .object({
        applies_to: z.enum(['all_victims', 'children']).describe('whom the profile makes counsel mandatory for: every victim, or children'),
        consequence: z.string().describe("the profile's words for what the breach costs (mandatory_counsel.consequence)"),
        consequence_i18n: z
          .record(z.string(), z.string())
          .optional()
          .describe(
            'the consequence by language code of the profile (e.g. ro, uk, hu), where it gives one; absent languages read `consequence`',
          ),
        source: z.string().describe('the law it comes from'),
        source_i18n: z
          .record(z.string(), z.string())
          .optional()
          .describe("the source's citation by language code of the profile, where it gives one; absent languages read `source`"),
        verify: z.boolean().describe('the source is still to be verified'),
      })
      .nullable()
      .describe('the same as counsel_breach, for translation: the profile rule breached; null when counsel_breach is'),
    interpreter_language: z.string().nullable(),
    note: z.string().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'VictimHearing' });

export const hearingRecorded = hearingSchema.extend({ warning: rehearingWarningSchema.nullable() }).meta({ id: 'VictimHearingRecorded' });

export const hearingList = z.object({
  items: z.array(hearingSchema).describe('oldest first (held or planned day)'),
  hearings_held: z.number().int().describe('hearings of the case held so far'),
  last_held_on: isoDate.nullable(),
  planned: z.number().int().describe('hearings planned and not yet held'),
});

export const counselBody = z
  .object({
    counsel_organisation: organisationRef.nullable().optional().describe('a legal-aid NGO or law firm in the directory (code or id)'),
    counsel_bar: z.string().min(2).max(200).nullable().optional().describe('the bar that appointed the lawyer, e.g. "Baroul Cluj"'),
    counsel_name: z.string().min(2).max(200).nullable().optional().describe("the lawyer's name (not the victim's: never in statistics)"),
    assigned_on: pastDate,
    ended_on: pastDate.nullable().optional(),
    mandatory: z.boolean().default(false).describe('appointed ex officio because the law makes counsel mandatory'),
  })
  .strict();

export const counselSchema = z
  .object({
    id: z.uuid(),
    victim_case_id: z.uuid(),
    counsel_organisation_id: z.uuid().nullable(),
    counsel_organisation_code: z.string().nullable(),
    counsel_bar: z.string().nullable(),
    counsel_name: z.string().nullable(),
    assigned_on: isoDate,
    ended_on: isoDate.nullable(),
    mandatory: z.boolean(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'LegalCounselAssignment' });

export const programmeBody = z
  .object({
    programme: profileCode('a code of profile victims_in_proceedings.programmes, e.g. victim_witness_coordination, witness_protection'),
    started_on: pastDate,
    ended_on: pastDate.nullable().optional().describe('last day in the programme; null: still in it'),
  })
  .strict();

export const programmeSchema = z
  .object({
    id: z.uuid(),
    victim_case_id: z.uuid(),
    programme: z.string(),
    name: z.string().describe("the programme's name in the profile"),
    started_on: isoDate,
    ended_on: isoDate.nullable(),
    source: z.string().describe("the programme's legal source (profile)"),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'ProgrammeParticipation' });

export const measureBody = z
  .object({
    measure: profileCode('a code of profile victims_in_proceedings.protection_measures, e.g. escort, identity_protection'),
    ordered_on: pastDate,
    ended_on: pastDate.nullable().optional(),
    ordered_by_organisation: organisationRef.nullable().optional().describe('the prosecution office or court that ordered it (code or id)'),
  })
  .strict();

export const measureSchema = z
  .object({
    id: z.uuid(),
    victim_case_id: z.uuid(),
    measure: z.string(),
    name: z.string().describe("the measure's name in the profile"),
    ordered_on: isoDate,
    ended_on: isoDate.nullable(),
    ordered_by_organisation_id: z.uuid().nullable(),
    ordered_by_organisation_code: z.string().nullable(),
    source: z.string().describe("the measure's legal source (profile)"),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'ProtectionMeasure' });

export const endBody = z.object({ ended_on: pastDate.describe('last day; not before the start') }).strict();

export const recordParams = z.object({
  id: z.uuid().describe('victim case id'),
  record_id: z.uuid().describe('the record under the case'),
});

export type HearingInput = z.infer<typeof hearingBody>;
export type HearingPatch = z.infer<typeof hearingPatch>;
export type HearingView = z.infer<typeof hearingSchema>;
export type HearingRecorded = z.infer<typeof hearingRecorded>;
export type HearingList = z.infer<typeof hearingList>;
export type CounselInput = z.infer<typeof counselBody>;
export type CounselView = z.infer<typeof counselSchema>;
export type ProgrammeInput = z.infer<typeof programmeBody>;
export type ProgrammeView = z.infer<typeof programmeSchema>;
export type MeasureInput = z.infer<typeof measureBody>;
export type MeasureView = z.infer<typeof measureSchema>;
