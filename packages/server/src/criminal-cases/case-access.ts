import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AccessControl } from '../access/access-control.ts';
import { criminalCaseFacts } from '../access/facts.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { ApiError } from '../http/errors.ts';

/**
 * Whether the user may do `action` on the criminal case (docs/access-policy.md:
 * the investigating organisation's prosecutors read and edit, the coordinator
 * reads): true, or false when there is no such case or the user may not see
 * it (the caller answers 404, the same for both).
 * @throws ApiError OPENNRM_CONFLICT_OF_INTEREST (403) when a conflict-of-interest rule blocks the user; the refusal is audited.
 */
export async function mayActOnCriminalCase(
  db: Kysely<Database>,
  access: AccessControl,
  id: string,
  action: 'read' | 'update',
): Promise<boolean> {
  const row = await db
    .selectFrom('criminal_case')
    .select((eb) => access.blocked(eb, action, 'CriminalCase', criminalCaseFacts()).as('blocked'))
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        access.filter(eb, action, 'CriminalCase', criminalCaseFacts()),
        access.blocked(eb, action, 'CriminalCase', criminalCaseFacts()),
      ]),
    )
    .executeTakeFirst();
  if (!row) return false;
  if (row.blocked) {
    await db
      .transaction()
      .execute((trx) =>
        appendAuditEvent(
          trx,
          access.audit({ action: 'access_denied', record_type: 'criminal_case', record_id: id, reason: 'conflict_of_interest' }),
        ),
      );
    throw new ApiError('OPENNRM_CONFLICT_OF_INTEREST');
  }
  return true;
}
