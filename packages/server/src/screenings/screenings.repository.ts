import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  evaluateScreeningRecord,
  localToday,
  ScreeningError,
  shippedInstrument,
  subjectAgeGroup,
  type ScreeningOutcome,
  type ScreeningResult,
  problem,
  problemText,
  type CataloguedProblem,
} from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import type { AccessControl } from '../access/access-control.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { ApiError, invalidField } from '../http/errors.ts';
import { isoInstant } from '../http/common.schemas.ts';
import { open, seal } from '../security/crypto/envelope.ts';
import { screeningNotesContext } from '../security/crypto/sealed-columns.ts';
import type { RecordContext } from '../shared/record-context.ts';
import { CASE_STATUS_OF_OUTCOME, openVictimCaseFromScreening } from './open-case.ts';
import { screeningFacts } from './screening-facts.ts';
import type { ScreeningQuery, ScreeningView, SyncScreening } from './screenings.schemas.ts';

/** What a sync did: 201 created, 200 replayed (same revision, same content) or updated (a later revision). */
export interface SyncResult {
  status: 200 | 201;
  outcome: 'created' | 'replayed' | 'updated';
  screening: ScreeningView;
}

/**
 * Screenings (issue 4 points 1 and 6): recorded offline in the browser,
 * synchronised by PUT with a client-generated id and an edit counter, and
 * evaluated again here, where the result is authoritative. Policy: the four
 * screening roles create and update their own; their organisation reads them
 * (docs/access-policy.md). Every read and change is audited in its transaction.
 * The sync rules are docs/offline-sync.md.
 */
/**
 * How far ahead of the server's clock a screening's `recorded_at` may be,
 * milliseconds (5 minutes): a phone's clock drifts a little, but a time
 * further ahead is a wrong clock, and it would sort the screening first in
 * every list and count it in a year that has not happened (docs/offline-sync.md).
 * An OpenNRM default, not a profile rule: it is about devices, not law.
 */
export const RECORDED_AT_SKEW_MS = 5 * 60 * 1000;

export class ScreeningsRepository {
  readonly #ctx: RecordContext;
  readonly #db: Kysely<Database>;
  readonly #access: AccessControl;
  constructor(ctx: RecordContext) {
    this.#ctx = ctx;
    this.#db = ctx.db;
    this.#access = ctx.access;
  }

  /**
   * Receives one revision of a screening (idempotent: PUT of the same revision twice stores it once).
   * @throws ApiError OPENNRM_VALIDATION naming the field (body.recorded_at: more than RECORDED_AT_SKEW_MS ahead of the server; body.county, body.context, body.exploitation,
   *   body.answers.<id>, body.subject.age_group); OPENNRM_SYNC_CONFLICT naming the conflict (params.id: another
   *   user's screening; body.revision: older than the server's, or the same number with different content;
   *   victim_case_id: a case was opened from it, the screening is closed).
   */
  async sync(id: string, body: SyncScreening): Promise<SyncResult> {
    const access = this.#access;
    access.assertCan('create', 'Screening');
    const profile = this.#ctx.profile;
    if (Date.parse(body.recorded_at) > Date.now() + RECORDED_AT_SKEW_MS)
      throw invalidField('body.recorded_at', problem('recorded_after_server_clock', { minutes: RECORDED_AT_SKEW_MS / 60_000 }));
    if (!profile.regions.some((r) => r.code === body.county))
      throw invalidField('body.county', problem('not_a_region_of_profile', { profile: profile.code }));
    if (!profile.screening_contexts.some((c) => c.code === body.context)) {
      throw invalidField(
        'body.context',
        problem('not_a_screening_context', { profile: profile.code, values: profile.screening_contexts.map((c) => c.code).join(', ') }),
      );
    }
    const evaluation = this.#evaluate(body);
    const hash = contentHash(body);
    const row = {
      revision: body.revision,
      content_sha256: hash,
      recorded_at: body.recorded_at,
      county: body.county,
      context: body.context,
      subject_age_years: body.subject.age_years ?? null,
      subject_age_group: subjectAgeGroup(body.subject, profile.child_age_years),
      subject_sex: body.subject.sex,
      subject_citizenships: body.subject.citizenships,
      exploitation: body.exploitation,
      answers: JSON.stringify(body.answers),
      // Sealed as JSON: the envelope pads its plaintext (envelope.ts), JSON.parse ignores the padding.
      notes: body.notes
        ? seal(this.#ctx.keyring, screeningNotesContext(id), Buffer.from(JSON.stringify(body.notes), 'utf8')).envelope
        : null,
      instrument: evaluation.instrument,
      indicator_set: evaluation.set,
      outcome: evaluation.outcome,
      evaluation: JSON.stringify(evaluation),
    };
    const revisionRow = {
      screening_id: id,
      revision: body.revision,
      content_sha256: hash,
      recorded_at: body.recorded_at,
      answers: row.answers,
      outcome: evaluation.outcome,
    };
    const outcome = await this.#db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('screening')
        .values({ id, ...row, recorded_by_user_id: access.actor.user_id, organisation_id: access.actor.organisation_id })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) {
        await trx.insertInto('screening_revision').values(revisionRow).execute();
        await appendAuditEvent(trx, access.audit({ action: 'create', record_type: 'screening', record_id: id, fields: fieldNames(body) }));
        return 'created' as const;
      }
      // Row lock: two revisions arriving at once are decided one after the other.
      const held = await trx
        .selectFrom('screening')
        .select(['revision', 'content_sha256', 'victim_case_id', 'received_at'])
        .select((eb) => access.filter(eb, 'update', 'Screening', screeningFacts()).as('may_update'))
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      // Policy screening.record: only the author sends later revisions (last writer by revision, per author).
      if (!held.may_update) {
        throw syncConflict('params.id', problem('screening_id_of_another_user'));
      }
      if (body.revision === held.revision) {
        if (held.content_sha256 === hash) return 'replayed' as const;
        throw syncConflict('body.revision', problem('screening_revision_differs', { revision: held.revision, next: held.revision + 1 }));
      }
      if (body.revision < held.revision) {
        throw syncConflict(
          'body.revision',
          problem('screening_revision_older', {
            revision: held.revision,
            received_at: isoInstant(held.received_at),
            sent: body.revision,
          }),
        );
      }
      if (held.victim_case_id) {
        throw syncConflict(
          'victim_case_id',
          problem('screening_closed_by_case', { victim_case_id: held.victim_case_id, revision: held.revision }),
        );
      }
      await trx
        .updateTable('screening')
        .set({ ...row, received_at: new Date() })
        .where('id', '=', id)
        .execute();
      await trx.insertInto('screening_revision').values(revisionRow).execute();
      await appendAuditEvent(trx, access.audit({ action: 'update', record_type: 'screening', record_id: id, fields: fieldNames(body) }));
      return 'updated' as const;
    });
    // The author may always read back what they sent, even without an organisation.
    const screening = (await this.get(id, { author: true }))!;
    return { status: outcome === 'created' ? 201 : 200, outcome, screening };
  }

  /**
   * One screening the user may read (their organisation's; the author's own), audited as a read.
   * @returns undefined when there is none or the user may not see it (404: the same answer).
   */
  async get(id: string, options: { author?: boolean } = {}): Promise<ScreeningView | undefined> {
    const access = this.#access;
    return this.#db.transaction().execute(async (trx) => {
      const row = await selectScreening(trx)
        .where('screening.id', '=', id)
        .where((eb) =>
          options.author
            ? eb.or([
                eb('screening.recorded_by_user_id', '=', access.actor.user_id),
                access.filter(eb, 'read', 'Screening', screeningFacts()),
              ])
            : access.filter(eb, 'read', 'Screening', screeningFacts()),
        )
        .executeTakeFirst();
      if (!row) return undefined;
      await appendAuditEvent(trx, access.audit({ action: 'read', record_type: 'screening', record_id: id }));
      return this.#toView(row);
    });
  }

  /** A page of the screenings the user may read, newest first (recorded_at, then id). */
  async list(query: ScreeningQuery): Promise<{ items: ScreeningView[]; total: number }> {
    const access = this.#access;
    let base = this.#db.selectFrom('screening').where((eb) => access.filter(eb, 'read', 'Screening', screeningFacts()));
    if (query.outcome) base = base.where('screening.outcome', '=', query.outcome);
    if (query.context) base = base.where('screening.context', '=', query.context);
    if (query.county) base = base.where('screening.county', '=', query.county);
    if (query.recorded_by_user_id) base = base.where('screening.recorded_by_user_id', '=', query.recorded_by_user_id);
    const ids = base.select('screening.id');
    const [rows, count] = await Promise.all([
      selectScreening(this.#db)
        .where('screening.id', 'in', ids)
        .orderBy('screening.recorded_at', 'desc')
        .orderBy('screening.id', 'desc')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    await access.auditSearch(
      this.#db,
      'screening',
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => this.#toView(r)), total: Number(count.n) };
  }

  /**
   * Opens a victim case from a screening the user may read: potential for a potential victim, presumed for a
   * presumed victim (the server's outcome). Idempotent: once opened, the same case is returned.
   * @returns the screening with victim_case_id, and whether this call opened the case.
   * @throws ApiError OPENNRM_FORBIDDEN (role may not open cases), OPENNRM_INVALID_TRANSITION (outcome no_indicators).
   */
  async openCase(id: string): Promise<{ opened: boolean; screening: ScreeningView } | undefined> {
    const access = this.#access;
    access.assertCan('create', 'VictimCase');
    const opened = await this.#db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('screening')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => access.filter(eb, 'read', 'Screening', screeningFacts()))
        .forUpdate()
        .executeTakeFirst();
      if (!row) return undefined;
      if (row.victim_case_id) return false;
      const outcome = row.outcome as ScreeningOutcome;
      if (!CASE_STATUS_OF_OUTCOME[outcome]) {
        throw new ApiError('OPENNRM_INVALID_TRANSITION', problem('screening_found_no_indicators', { screening_id: id }));
      }
      const { victim_case_id } = await openVictimCaseFromScreening(trx, this.#ctx.profile, access, {
        id,
        outcome,
        screened_on: localToday(this.#ctx.profile.annual_report.time_zone, row.recorded_at),
        county: row.county,
        exploitation: row.exploitation,
        subject_age_years: row.subject_age_years,
        subject_age_group: row.subject_age_group,
        subject_sex: row.subject_sex,
        subject_citizenships: row.subject_citizenships,
      });
      await trx.updateTable('screening').set({ victim_case_id, case_opened_at: new Date() }).where('id', '=', id).execute();
      await appendAuditEvent(
        trx,
        access.audit({ action: 'update', record_type: 'screening', record_id: id, fields: ['victim_case_id', 'case_opened_at'] }),
      );
      return true;
    });
    if (opened === undefined) return undefined;
    return { opened, screening: (await this.get(id))! };
  }

  #evaluate(body: SyncScreening): ScreeningResult {
    const instrument = shippedInstrument(this.#ctx.profile.screening_instrument);
    try {
      return evaluateScreeningRecord(instrument, body, this.#ctx.profile.child_age_years);
    } catch (error) {
      if (error instanceof ScreeningError) throw invalidField(`body.${error.field}`, error.problem);
      throw error;
    }
  }

  #toView(row: ScreeningRow): ScreeningView {
    return {
      id: row.id,
      revision: row.revision,
      recorded_at: isoInstant(row.recorded_at),
      first_received_at: isoInstant(row.first_received_at),
      received_at: isoInstant(row.received_at),
      recorded_by_user_id: row.recorded_by_user_id,
      organisation_id: row.organisation_id,
      organisation_code: row.organisation_code,
      county: row.county,
      context: row.context,
      subject: {
        age_years: row.subject_age_years,
        age_group: row.subject_age_group as ScreeningView['subject']['age_group'],
        sex: row.subject_sex as ScreeningView['subject']['sex'],
        citizenships: row.subject_citizenships,
      },
      exploitation: row.exploitation as ScreeningView['exploitation'],
      answers: row.answers as ScreeningView['answers'],
      notes: row.notes ? (JSON.parse(open(this.#ctx.keyring, screeningNotesContext(row.id), row.notes).toString('utf8')) as string) : null,
      outcome: row.outcome as ScreeningOutcome,
      evaluation: (row.evaluation ?? null) as ScreeningView['evaluation'],
      victim_case_id: row.victim_case_id,
      case_opened_at: row.case_opened_at ? isoInstant(row.case_opened_at) : null,
    };
  }
}

function selectScreening(db: Kysely<Database>) {
  return db
    .selectFrom('screening')
    .leftJoin('organisation', 'organisation.id', 'screening.organisation_id')
    .select([
      'screening.id',
      'screening.revision',
      'screening.recorded_at',
      'screening.first_received_at',
      'screening.received_at',
      'screening.recorded_by_user_id',
      'screening.organisation_id',
      'organisation.code as organisation_code',
      'screening.county',
      'screening.context',
      'screening.subject_age_years',
      'screening.subject_age_group',
      'screening.subject_sex',
      'screening.subject_citizenships',
      'screening.exploitation',
      'screening.answers',
      'screening.notes',
      'screening.outcome',
      'screening.evaluation',
      'screening.victim_case_id',
      'screening.case_opened_at',
    ]);
}

type ScreeningRow = Awaited<ReturnType<ReturnType<typeof selectScreening>['executeTakeFirstOrThrow']>>;

function syncConflict(path: string, refusal: CataloguedProblem): ApiError {
  const reason = problemText(refusal);
  return new ApiError('OPENNRM_SYNC_CONFLICT', `${path}: ${reason}`, [{ path, reason, ...refusal }]);
}

/** Field names for the audit event (never values: a screening's answers are not for the audit trail). */
function fieldNames(body: SyncScreening): string[] {
  return Object.keys(body).flatMap((k) => (k === 'subject' ? Object.keys(body.subject).map((s) => `subject.${s}`) : [k]));
}

/**
 * SHA-256 of the submission in a canonical form (keys sorted at every level), so
 * that the same revision sent twice with its keys in another order is a replay.
 */
export function contentHash(body: SyncScreening): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
