/**
 * Why a provider declines a referral, as codes the statistics and the gaps
 * report can count; the referral also keeps the provider's own words
 * (`decline_reason`). Migration 0012 gave referrals declined before the codes
 * existed the code "other", their text unchanged.
 * Source: OSCE/ODIHR "National Referral Mechanisms" handbook (2nd ed., 2022), ch. 4 (documenting refusals);
 * 2024 TIP report, Romania narrative (counties without shelters, unlicensed NGOs, tolerated status without services).
 */
export const DECLINE_REASON_CODES = [
  /** No free place (bed) at the facility. */
  'no_free_places',
  /** The provider does not offer a service asked for. */
  'service_not_offered',
  /** The provider does not work in the county the victim is in or asked for. */
  'outside_area',
  /** The provider may not serve this person (e.g. a child without a licence for child victims; residence status). */
  'not_eligible',
  /** The victim's safety cannot be ensured there (e.g. near the traffickers). */
  'safety_risk',
  /** The victim did not want the service. */
  'victim_declined',
  'other',
] as const;
export type DeclineReasonCode = (typeof DECLINE_REASON_CODES)[number];

/** Referral urgency: an urgent referral is answered within the profile's urgent threshold, whatever its services. */
export const REFERRAL_URGENCIES = ['routine', 'urgent'] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];
