/**
 * The vocabulary of compensation for victims of trafficking (issue 6 point 5):
 * machine codes stored in the database and exchanged in the API; labels live
 * in translations, and which routes and damage types a country has, with
 * their legal sources, in the profile's `compensation` section.
 *
 * Sources: EU Directive 2011/36/EU art. 17 (access to compensation);
 * Directive 2004/80/EC (state compensation to crime victims); Council of
 * Europe Convention CETS 197 art. 15(3) and (4); 2024 TIP report, Romania
 * narrative ("restitution from their trafficker in a criminal case, file a
 * civil suit against the trafficker, or receive compensation from the
 * government"; damages ordered "for moral damages" and "for material damages").
 */

/** How a victim claims: in the criminal case, by a civil suit, or from the state. */
export const COMPENSATION_ROUTES = ['restitution_in_criminal_case', 'civil_claim', 'state_compensation'] as const;
export type CompensationRoute = (typeof COMPENSATION_ROUTES)[number];

/** Where a claim stands. A renounced claim is flagged apart (renounced, renounced_on), whatever its status. */
export const CLAIM_STATUSES = ['pending', 'ordered', 'rejected', 'withdrawn'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Non-pecuniary (moral) or pecuniary (material) damage, as courts order them and the TIP report publishes them. */
export const DAMAGE_TYPES = ['moral', 'material'] as const;
export type DamageType = (typeof DAMAGE_TYPES)[number];

/**
 * Who paid: the offender, the state (state compensation), or the fund of
 * confiscated criminal assets (Romania: managed by ANABI, which "was mandated
 * to manage a national fund of confiscated criminal assets available to
 * finance trafficking victim compensation", 2024 TIP report).
 */
export const PAYERS = ['offender', 'state', 'seized_assets_fund'] as const;
export type Payer = (typeof PAYERS)[number];

/**
 * What a state advance payment is for: emergency expenses (2024 TIP report:
 * "advanced payments ... for emergency expenses"). Codes, never free text, so
 * that no personal detail is written beside an amount.
 */
export const ADVANCE_PAYMENT_PURPOSES = ['medical', 'housing', 'subsistence', 'travel', 'legal', 'other'] as const;
export type AdvancePaymentPurpose = (typeof ADVANCE_PAYMENT_PURPOSES)[number];
