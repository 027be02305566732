import { problem } from '@opennrm/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { invalidField } from '../http/errors.ts';
import { newId } from '../shared/ids.ts';

/** What became of one child-protection notification. */
export interface ChildProtectionOutcome {
  /** "sent": to the county service; "unrouted": the profile names none for the county, coordinators were alerted. */
  status: 'sent' | 'unrouted';
  organisation_id: string | null;
  organisation_code: string | null;
  region: string | null;
  /** Users alerted in-app. */
  recipients: number;
}

/** Alert kinds this capability raises (alert.kind). */
export const CHILD_PROTECTION_ALERT = 'child_protection_notification';
export const CHILD_PROTECTION_UNROUTED_ALERT = 'child_protection_unrouted';

/**
 * Notifies the child-protection service of the case's county at once, in
 * the caller's transaction: every organisation whose functions include
 * `child_protection` and whose region is the county (in Romania the county
 * DGASPC) gets a notification record, and its case managers an in-app alert.
 * Never silently skipped: when the profile names no such service for the
 * county, or the service has no case manager to alert, the notification is
 * kept as "unrouted" (or sent with no recipient) and every coordinator is
 * alerted instead.
 * Sources: Directive 2011/36/EU art. 13-16; UN CRC art. 3 and 19; Law 272/2004
 * on the protection of the rights of the child; 2024 TIP report, Romania
 * narrative (all child victims are notified to the county DGASPC).
 *
 * @throws ApiError OPENNRM_VALIDATION naming body.region when the case's county is not known.
 */
export async function notifyChildProtection(
  tx: Kysely<Database>,
  n: { victim_case_id: string; transition_id: string; region: string | null; actor_user_id: string },
): Promise<ChildProtectionOutcome[]> {
  if (!n.region) throw invalidField('body.region', problem('child_case_needs_county'));
  const services = await tx
    .selectFrom('organisation')
    .select(['id', 'code'])
    .where('region', '=', n.region)
    .where(sql<boolean>`'child_protection' = ANY(functions)`)
    .orderBy('code')
    .execute();
  const outcomes: ChildProtectionOutcome[] = [];
  for (const service of services) {
    const recipients = await alert(tx, n, CHILD_PROTECTION_ALERT, `the child-protection service ${service.code} is notified of a child`, {
      role: 'case_manager',
      organisation_id: service.id,
    });
    await tx
      .insertInto('child_protection_notification')
      .values({
        id: newId(),
        victim_case_id: n.victim_case_id,
        transition_id: n.transition_id,
        region: n.region,
        organisation_id: service.id,
        status: 'sent',
        recipients,
      })
      .execute();
    if (recipients === 0) await alertCoordinators(tx, n, `${service.code} has no case manager to receive the notification of a child`);
    outcomes.push({ status: 'sent', organisation_id: service.id, organisation_code: service.code, region: n.region, recipients });
  }
  if (services.length === 0) {
    const recipients = await alertCoordinators(tx, n, `no child-protection service of ${n.region} is known: notify one by hand`);
    await tx
      .insertInto('child_protection_notification')
      .values({
        id: newId(),
        victim_case_id: n.victim_case_id,
        transition_id: n.transition_id,
        region: n.region,
        organisation_id: null,
        status: 'unrouted',
        recipients,
      })
      .execute();
    outcomes.push({ status: 'unrouted', organisation_id: null, organisation_code: null, region: n.region, recipients });
  }
  return outcomes;
}

function alertCoordinators(tx: Kysely<Database>, n: { victim_case_id: string; actor_user_id: string }, reason: string): Promise<number> {
  return alert(tx, n, CHILD_PROTECTION_UNROUTED_ALERT, reason, { role: 'coordinator' });
}

/** One alert per active user of the role (and organisation, when given); returns how many. */
async function alert(
  tx: Kysely<Database>,
  n: { victim_case_id: string; actor_user_id: string },
  kind: string,
  reason: string,
  to: { role: string; organisation_id?: string },
): Promise<number> {
  let users = tx.selectFrom('app_user').select('id').where('disabled', '=', false).where('role', '=', to.role);
  if (to.organisation_id) users = users.where('organisation_id', '=', to.organisation_id);
  const recipients = await users.execute();
  if (recipients.length === 0) return 0;
  await tx
    .insertInto('alert')
    .values(
      recipients.map((u) => ({
        id: newId(),
        recipient_user_id: u.id,
        kind,
        victim_case_id: n.victim_case_id,
        actor_user_id: n.actor_user_id,
        reason,
      })),
    )
    .execute();
  return recipients.length;
}
