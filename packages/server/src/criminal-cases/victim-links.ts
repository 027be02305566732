import { sql, type Kysely } from 'kysely';
import type { VictimRoleInProceedings } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import type { AccessControl } from '../access/access-control.ts';
import type { RecordContext } from '../shared/record-context.ts';
import { victimCaseFacts } from '../access/facts.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';

/**
 * Who may link a victim case to a criminal case (docs/access-policy.md,
 * "Linking a victim to a criminal case"). A link lets the investigating
 * office read the victim case and the identity needed to name the injured
 * party (policy rule prosecutor.linked_victims), so it is a disclosure of the
 * victim's record and need-to-know decides it:
 *
 * - a prosecutor links, from the criminal case, only a victim case they may
 *   already read (one linked to another case of their office, or opened to
 *   them by break-glass), never one known only by its id;
 * - whoever manages the victim case (its team, owning organisation, the
 *   coordinator: whoever may update it) links it, from the victim case, to a
 *   criminal case: they decide to share the victim's record with the office.
 */

/**
 * The victim cases of `ids` the user may link to `criminalCaseId` (null: a case being opened): those already linked
 * to it (their link is kept as it is) and those the user may read now, before the link. An id outside the set is
 * answered exactly like an id that does not exist (docs/errors.md, OPENNRM_NOT_FOUND: "not found or no access"), so
 * a prosecutor cannot learn from the answer that a victim case they may not read exists (no IDOR oracle,
 * docs/threat-model.md).
 * @returns the linkable ids, a subset of `ids`.
 */
export async function linkableVictimCases(
  db: Kysely<Database>,
  access: AccessControl,
  criminalCaseId: string | null,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const linked = criminalCaseId
    ? await db
        .selectFrom('criminal_case_victim')
        .select('victim_case_id')
        .where('criminal_case_id', '=', criminalCaseId)
        .where('victim_case_id', 'in', [...ids])
        .execute()
    : [];
  const readable = await db
    .selectFrom('victim_case')
    .select('id')
    .where('id', 'in', [...ids])
    .where((eb) => access.filter(eb, 'read', 'VictimCase', victimCaseFacts()))
    .where((eb) => eb.not(access.blocked(eb, 'read', 'VictimCase', victimCaseFacts())))
    .execute();
  return new Set([...linked.map((l) => l.victim_case_id), ...readable.map((r) => r.id)]);
}

/**
 * Links the victim case `victimCaseId` to the criminal case `criminalCaseId`
 * with `role`, or changes the role of the link, on behalf of whoever manages
 * the victim case (may update it): the way a victim's record reaches a
 * prosecutor who may not read it yet. The criminal case need not be readable
 * by the user (an NGO's case manager sees no criminal case): its id is enough,
 * and the answer says nothing of it but the link.
 * @returns the link; undefined (404) when either case does not exist or the user may not update the victim case
 *   (a conflict of interest included).
 */
export async function linkFromVictimCase(
  ctx: RecordContext,
  victimCaseId: string,
  criminalCaseId: string,
  role: VictimRoleInProceedings,
): Promise<{ criminal_case_id: string; victim_case_id: string; role: VictimRoleInProceedings } | undefined> {
  const { db, access } = ctx;
  const victim = await db
    .selectFrom('victim_case')
    .select('person_id')
    .where('id', '=', victimCaseId)
    .where((eb) => access.filter(eb, 'update', 'VictimCase', victimCaseFacts()))
    .where((eb) => eb.not(access.blocked(eb, 'update', 'VictimCase', victimCaseFacts())))
    .executeTakeFirst();
  if (!victim) return undefined;
  const criminal = await db.selectFrom('criminal_case').select('id').where('id', '=', criminalCaseId).executeTakeFirst();
  if (!criminal) return undefined;
  await db.transaction().execute(async (tx) => {
    const result = await tx
      .insertInto('criminal_case_victim')
      .values({ criminal_case_id: criminalCaseId, victim_case_id: victimCaseId, role })
      .onConflict((oc) => oc.columns(['criminal_case_id', 'victim_case_id']).doUpdateSet({ role }))
      .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
      .executeTakeFirstOrThrow();
    // A new link lets the investigating organisation read the victim case: a permission change (docs/audit.md).
    await appendAuditEvent(
      tx,
      access.audit({
        action: result.inserted ? 'permission_change' : 'update',
        record_type: 'criminal_case_victim',
        record_id: `${criminalCaseId}/${victimCaseId}`,
        person_id: victim.person_id,
        fields: ['role'],
      }),
    );
  });
  return { criminal_case_id: criminalCaseId, victim_case_id: victimCaseId, role };
}
