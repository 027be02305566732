import { z } from 'zod';
import { CONSENT_METHODS, CONSENT_PURPOSES, ERASURE_GROUNDS } from '@opennrm/domain';
import { pastDate } from '../http/common.schemas.ts';

const isoDate = pastDate.describe('ISO date YYYY-MM-DD, from 1900 to today (in the profile time zone)');

export const personIdParams = z.object({ id: z.uuid().describe('person id') });
export const consentParams = z.object({ id: z.uuid().describe('person id'), consent_id: z.uuid().describe('consent id') });

export const recordConsentBody = z.object({
  purpose: z.enum(CONSENT_PURPOSES).describe('what the consent is for (domain CONSENT_PURPOSES)'),
  given: z.boolean().describe('true: consent given; false: refused (a refusal is recorded too)'),
  recorded_on: isoDate.describe('the day the person gave or refused consent'),
  method: z.enum(CONSENT_METHODS).describe('how it was given (GDPR art. 7(1): the controller must be able to show it)'),
  victim_case_id: z.uuid().nullable().optional().describe('the case it was given in, if any'),
});

export const withdrawConsentBody = z.object({ withdrawn_on: isoDate.describe('the day the person withdrew consent (art. 7(3))') });

export const consentSchema = z
  .object({
    id: z.uuid(),
    person_id: z.uuid(),
    victim_case_id: z.uuid().nullable(),
    purpose: z.string(),
    given: z.boolean(),
    recorded_on: z.string(),
    recorded_by: z.uuid().nullable(),
    method: z.string(),
    withdrawn_on: z.string().nullable(),
    withdrawn_by: z.uuid().nullable(),
  })
  .meta({ id: 'Consent' });

export const consentList = z.object({ items: z.array(consentSchema) });

export const erasureBody = z.object({
  reason: z.string().trim().min(10).max(2000).describe('why: the request as received, without identifying data (at least 10 characters)'),
  legal_basis: z.enum(ERASURE_GROUNDS).describe('the ground of GDPR art. 17(1) the request rests on'),
});

export const erasureResult = z
  .object({
    request_id: z.uuid(),
    person_id: z.uuid(),
    outcome: z.literal('erased'),
    already_anonymised: z.boolean(),
    records_changed: z.number().int().describe('records erased, generalised or deleted'),
  })
  .meta({ id: 'ErasureResult' });

/** The data-subject access export is a JSON document whose sections are described in docs/gdpr.md. */
export const subjectAccessExport = z.record(z.string(), z.unknown()).meta({ id: 'SubjectAccessExport' });

export type RecordConsent = z.infer<typeof recordConsentBody>;
export type ConsentView = z.infer<typeof consentSchema>;
export type ErasureRequest = z.infer<typeof erasureBody>;
export type ErasureResult = z.infer<typeof erasureResult>;
