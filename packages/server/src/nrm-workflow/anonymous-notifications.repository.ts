import type { Kysely, Selectable } from 'kysely';
import { ctdcAgeBand, toCtdcAgeBand } from '@opennrm/domain';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Database } from '../db/schema.ts';
import type { AnonymousNotificationTable } from './nrm-workflow-tables.ts';
import type { RecordContext } from '../shared/record-context.ts';
import { newId } from '../shared/ids.ts';
import type {
  AnonymousNotificationInput,
  AnonymousNotificationQuery,
  AnonymousNotificationView,
} from './anonymous-notifications.schemas.ts';

/**
 * Anonymous notifications (issue 4, point 3): an adult who declines referral
 * and data sharing is still counted, by sex, age band, citizenships, forms of
 * exploitation and place only, in a table with no link to a person or case.
 * Modelled on the UK "Duty to Notify" anonymous notification (Modern Slavery
 * Act 2015 s. 52; Home Office, NRM and DtN statistics), reported beside the
 * identified victims, never added to them (docs/statistics.md).
 */

/**
 * Copies the countable facts of a declined case into a new anonymous
 * notification, in the caller's transaction.
 * @returns the notification's id (kept on the closing step, so a reopening withdraws it).
 */
export async function leaveAnonymousNotification(
  tx: Kysely<Database>,
  victimCaseId: string,
  organisationId: string | null,
  notifiedOn: string,
): Promise<string> {
  const facts = await tx
    .selectFrom('victim_case as vc')
    .innerJoin('person as p', 'p.id', 'vc.person_id')
    .select([
      'p.sex',
      'p.citizenships',
      'vc.age_band',
      'vc.age_at_identification',
      'vc.forms',
      'vc.region',
      'vc.regions_of_exploitation',
      'vc.countries_of_exploitation',
      'vc.synthetic',
    ])
    .where('vc.id', '=', victimCaseId)
    .executeTakeFirstOrThrow();
  const id = newId();
  await tx
    .insertInto('anonymous_notification')
    .values({
      id,
      notified_on: notifiedOn,
      notifying_organisation_id: organisationId,
      sex: facts.sex,
      // An anonymous record keeps the band only (GDPR art. 89(1)), and always one of the CTDC bands so counts add up.
      age_band: toCtdcAgeBand(facts.age_band) ?? ctdcAgeBand(facts.age_at_identification),
      citizenships: facts.citizenships,
      forms: facts.forms,
      region: facts.region ?? facts.regions_of_exploitation[0] ?? null,
      countries_of_exploitation: facts.countries_of_exploitation,
      synthetic: facts.synthetic,
    })
    .execute();
  return id;
}

/** Withdraws a notification whose person came back into the mechanism (their case now counts), in the caller's transaction. */
export async function withdrawAnonymousNotification(tx: Kysely<Database>, id: string, on: string): Promise<void> {
  await tx.updateTable('anonymous_notification').set({ withdrawn_on: on }).where('id', '=', id).where('withdrawn_on', 'is', null).execute();
}

/**
 * The notifications API: a first responder who met an adult who refused
 * everything records the anonymous notification directly (no person, no
 * case); the coordinator and analysts list them. Policy: subject
 * AnonymousNotification (docs/access-policy.md). Not personal data (no
 * identifier, no link), so reads are not audited per record; creations are.
 */
export class AnonymousNotificationsRepository {
  readonly #ctx: RecordContext;
  constructor(ctx: RecordContext) {
    this.#ctx = ctx;
  }

  /**
   * Records an anonymous notification by the user's organisation.
   * @throws ApiError OPENNRM_FORBIDDEN for a role that may not notify; OPENNRM_VALIDATION (schemas) naming the field.
   */
  async create(input: AnonymousNotificationInput): Promise<AnonymousNotificationView> {
    const { db, access } = this.#ctx;
    access.assertCan('create', 'AnonymousNotification');
    const id = newId();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('anonymous_notification')
        .values({
          id,
          notified_on: input.notified_on,
          notifying_organisation_id: access.actor.organisation_id,
          sex: input.sex,
          age_band: input.age_band ?? null,
          citizenships: input.citizenships,
          forms: input.forms,
          region: input.region ?? null,
          countries_of_exploitation: input.countries_of_exploitation,
        })
        .execute();
      await appendAuditEvent(trx, access.audit({ action: 'create', record_type: 'anonymous_notification', record_id: id }));
    });
    const row = await this.#select().where('n.id', '=', id).executeTakeFirstOrThrow();
    return toView(row);
  }

  /** A page of notifications, newest first; `year` filters by notified_on. */
  async list(query: AnonymousNotificationQuery): Promise<{ items: AnonymousNotificationView[]; total: number }> {
    this.#ctx.access.assertCan('read', 'AnonymousNotification');
    let base = this.#ctx.db.selectFrom('anonymous_notification as n');
    if (query.year != null)
      base = base.where('n.notified_on', '>=', `${query.year}-01-01`).where('n.notified_on', '<', `${query.year + 1}-01-01`);
    const [rows, count] = await Promise.all([
      this.#select()
        .where('n.id', 'in', base.select('n.id'))
        .orderBy('n.notified_on', 'desc')
        .orderBy('n.id')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toView), total: Number(count.n) };
  }

  #select() {
    return this.#ctx.db
      .selectFrom('anonymous_notification as n')
      .leftJoin('organisation as o', 'o.id', 'n.notifying_organisation_id')
      .selectAll('n')
      .select('o.code as notifying_organisation_code');
  }
}

function toView(r: Selectable<AnonymousNotificationTable> & { notifying_organisation_code: string | null }): AnonymousNotificationView {
  return {
    id: r.id,
    notified_on: r.notified_on,
    notifying_organisation_code: r.notifying_organisation_code,
    sex: r.sex as AnonymousNotificationView['sex'],
    age_band: r.age_band,
    citizenships: r.citizenships,
    forms: r.forms as AnonymousNotificationView['forms'],
    region: r.region,
    countries_of_exploitation: r.countries_of_exploitation,
    withdrawn_on: r.withdrawn_on,
    synthetic: r.synthetic,
  };
}
