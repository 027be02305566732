import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { requestInfo } from '../access/install-access.ts';
import { appendAuditEvent } from './append-audit-event.ts';
import { AuditError, type AuditAction } from './audit-event.ts';

/** Who an account event is about: the account when known, else the username that was typed. */
export interface AccountEventActor {
  user_id?: string | null;
  username: string;
  organisation_id?: string | null;
}

/**
 * Runs `work` and appends the account event (sign-in, failed sign-in,
 * sign-out, password change) in the same transaction, with the request's
 * address, user agent and id. Issue 3 point 4: every sign-in and permission
 * change is audited. A typed username that cannot be stored as-is (control
 * characters, too long) is recorded as "(unreadable username)".
 * @returns what `work` returns.
 */
export async function withAccountEvent<T>(
  db: Kysely<Database>,
  request: FastifyRequest,
  action: Extract<AuditAction, 'sign_in' | 'sign_in_failed' | 'sign_out' | 'password_change'>,
  actor: AccountEventActor,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const result = await work(trx);
    const event = {
      action,
      actor_user_id: actor.user_id ?? null,
      actor_username: actor.username,
      actor_organisation_id: actor.organisation_id ?? null,
      ...requestInfo(request),
      record_type: 'app_user',
      record_id: actor.user_id ?? null,
    };
    try {
      await appendAuditEvent(trx, event);
    } catch (error) {
      if (!(error instanceof AuditError) || error.field !== 'actor_username') throw error;
      await appendAuditEvent(trx, { ...event, actor_username: '(unreadable username)' });
    }
    return result;
  });
}
