import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { referralTimer, type JurisdictionProfile, type ReferralUrgency, type Service } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { isoInstant } from '../http/common.schemas.ts';
import { caseChildFacts } from '../access/facts.ts';
import type { RecordContext } from '../shared/record-context.ts';
import { newId } from '../shared/ids.ts';
import type { WaitingReferralQuery, WaitingReferralView } from './waiting-referrals.schemas.ts';

/** At most this many waiting referrals are timed per request; the inbox of one organisation holds far fewer. */
const MAX_WAITING = 2000;

/**
 * A referral waits while it is sent and unanswered, or accepted with no
 * service started (no started_on, no assistance recorded for it): the two
 * moments the 2024 TIP report's "referred but never assisted" victims are lost.
 */
function isWaiting(eb: ExpressionBuilder<Database, 'referral'>): Expression<SqlBool> {
  return eb.or([
    eb('referral.status', '=', 'sent'),
    eb.and([
      eb('referral.status', '=', 'accepted'),
      eb('referral.started_on', 'is', null),
      eb.not(eb.exists(eb.selectFrom('assistance as given').select(sql.lit(1).as('x')).whereRef('given.referral_id', '=', 'referral.id'))),
    ]),
  ]);
}

interface WaitingRow {
  id: string;
  status: string;
  services: string[];
  urgency: string;
  sent_at: Date;
  responded_at: Date | null;
}

function timerOf(profile: JurisdictionProfile, row: WaitingRow, now: Date) {
  const waiting_for = row.status === 'sent' ? ('answer' as const) : ('first_service' as const);
  const waiting_since = waiting_for === 'answer' ? row.sent_at : (row.responded_at ?? row.sent_at);
  const timer = referralTimer(
    profile.services.referral_timers,
    { services: row.services as Service[], urgency: row.urgency as ReferralUrgency, waiting_for, waiting_since: new Date(waiting_since) },
    now,
  );
  return { waiting_for, waiting_since: new Date(waiting_since), ...timer };
}

/**
 * The referrals waiting on (incoming) or sent by (outgoing) the user's
 * organisation, or every waiting referral the user may read (all: the
 * coordinator's national view), with how long each has waited and whether it
 * is overdue (profile services.referral_timers; referralTimer in @opennrm/domain).
 * Overdue first, then longest waiting. The web app's "referrals waiting for me"
 * inbox and "my work" read it. Each referral returned is audited as a search.
 *
 * @returns a page of waiting referrals and the number overdue among all that match.
 */
export async function listWaitingReferrals(
  ctx: RecordContext,
  query: WaitingReferralQuery,
  now: Date = new Date(),
): Promise<{ items: WaitingReferralView[]; total: number; overdue: number }> {
  const { db, access, profile } = ctx;
  const organisation = access.actor.organisation_id;
  if (query.direction !== 'all' && !organisation) return { items: [], total: 0, overdue: 0 };
  let base = db
    .selectFrom('referral')
    .innerJoin('organisation as from_org', 'from_org.id', 'referral.from_organisation_id')
    .innerJoin('organisation as to_org', 'to_org.id', 'referral.to_organisation_id')
    .where(isWaiting)
    .where((eb) => access.filter(eb, 'read', 'Referral', caseChildFacts(access, 'referral')));
  if (query.direction === 'incoming') base = base.where('referral.to_organisation_id', '=', organisation!);
  if (query.direction === 'outgoing') base = base.where('referral.from_organisation_id', '=', organisation!);
  const rows = await base
    .selectAll('referral')
    .select(['from_org.code as from_organisation_code', 'to_org.code as to_organisation_code'])
    .orderBy('referral.sent_at')
    .limit(MAX_WAITING)
    .execute();
  const timed = rows
    .map((row) => ({ row, timer: timerOf(profile, row, now) }))
    .filter(({ timer }) => query.overdue == null || timer.overdue === query.overdue)
    .sort((a, b) => Number(b.timer.overdue) - Number(a.timer.overdue) || a.timer.due_at.getTime() - b.timer.due_at.getTime());
  const page = timed.slice(query.offset, query.offset + query.limit);
  await access.auditSearch(
    db,
    'referral',
    page.map(({ row }) => row.id),
  );
  return {
    total: timed.length,
    overdue: timed.filter(({ timer }) => timer.overdue).length,
    items: page.map(({ row, timer }) => {
      const { overdue_alerted_at: _alerted, ...referral } = row;
      return {
        ...referral,
        services: row.services as WaitingReferralView['services'],
        status: row.status as WaitingReferralView['status'],
        urgency: row.urgency as WaitingReferralView['urgency'],
        decline_reason_code: row.decline_reason_code as WaitingReferralView['decline_reason_code'],
        sent_at: isoInstant(row.sent_at),
        responded_at: row.responded_at ? isoInstant(row.responded_at) : null,
        created_at: isoInstant(row.created_at),
        waiting_for: timer.waiting_for,
        waiting_since: isoInstant(timer.waiting_since),
        days_waiting: timer.days_waiting,
        threshold_days: timer.threshold_days,
        overdue: timer.overdue,
        due_at: isoInstant(timer.due_at),
      };
    }),
  };
}

/**
 * Alerts the case managers of the receiving organisation, and of the sending
 * one, once per referral, when a waiting referral becomes overdue (alert kind
 * "referral_overdue", read through GET /api/v1/alerts). Idempotent: a referral
 * already alerted (overdue_alerted_at) is skipped, so it can run as often as
 * wanted (`opennrm serve` runs it hourly; `opennrm referrals alert-overdue` once).
 * Not a user's action: no audit event; the alert names no person.
 *
 * @returns the number of referrals newly found overdue and of alerts written.
 */
export async function alertOverdueReferrals(
  db: Kysely<Database>,
  profile: JurisdictionProfile,
  now: Date = new Date(),
): Promise<{ referrals: number; alerts: number }> {
  const rows = await db
    .selectFrom('referral')
    .select([
      'referral.id',
      'referral.victim_case_id',
      'referral.status',
      'referral.services',
      'referral.urgency',
      'referral.sent_at',
      'referral.responded_at',
      'referral.from_organisation_id',
      'referral.to_organisation_id',
    ])
    .where(isWaiting)
    .where('referral.overdue_alerted_at', 'is', null)
    .execute();
  const overdue = rows.map((row) => ({ row, timer: timerOf(profile, row, now) })).filter(({ timer }) => timer.overdue);
  let alerts = 0;
  for (const { row, timer } of overdue) {
    await db.transaction().execute(async (trx) => {
      const managers = await trx
        .selectFrom('app_user')
        .select('id')
        .where('organisation_id', 'in', [row.to_organisation_id, row.from_organisation_id])
        .where('role', '=', 'case_manager')
        .where('disabled', '=', false)
        .execute();
      const reason =
        `Referral ${row.id} (${row.services.join(', ')}) has waited ${timer.days_waiting} days for ` +
        `${timer.waiting_for === 'answer' ? 'an answer' : 'its first service'}; the limit is ${timer.threshold_days} days.`;
      if (managers.length > 0)
        await trx
          .insertInto('alert')
          .values(
            managers.map((m) => ({
              id: newId(),
              recipient_user_id: m.id,
              kind: 'referral_overdue',
              victim_case_id: row.victim_case_id,
              reason,
            })),
          )
          .execute();
      await trx.updateTable('referral').set({ overdue_alerted_at: now }).where('id', '=', row.id).execute();
      alerts += managers.length;
    });
  }
  return { referrals: overdue.length, alerts };
}
