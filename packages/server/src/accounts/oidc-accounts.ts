import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { OidcIdentity } from './oidc-relying-party.ts';

/**
 * Which local account a single sign-on identity is. OpenNRM never creates an
 * account from a provider's claims: role and organisation decide what a user
 * may see, so an administrator provisions every account first (`opennrm users
 * add`) and the provider only proves who is signing in.
 *
 * 1. An account already linked to the identity's issuer + subject (OpenID
 *    Connect Core 1.0 §5.7: the only stable identifier) is the one.
 * 2. Otherwise the enabled, not yet linked account whose username equals the
 *    configured username claim is linked to the identity on this first sign-in;
 *    from then on a change of that claim at the provider changes nothing.
 * @returns the account id, or null when no account matches (the caller answers 403).
 */
export async function accountForIdentity(db: Kysely<Database>, identity: OidcIdentity): Promise<string | null> {
  const linked = await db
    .selectFrom('app_user')
    .select(['id', 'disabled'])
    .where('oidc_issuer', '=', identity.issuer)
    .where('oidc_subject', '=', identity.subject)
    .executeTakeFirst();
  if (linked) return linked.disabled ? null : linked.id;
  if (!identity.username) return null;
  const result = await db
    .updateTable('app_user')
    .set({ oidc_issuer: identity.issuer, oidc_subject: identity.subject })
    .where('username', '=', identity.username.toLowerCase())
    .where('oidc_subject', 'is', null)
    .where('disabled', '=', false)
    .returning('id')
    .executeTakeFirst();
  return result?.id ?? null;
}
