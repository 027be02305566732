import romania from '../../profiles/romania.json' with { type: 'json' };
import { parseProfile, type JurisdictionProfile } from './profile-schema.ts';

/** Profiles shipped with OpenNRM, by code. A deployment may load others from a file. */
const SHIPPED: Record<string, unknown> = { romania };

/** Codes of the shipped jurisdiction profiles. */
export const SHIPPED_PROFILES = Object.keys(SHIPPED);

/**
 * Returns a shipped profile, validated.
 * @throws Error when no profile has that code; ProfileError when it is invalid.
 */
export function shippedProfile(code: string): JurisdictionProfile {
  const data = SHIPPED[code];
  if (!data) throw new Error(`no shipped profile "${code}"; shipped: ${SHIPPED_PROFILES.join(', ')}`);
  return parseProfile(code, data);
}
