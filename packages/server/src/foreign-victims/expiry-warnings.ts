import { sql, type Kysely } from 'kysely';
import { residenceStatusRule, residenceWarningDue, type JurisdictionProfile } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { newId } from '../shared/ids.ts';

/** alert.kind of a residence status about to expire. */
export const RESIDENCE_EXPIRY_ALERT = 'residence_expiry';

/**
 * Warns before a foreign victim's residence status expires: for every
 * current status (the latest of its case) whose expiry is at most the
 * profile's `nrm_workflow.residence_expiry_warning_days` away and not yet
 * warned of, one in-app alert to each member of the case team and each case
 * manager of the case's organisation, then marks it warned (once per status).
 * Source: issue 4 point 5; Directive 2004/81/EC art. 13 (non-renewal, withdrawal).
 *
 * @param today ISO date "YYYY-MM-DD" in the profile's time zone.
 * @returns how many statuses were warned of.
 */
export async function warnExpiringResidenceStatuses(db: Kysely<Database>, profile: JurisdictionProfile, today: string): Promise<number> {
  const rules = profile.nrm_workflow;
  const last = new Date(Date.parse(`${today}T00:00:00Z`) + rules.residence_expiry_warning_days * 86_400_000).toISOString().slice(0, 10);
  const due = await db
    .selectFrom('residence_status as rs')
    .innerJoin('victim_case as vc', 'vc.id', 'rs.victim_case_id')
    .select(['rs.id', 'rs.victim_case_id', 'rs.status', 'rs.expires_on', 'vc.owner_organisation_id'])
    .where('rs.expiry_warned_on', 'is', null)
    .where('rs.expires_on', '>=', today)
    .where('rs.expires_on', '<=', last)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('residence_status as later')
            .select(sql.lit(1).as('x'))
            .whereRef('later.victim_case_id', '=', 'rs.victim_case_id')
            .whereRef('later.starts_on', '>', 'rs.starts_on'),
        ),
      ),
    )
    .execute();
  let warned = 0;
  for (const status of due) {
    if (!residenceWarningDue(rules, status.expires_on, today)) continue;
    await db.transaction().execute(async (trx) => {
      const team = await trx.selectFrom('case_team').select('user_id as id').where('victim_case_id', '=', status.victim_case_id).execute();
      const managers = status.owner_organisation_id
        ? await trx
            .selectFrom('app_user')
            .select('id')
            .where('role', '=', 'case_manager')
            .where('disabled', '=', false)
            .where('organisation_id', '=', status.owner_organisation_id)
            .execute()
        : [];
      const recipients = [...new Set([...team, ...managers].map((u) => u.id))];
      const name = residenceStatusRule(rules, status.status)?.name ?? status.status;
      if (recipients.length > 0)
        await trx
          .insertInto('alert')
          .values(
            recipients.map((recipient) => ({
              id: newId(),
              recipient_user_id: recipient,
              kind: RESIDENCE_EXPIRY_ALERT,
              victim_case_id: status.victim_case_id,
              actor_user_id: null,
              reason: `${name} expires on ${status.expires_on}: renew it or record the next status`,
            })),
          )
          .execute();
      await trx.updateTable('residence_status').set({ expiry_warned_on: today }).where('id', '=', status.id).execute();
    });
    warned++;
  }
  return warned;
}
