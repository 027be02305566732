/**
 * Consent of a victim to a purpose of processing (GDPR art. 6(1)(a), 7 and
 * 9(2)(a)). Assistance never depends on it: a victim who refuses every
 * purpose below is still assisted (Directive 2011/36/EU art. 11(3): assistance
 * is not conditional on cooperation; OSCE/ODIHR NRM handbook, 2nd ed., 2022,
 * ch. 4: share only with informed consent).
 *
 * - referral: sharing the case with a service provider to which it is referred;
 * - data_sharing: sharing with another institution outside a referral (for example a foreign NRM);
 * - research: use of the pseudonymous record in research beyond the official statistics (art. 89);
 * - contact_follow_up: being contacted after assistance ends (aftercare, re-victimisation follow-up);
 * - media: any contact with journalists or publication of the person's story;
 * - criminal_proceedings_contact: being contacted by investigators through the NRM.
 */
export const CONSENT_PURPOSES = [
  'referral',
  'data_sharing',
  'research',
  'contact_follow_up',
  'media',
  'criminal_proceedings_contact',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/**
 * How consent was given or refused. Art. 7(1) requires the controller to be
 * able to demonstrate consent, so the method is recorded; a child's consent
 * is given by the legal representative (art. 8 by analogy; Law 272/2004 on
 * children's rights).
 */
export const CONSENT_METHODS = ['written_form', 'oral_witnessed', 'electronic', 'legal_representative'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** A consent record as the rules see it: dates are ISO "YYYY-MM-DD". */
export interface ConsentFacts {
  purpose: ConsentPurpose;
  given: boolean;
  recorded_on: string;
  withdrawn_on: string | null;
}

/**
 * Whether the person's consent to `purpose` holds on `on` (ISO date): the
 * latest record for the purpose recorded on or before `on` says "given" and
 * was not withdrawn on or before `on`. No record means no consent.
 * Source: GDPR art. 7(3) (withdrawal as easy as giving; it does not affect
 * processing before it).
 */
export function consentHolds(records: readonly ConsentFacts[], purpose: ConsentPurpose, on: string): boolean {
  return consentState(records, purpose, on) === 'given';
}

/**
 * The person's answer on `purpose` as it stands on `on` (ISO date), so that a
 * refusal is reported as a refusal, not as a missing record: 'none' (no record
 * on or before `on`), 'refused' (the latest record says no), 'withdrawn' (it
 * said yes and was withdrawn on or before `on`, GDPR art. 7(3)) or 'given'.
 */
export type ConsentState = 'none' | 'refused' | 'withdrawn' | 'given';
export function consentState(records: readonly ConsentFacts[], purpose: ConsentPurpose, on: string): ConsentState {
  const latest = records
    .filter((r) => r.purpose === purpose && r.recorded_on <= on)
    .sort((a, b) => (a.recorded_on < b.recorded_on ? -1 : a.recorded_on > b.recorded_on ? 1 : 0))
    .at(-1);
  if (!latest) return 'none';
  if (!latest.given) return 'refused';
  return latest.withdrawn_on !== null && latest.withdrawn_on <= on ? 'withdrawn' : 'given';
}
