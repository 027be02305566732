import { z } from 'zod';
import { HEARING_BODY_KINDS, HEARING_STATUSES } from '../proceedings/victim-hearings.ts';

/**
 * OpenNRM JSON line schemas of victims in proceedings (migration 0019):
 * hearings, legal counsel, programme participation and protection measures,
 * each after its victim case. Codes (settings, programmes, measures) are the
 * profile's and are carried as they are. Each refinement is a CHECK of the
 * migration, so a bad line is named by the import rather than refused by the database.
 */

/** The record types, in file order. */
export const PROCEEDINGS_LINE_TYPES = [
  'victim_hearing',
  'legal_counsel_assignment',
  'programme_participation',
  'protection_measure',
] as const;

const ended = (start: string) => (r: Record<string, unknown>) => r.ended_on == null || (r.ended_on as string) >= (r[start] as string);

/** The line schemas, built with the file's own id, date, instant and organisation-code types. */
export function proceedingsLineSchemas(id: z.ZodUUID, date: z.ZodISODate, instant: z.ZodISODateTime, orgCode: z.ZodString) {
  const code = z.string().min(1);
  return [
    z
      .strictObject({
        type: z.literal('victim_hearing'),
        id,
        victim_case_id: id,
        criminal_case_id: id.nullable(),
        status: z.enum(HEARING_STATUSES),
        planned_on: date.nullable(),
        held_on: date.nullable(),
        body_organisation_code: orgCode,
        body_kind: z.enum(HEARING_BODY_KINDS),
        settings: z.array(code),
        counsel_present: z.boolean().nullable(),
        interpreter_language: z.string().min(2).nullable(),
        note: z.string().nullable(),
        recorded_by: id.nullable(),
        synthetic: z.boolean(),
        created_at: instant,
        updated_at: instant,
      })
      // The database's victim_hearing_held, _counsel and _planned CHECKs (migration 0019).
      .refine((h) => (h.status === 'held') === (h.held_on != null), { path: ['held_on'], message: 'given exactly when status is "held"' })
      .refine((h) => h.status !== 'held' || h.counsel_present != null, {
        path: ['counsel_present'],
        message: 'given when status is "held"',
      })
      .refine((h) => h.status !== 'planned' || h.planned_on != null, { path: ['planned_on'], message: 'given when status is "planned"' }),
    z
      .strictObject({
        type: z.literal('legal_counsel_assignment'),
        id,
        victim_case_id: id,
        counsel_organisation_code: orgCode.nullable(),
        counsel_bar: z.string().min(1).nullable(),
        counsel_name: z.string().min(1).nullable(),
        assigned_on: date,
        ended_on: date.nullable(),
        mandatory: z.boolean(),
        recorded_by: id.nullable(),
        synthetic: z.boolean(),
        created_at: instant,
      })
      .refine((c) => c.counsel_organisation_code != null || c.counsel_bar != null, {
        path: ['counsel_organisation_code'],
        message: 'an organisation or a bar',
      })
      .refine(ended('assigned_on'), { path: ['ended_on'], message: 'on or after assigned_on' }),
    z
      .strictObject({
        type: z.literal('programme_participation'),
        id,
        victim_case_id: id,
        programme: code,
        started_on: date,
        ended_on: date.nullable(),
        recorded_by: id.nullable(),
        synthetic: z.boolean(),
        created_at: instant,
      })
      .refine(ended('started_on'), { path: ['ended_on'], message: 'on or after started_on' }),
    z
      .strictObject({
        type: z.literal('protection_measure'),
        id,
        victim_case_id: id,
        measure: code,
        ordered_on: date,
        ended_on: date.nullable(),
        ordered_by_organisation_code: orgCode.nullable(),
        recorded_by: id.nullable(),
        synthetic: z.boolean(),
        created_at: instant,
      })
      .refine(ended('ordered_on'), { path: ['ended_on'], message: 'on or after ordered_on' }),
  ];
}
