import type { Schemas } from '../api/client.ts';
import type { paths } from '../api/schema.gen.ts';

/**
 * The code lists the referral screens offer, each checked against the API's
 * own enum (schema.gen.ts, generated from the server's OpenAPI document): a
 * code the API adds or drops fails the type check here, so the screens never
 * offer a value the server refuses or miss one it accepts. Their words are in
 * the `referrals` strings; their meaning in docs/services.md.
 */
export type Service = Schemas['Referral']['services'][number];
export type Urgency = Schemas['Referral']['urgency'];
export type DeclineReasonCode = NonNullable<Schemas['Referral']['decline_reason_code']>;
export type ConsentMethod = paths['/api/v1/persons/{id}/consents']['post']['requestBody']['content']['application/json']['method'];

const keysOf = <K extends string>(record: Record<K, true>) => Object.keys(record) as K[];

/** The services catalogue, in the order of docs/services.md. */
export const SERVICES = keysOf<Service>({
  shelter: true,
  medical: true,
  psychological: true,
  legal: true,
  social: true,
  vocational: true,
  financial: true,
  interpretation: true,
  repatriation: true,
});

export const URGENCIES = keysOf<Urgency>({ routine: true, urgent: true });

/** Why a provider declines (docs/services.md, "Referrals"): "other" needs the reason in words. */
export const DECLINE_REASON_CODES = keysOf<DeclineReasonCode>({
  no_free_places: true,
  service_not_offered: true,
  outside_area: true,
  not_eligible: true,
  safety_risk: true,
  victim_declined: true,
  other: true,
});

/** How consent was given (GDPR art. 7(1): the controller must be able to show it). */
export const CONSENT_METHODS = keysOf<ConsentMethod>({
  written_form: true,
  oral_witnessed: true,
  electronic: true,
  legal_representative: true,
});
