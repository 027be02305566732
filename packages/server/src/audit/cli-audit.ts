import { userInfo } from 'node:os';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { appendAuditEvents } from './append-audit-event.ts';
import type { AuditEventInput } from './audit-event.ts';

/** The user agent of every event the `opennrm` command writes, so an investigator can tell shell from API. */
export const CLI_USER_AGENT = 'opennrm-cli';

/**
 * Who acts when someone runs `opennrm` on the server: there is no signed-in
 * account, so the event names the operating-system account that ran the
 * command, as "cli:<os user>" (like "system:retention" for jobs). Whoever
 * holds a shell on the server can do anything the command can; the trail at
 * least says which shell account did it. Falls back to the USER variable, then
 * to "cli:unknown", when the system has no name for the process's uid
 * (a container running as an arbitrary uid).
 */
export function cliActorUsername(): string {
  let name: string | undefined;
  try {
    name = userInfo().username;
  } catch {
    name = process.env.USER;
  }
  // The trail refuses control characters and long names: keep what it can store.
  const safe = (name ?? '').replace(/[^\p{L}\p{N}._@-]/gu, '').slice(0, 100);
  return `cli:${safe || 'unknown'}`;
}

/** An event of a command: the actor, user agent and reason are filled in. */
export type CliAuditEvent = Omit<AuditEventInput, 'actor_user_id' | 'actor_username' | 'actor_organisation_id' | 'user_agent' | 'reason'>;

/**
 * The `actor_*`, `user_agent` and `reason` of an event written by a command:
 * the OS account (cliActorUsername), "opennrm-cli", and the command as the
 * reason ("opennrm users add"), never its argument values.
 */
export function cliAuditFields(command: string): Pick<AuditEventInput, 'actor_username' | 'user_agent' | 'reason'> {
  return { actor_username: cliActorUsername(), user_agent: CLI_USER_AGENT, reason: `opennrm ${command}` };
}

/**
 * Runs `work` in one transaction and appends, in it, the audit events it
 * returns, as written by `command` on the shell (cliAuditFields): the change
 * and its events commit together or not at all (docs/audit.md). For a read or
 * export that happens outside a transaction (a streamed export), call it
 * before the data leaves, so data never leaves unlogged.
 * @returns what `work` returns as `result`.
 * @throws AuditError from appendAuditEvents for a malformed event (nothing commits then).
 */
export async function withCliAudit<T>(
  db: Kysely<Database>,
  command: string,
  work: (trx: Transaction<Database>) => Promise<{ result: T; events: readonly CliAuditEvent[] }>,
): Promise<T> {
  const fields = cliAuditFields(command);
  return db.transaction().execute(async (trx) => {
    const { result, events } = await work(trx);
    await appendAuditEvents(
      trx,
      events.map((event) => ({ ...event, ...fields })),
    );
    return result;
  });
}

/**
 * Audits accounts a command created outside `users add` (the demo's role
 * accounts, the first administrator of `serve`): one permission_change per
 * account, as `users add` writes. Usernames that name no account are skipped.
 */
export async function auditNewAccounts(db: Kysely<Database>, command: string, usernames: readonly string[]): Promise<void> {
  if (usernames.length === 0) return;
  await withCliAudit(db, command, async (trx) => {
    const rows = await trx
      .selectFrom('app_user')
      .select('id')
      .where('username', 'in', [...usernames])
      .orderBy('username')
      .execute();
    const events: CliAuditEvent[] = rows.map((row) => ({
      action: 'permission_change',
      record_type: 'app_user',
      record_id: row.id,
      fields: ['username', 'role', 'organisation_id', 'display_name'],
    }));
    return { result: undefined, events };
  });
}
