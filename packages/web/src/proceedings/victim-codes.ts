import { useTranslation } from 'react-i18next';
import { shippedProfile } from '@opennrm/domain/profiles';
import type { Schemas } from '../api/client.ts';

/**
 * The codes of a victim's hearings and compensation the screens offer
 * (packages/domain/src/proceedings/victim-hearings.ts and
 * compensation/compensation-codes.ts), each list checked against the API's
 * enum (schema.gen.ts) so a form never offers a code the server refuses and
 * never misses one. Their words are in the `proceedings` strings. The hearing
 * settings and the currency are the profile's (the same file the server loads:
 * docs/web.md, "Profile in the browser").
 */
export type HearingStatus = Schemas['VictimHearing']['status'];
export type BodyKind = Schemas['VictimHearing']['body_kind'];
export type Route = Schemas['CompensationClaim']['route'];
export type ClaimStatus = Schemas['CompensationClaim']['status'];
export type DamageType = Schemas['CompensationOrder']['damage_type'];
export type Payer = Schemas['CompensationPayment']['payer'];
export type Purpose = Schemas['StateAdvancePayment']['purpose'];

/** Every member of the union T, once: the type check fails when the API adds or drops a code. */
const every =
  <T extends string>() =>
  <L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)) =>
    list;

export const PAYERS = every<Payer>()(['offender', 'state', 'seized_assets_fund'] as const);
export const DAMAGE_TYPES = every<DamageType>()(['moral', 'material'] as const);

const PROFILE = shippedProfile('romania');

/** The profile's hearing settings (victims_in_proceedings.hearing_settings): code and the profile's name, its fallback label. */
export const HEARING_SETTINGS: readonly { code: string; name: string }[] = PROFILE.victims_in_proceedings.hearing_settings;

/** The routes to compensation the profile's law offers (compensation.routes), in its order: what a claim may be filed by. */
export const CLAIM_ROUTES: readonly Route[] = PROFILE.compensation.routes.map((r) => r.code);

/** The damage types the profile's courts order (compensation.damage_types), in its order. */
export const ORDER_DAMAGE_TYPES: readonly DamageType[] = PROFILE.compensation.damage_types.map((d) => d.code);

/** The profile's currency, the first a payment form offers. */
export const HOME_CURRENCY = PROFILE.currency;

/** A hearing setting's words: the translation of its code, else the profile's own name (a setting another profile adds). */
export function useSettingName() {
  const { t } = useTranslation('proceedings');
  return (code: string) => t(`hearings.setting.${code}`, { defaultValue: HEARING_SETTINGS.find((s) => s.code === code)?.name ?? code });
}

/** Institution kinds that hear victims (domain hearingBodyKind: police and border police, prosecution, court). */
export const HEARING_BODY_KINDS_OF_INSTITUTION: readonly string[] = ['police', 'border_police', 'prosecution', 'court'];

/**
 * Sums decimal strings exactly (never through floats: docs/proceedings.md,
 * "Amounts are decimal strings"), keeping the most decimals any of them has.
 */
export function sumAmounts(amounts: readonly string[]): string {
  const decimals = Math.max(0, ...amounts.map((a) => a.split('.')[1]?.length ?? 0));
  const scaled = amounts.reduce((total, a) => {
    const [whole, fraction = ''] = a.split('.');
    return total + BigInt(`${whole}${fraction.padEnd(decimals, '0')}`);
  }, 0n);
  if (decimals === 0) return scaled.toString();
  const digits = scaled.toString().padStart(decimals + 1, '0');
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}
