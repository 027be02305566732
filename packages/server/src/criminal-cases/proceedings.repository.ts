import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import {
  caseDeadlines,
  PROCEDURAL_EVENTS,
  ProceedingsFactsError,
  stageMoveProblem,
  suspectEventProblem,
  type ClosureReason,
  type CriminalCaseStage,
  type ProceduralEventKind,
  problem,
} from '@opennrm/domain';
import type { Database, ProceduralEventTable } from '../db/schema.ts';
import type { AccessControl } from '../access/access-control.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { ApiError, invalidField } from '../http/errors.ts';
import { isoInstant } from '../http/common.schemas.ts';
import { newId } from '../shared/ids.ts';
import { assertNotAfterToday } from '../shared/not-after-today.ts';
import { dateProblemError, eventDayProblem } from '../shared/date-bounds.ts';
import { localDay } from '../service-directory/local-day.ts';
import type { RecordContext } from '../shared/record-context.ts';
import { mayActOnCriminalCase } from './case-access.ts';
import { notComputableDeadline, type ListedDeadline } from './not-computable.ts';
import { loadProceedingsFacts } from './proceedings-facts.ts';
import { fieldRefusal } from './refusals.ts';
import type {
  AddCooperation,
  AddOffence,
  CooperationView,
  OffenceView,
  ProceduralEventView,
  RecordEvent,
  StageChange,
  UpdateCooperation,
  VictimLinkView,
} from './proceedings.schemas.ts';
import { linkableVictimCases } from './victim-links.ts';

/** Stages before indictment: an event recorded then belongs to the investigation phase (CPP art. 285). */
const INVESTIGATION_STAGES: readonly string[] = ['investigation_in_rem', 'investigation_in_personam'];
/** Stages at which a first-instance judgment exists, so an appeal can have been filed (CPP art. 408). */
const APPEALABLE_STAGES: readonly string[] = ['first_instance', 'appeal', 'final_judgment'];

/** The first-instance verdict events and the value each writes to suspect.verdict. */
const FIRST_INSTANCE_VERDICTS: Partial<Record<ProceduralEventKind, 'convicted' | 'acquitted'>> = {
  convicted_first_instance: 'convicted',
  acquitted_first_instance: 'acquitted',
};

export interface CaseStageView {
  id: string;
  stage: CriminalCaseStage;
  closed_on: string | null;
  closure_reason: ClosureReason | null;
}

function toEvent(row: Selectable<ProceduralEventTable>): ProceduralEventView {
  return {
    ...row,
    kind: row.kind as ProceduralEventKind,
    phase: row.phase as ProceduralEventView['phase'],
    amount: row.amount == null ? null : Number(row.amount).toFixed(2),
    created_at: isoInstant(row.created_at),
  };
}

/**
 * The proceedings of a criminal case (issue 6 point 1; docs/proceedings.md):
 * its stage and closure, dated offences, procedural events, international
 * cooperation and the role of each linked victim. The same access rule as the
 * case itself (criminal-cases/case-access.ts): the investigating
 * organisation's prosecutors record, the coordinator reads; every change is
 * audited in its transaction.
 *
 * Source of truth for a suspect's outcome: the procedural events. Recording
 * `indicted`, a first-instance verdict or `sentenced` writes the suspect's
 * summary columns (prosecuted_on, verdict, verdict_on, sentence_months,
 * sentence_suspended) in the same transaction, which the statistics read; a
 * suspect recorded without events (an import, the older PATCH) keeps the
 * columns as written.
 */
export class ProceedingsRepository {
  readonly #ctx: RecordContext;
  readonly #db: Kysely<Database>;
  readonly #access: AccessControl;
  constructor(ctx: RecordContext) {
    this.#ctx = ctx;
    this.#db = ctx.db;
    this.#access = ctx.access;
  }

  /** The case's procedural events, oldest first; undefined when the case is not one the user may read. */
  async listEvents(caseId: string): Promise<ProceduralEventView[] | undefined> {
    if (!(await this.#readable(caseId))) return undefined;
    const rows = await this.#db
      .selectFrom('procedural_event')
      .selectAll()
      .where('criminal_case_id', '=', caseId)
      .orderBy('occurred_on')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toEvent);
  }

  /**
   * Records a procedural event (PROCEDURAL_EVENTS) on the case or one of its suspects.
   * @returns the event, or undefined when the case is not one the user may edit.
   * @throws ApiError OPENNRM_VALIDATION naming body.suspect_id (missing, refused or not of this case), body.ends_on
   *   (on an event without an end, missing for a warrant, before occurred_on), body.sentence_months, body.amount,
   *   body.occurred_on (after today, before the case opened), body.kind (case_closed: use the stage route).
   * @throws ApiError OPENNRM_INVALID_TRANSITION (409) on a closed case or a suspect event out of order
   *   (a verdict before indictment, a final verdict before the first-instance one, a sentence before conviction).
   */
  async recordEvent(caseId: string, input: RecordEvent): Promise<ProceduralEventView | undefined> {
    if (!(await mayActOnCriminalCase(this.#db, this.#access, caseId, 'update'))) return undefined;
    const kind = PROCEDURAL_EVENTS[input.kind];
    if (input.kind === 'case_closed') throw invalidField('body.kind', problem('close_with_stage_route'));
    assertNotAfterToday(input.occurred_on, 'body.occurred_on', this.#ctx.profile);
    const { opened_on } = await this.#db.selectFrom('criminal_case').select('opened_on').where('id', '=', caseId).executeTakeFirstOrThrow();
    const beforeOpened = eventDayProblem(input.occurred_on, opened_on);
    if (beforeOpened) throw dateProblemError(beforeOpened);
    const ofKind = { kind: input.kind };
    if (kind.on === 'suspect' && !input.suspect_id) throw invalidField('body.suspect_id', problem('event_concerns_one_suspect', ofKind));
    if (kind.on === 'case' && input.suspect_id) throw invalidField('body.suspect_id', problem('event_concerns_whole_case', ofKind));
    if (input.ends_on !== undefined && !kind.has_end) throw invalidField('body.ends_on', problem('event_has_no_end', ofKind));
    if (input.kind === 'pretrial_detention_warrant' && !input.ends_on)
      throw invalidField('body.ends_on', problem('warrant_needs_last_day'));
    if (input.ends_on && input.ends_on < input.occurred_on)
      throw invalidField('body.ends_on', problem('date_before_other_field', { other: 'occurred_on' }));
    const sentenced = input.kind === 'sentenced';
    if (sentenced && input.sentence_months === undefined) throw invalidField('body.sentence_months', problem('sentence_needs_months'));
    if (!sentenced && (input.sentence_months !== undefined || input.sentence_suspended !== undefined))
      throw invalidField(
        input.sentence_months !== undefined ? 'body.sentence_months' : 'body.sentence_suspended',
        problem('sentence_only_on_sentenced_event'),
      );
    const money = input.kind === 'confiscation_ordered' || input.kind === 'assets_seized';
    if (!money && (input.amount !== undefined || input.currency !== undefined))
      throw invalidField(input.amount !== undefined ? 'body.amount' : 'body.currency', problem('amount_only_on_confiscation'));
    if ((input.amount === undefined) !== (input.currency === undefined))
      throw invalidField(input.amount === undefined ? 'body.amount' : 'body.currency', problem('amount_and_currency_together'));

    const theCase = await this.#db.selectFrom('criminal_case').select('stage').where('id', '=', caseId).executeTakeFirstOrThrow();
    if (theCase.stage === 'closed') throw new ApiError('OPENNRM_INVALID_TRANSITION', problem('case_closed_no_events'));
    // An appeal (apel) lies against a first-instance judgment (Romanian Code of Criminal Procedure art. 408(1)), given only
    // after an indictment brought a defendant to trial (art. 327, 349): a case still investigated, in rem (no suspect) or in
    // personam, or indicted and not yet judged, has nothing to appeal. A case at final judgment may record the appeal that
    // led there, entered late.
    if (input.kind === 'appeal_filed' && !APPEALABLE_STAGES.includes(theCase.stage)) {
      const early = problem('appeal_needs_judgment', { stage: theCase.stage });
      throw new ApiError('OPENNRM_INVALID_TRANSITION', early, [fieldRefusal('body.kind', early)]);
    }
    if (input.suspect_id) await this.#checkSuspectEvent(caseId, input.suspect_id, input.kind);

    const id = newId();
    await this.#db.transaction().execute(async (tx) => {
      await tx
        .insertInto('procedural_event')
        .values({
          id,
          criminal_case_id: caseId,
          suspect_id: input.suspect_id ?? null,
          kind: input.kind,
          occurred_on: input.occurred_on,
          ends_on: input.ends_on ?? null,
          phase: input.phase ?? (INVESTIGATION_STAGES.includes(theCase.stage) ? 'investigation' : 'trial'),
          sentence_months: sentenced ? input.sentence_months! : null,
          sentence_suspended: sentenced ? (input.sentence_suspended ?? false) : null,
          amount: input.amount ?? null,
          currency: input.currency ?? null,
          note: input.note ?? null,
          recorded_by: this.#ctx.actor.user_id,
        })
        .execute();
      if (input.suspect_id) await syncSuspect(tx, input.suspect_id, input);
      await this.#assertComputable(tx, caseId, id, { on: 'body.occurred_on', ends_on: 'body.ends_on', kind: 'body.kind' });
      await appendAuditEvent(
        tx,
        this.#access.audit({ action: 'create', record_type: 'procedural_event', record_id: id, fields: Object.keys(input) }),
      );
    });
    const row = await this.#db.selectFrom('procedural_event').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return toEvent(row);
  }

  /**
   * Moves the case to another stage (STAGE_MOVES in the domain); a closure
   * records its date, reason and a `case_closed` event; a reopening clears them.
   * @returns the case's stage, or undefined when the case is not one the user may edit.
   * @throws ApiError OPENNRM_INVALID_TRANSITION (409, body.stage) for a move the law does not allow, e.g. final_judgment before indictment.
   * @throws ApiError OPENNRM_VALIDATION naming body.closure_reason (missing on a closure, given on another move) or body.on (after today, before the case opened).
   */
  async changeStage(caseId: string, input: StageChange): Promise<CaseStageView | undefined> {
    if (!(await mayActOnCriminalCase(this.#db, this.#access, caseId, 'update'))) return undefined;
    const current = await this.#db
      .selectFrom('criminal_case')
      .select(['stage', 'opened_on'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const refused = stageMoveProblem({ from: current.stage as CriminalCaseStage, to: input.stage, closure_reason: input.closure_reason });
    if (refused) {
      const { field, ...refusal } = refused;
      // An illegal move is a 409 naming body.stage, with the rule at the top and on the field.
      if (field === 'stage') throw new ApiError('OPENNRM_INVALID_TRANSITION', refusal, [fieldRefusal('body.stage', refusal)]);
      throw invalidField(`body.${field}`, refusal);
    }
    assertNotAfterToday(input.on, 'body.on', this.#ctx.profile);
    if (input.on < current.opened_on) throw invalidField('body.on', problem('date_before_case_opened', { date: current.opened_on }));
    const closing = input.stage === 'closed';
    await this.#db.transaction().execute(async (tx) => {
      await tx
        .updateTable('criminal_case')
        .set({
          stage: input.stage,
          closed_on: closing ? input.on : null,
          closure_reason: closing ? input.closure_reason! : null,
          updated_at: new Date(),
        })
        .where('id', '=', caseId)
        .execute();
      if (closing) {
        await tx
          .insertInto('procedural_event')
          .values({
            id: newId(),
            criminal_case_id: caseId,
            kind: 'case_closed',
            occurred_on: input.on,
            phase: INVESTIGATION_STAGES.includes(current.stage) ? 'investigation' : 'trial',
            note: input.closure_reason!,
            recorded_by: this.#ctx.actor.user_id,
          })
          .execute();
      }
      await appendAuditEvent(
        tx,
        this.#access.audit({ action: 'update', record_type: 'criminal_case', record_id: caseId, fields: Object.keys(input) }),
      );
    });
    return {
      id: caseId,
      stage: input.stage,
      closed_on: closing ? input.on : null,
      closure_reason: closing ? input.closure_reason! : null,
    };
  }

  /** The case's dated offences, oldest first; undefined when the case is not one the user may read. */
  async listOffences(caseId: string): Promise<OffenceView[] | undefined> {
    if (!(await this.#readable(caseId))) return undefined;
    return this.#db
      .selectFrom('criminal_case_offence')
      .selectAll()
      .where('criminal_case_id', '=', caseId)
      .orderBy('committed_on')
      .orderBy('id')
      .execute();
  }

  /**
   * Adds a dated offence; its article joins criminal_case.offence_articles (the list the statistics read).
   * @throws ApiError OPENNRM_VALIDATION naming body.article (not a profile offence), body.committed_until (before committed_on),
   *   body.committed_on (after today) or body.suspect_id (not a suspect of this case).
   */
  async addOffence(caseId: string, input: AddOffence): Promise<OffenceView | undefined> {
    if (!(await mayActOnCriminalCase(this.#db, this.#access, caseId, 'update'))) return undefined;
    if (!this.#ctx.profile.offences.some((o) => o.article === input.article))
      throw invalidField('body.article', problem('offence_not_in_profile', { article: input.article, profile: this.#ctx.profile.name }));
    assertNotAfterToday(input.committed_on, 'body.committed_on', this.#ctx.profile);
    if (input.committed_until && input.committed_until < input.committed_on)
      throw invalidField('body.committed_until', problem('date_before_other_field', { other: 'committed_on' }));
    if (input.suspect_id) await this.#assertSuspectOfCase(caseId, input.suspect_id);
    const offence: OffenceView = {
      id: newId(),
      criminal_case_id: caseId,
      article: input.article,
      committed_on: input.committed_on,
      committed_until: input.committed_until ?? null,
      suspect_id: input.suspect_id ?? null,
    };
    await this.#db.transaction().execute(async (tx) => {
      await tx.insertInto('criminal_case_offence').values(offence).execute();
      await this.#assertComputable(tx, caseId, offence.id, {
        article: 'body.article',
        committed_on: 'body.committed_on',
        committed_until: 'body.committed_until',
      });
      const { offence_articles } = await tx
        .selectFrom('criminal_case')
        .select('offence_articles')
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      if (!offence_articles.includes(input.article)) {
        await tx
          .updateTable('criminal_case')
          .set({ offence_articles: [...offence_articles, input.article], updated_at: new Date() })
          .where('id', '=', caseId)
          .execute();
      }
      await appendAuditEvent(
        tx,
        this.#access.audit({ action: 'create', record_type: 'criminal_case_offence', record_id: offence.id, fields: Object.keys(input) }),
      );
    });
    return offence;
  }

  /** The case's international cooperation, oldest first; undefined when the case is not one the user may read. */
  async listCooperation(caseId: string): Promise<CooperationView[] | undefined> {
    if (!(await this.#readable(caseId))) return undefined;
    const rows = await this.#db
      .selectFrom('criminal_case_cooperation')
      .selectAll()
      .where('criminal_case_id', '=', caseId)
      .orderBy('opened_on')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ ...r, kind: r.kind as CooperationView['kind'] }));
  }

  /**
   * Records a joint investigation team or an international request.
   * @throws ApiError OPENNRM_VALIDATION naming body.opened_on (after today) or body.concluded_on (before opened_on, after today).
   */
  async addCooperation(caseId: string, input: AddCooperation): Promise<CooperationView | undefined> {
    if (!(await mayActOnCriminalCase(this.#db, this.#access, caseId, 'update'))) return undefined;
    assertNotAfterToday(input.opened_on, 'body.opened_on', this.#ctx.profile);
    this.#checkConcluded(input.opened_on, input.concluded_on ?? null);
    const row: CooperationView = {
      id: newId(),
      criminal_case_id: caseId,
      kind: input.kind,
      countries: input.countries,
      opened_on: input.opened_on,
      concluded_on: input.concluded_on ?? null,
    };
    await this.#db.transaction().execute(async (tx) => {
      await tx.insertInto('criminal_case_cooperation').values(row).execute();
      await appendAuditEvent(
        tx,
        this.#access.audit({ action: 'create', record_type: 'criminal_case_cooperation', record_id: row.id, fields: Object.keys(input) }),
      );
    });
    return row;
  }

  /**
   * Changes a cooperation's countries or conclusion date.
   * @returns undefined when the case is not one the user may edit or holds no such cooperation.
   * @throws ApiError OPENNRM_VALIDATION naming body.concluded_on.
   */
  async updateCooperation(caseId: string, cooperationId: string, patch: UpdateCooperation): Promise<CooperationView | undefined> {
    if (!(await mayActOnCriminalCase(this.#db, this.#access, caseId, 'update'))) return undefined;
    const current = await this.#db
      .selectFrom('criminal_case_cooperation')
      .selectAll()
      .where('id', '=', cooperationId)
      .where('criminal_case_id', '=', caseId)
      .executeTakeFirst();
    if (!current) return undefined;
    if (patch.concluded_on !== undefined) this.#checkConcluded(current.opened_on, patch.concluded_on);
    await this.#db.transaction().execute(async (tx) => {
      await tx.updateTable('criminal_case_cooperation').set(patch).where('id', '=', cooperationId).execute();
      await appendAuditEvent(
        tx,
        this.#access.audit({
          action: 'update',
          record_type: 'criminal_case_cooperation',
          record_id: cooperationId,
          fields: Object.keys(patch),
        }),
      );
    });
    return { ...current, ...patch, kind: current.kind as CooperationView['kind'] };
  }

  /**
   * Links a victim case to the criminal case with the victim's role, or changes the role of a linked one.
   * Linking is never a condition of assistance (Directive 2011/36/EU art. 11(3)).
   * A new link needs a victim case the user may already read (victim-links.ts: the link would open it to the office).
   * @returns undefined (404) when the criminal case is not one the user may edit, or the victim case does not exist or is
   *   neither linked to it nor one the user may read: the same answer for both (docs/errors.md: no existence oracle).
   */
  async setVictimRole(caseId: string, victimCaseId: string, role: VictimLinkView['role']): Promise<VictimLinkView | undefined> {
    if (!(await mayActOnCriminalCase(this.#db, this.#access, caseId, 'update'))) return undefined;
    if (!(await linkableVictimCases(this.#db, this.#access, caseId, [victimCaseId])).has(victimCaseId)) return undefined;
    const victim = await this.#db.selectFrom('victim_case').select('person_id').where('id', '=', victimCaseId).executeTakeFirstOrThrow();
    await this.#db.transaction().execute(async (tx) => {
      const result = await tx
        .insertInto('criminal_case_victim')
        .values({ criminal_case_id: caseId, victim_case_id: victimCaseId, role })
        .onConflict((oc) => oc.columns(['criminal_case_id', 'victim_case_id']).doUpdateSet({ role }))
        .returning(sql`(xmax = 0)`.as('inserted'))
        .executeTakeFirstOrThrow();
      // A new link lets the investigating organisation read the victim case: a permission change (docs/audit.md).
      await appendAuditEvent(
        tx,
        this.#access.audit({
          action: result.inserted ? 'permission_change' : 'update',
          record_type: 'criminal_case_victim',
          record_id: `${caseId}/${victimCaseId}`,
          person_id: victim.person_id,
          fields: ['role'],
        }),
      );
    });
    return { criminal_case_id: caseId, victim_case_id: victimCaseId, role };
  }

  /**
   * The case's deadlines at `asOf` (the domain's caseDeadlines over the stored facts, proceedings-facts.ts), soonest first;
   * when the engine refuses the stored facts, one `not_computed` entry saying why, with its rule (not-computable.ts, as the at-risk list shows it).
   * @returns undefined when the case is not one the user may read.
   */
  async deadlines(caseId: string, asOf: string): Promise<ListedDeadline[] | undefined> {
    if (!(await this.#readable(caseId))) return undefined;
    const facts = (await loadProceedingsFacts(this.#db, [caseId], asOf)).get(caseId)!;
    try {
      return caseDeadlines(this.#ctx.profile, facts);
    } catch (error) {
      return [notComputableDeadline(error)];
    }
  }

  /**
   * Runs the deadline engine over the case with the record just written, so that
   * what the profile's rules refuse (a warrant longer than the profile's maximum,
   * CPP art. 226) is refused here, naming the body field, and the transaction rolls back.
   */
  async #assertComputable(tx: Transaction<Database>, caseId: string, recordId: string, fields: Record<string, string>): Promise<void> {
    const facts = (await loadProceedingsFacts(tx, [caseId], localDay(new Date(), this.#ctx.profile.annual_report.time_zone))).get(caseId)!;
    try {
      caseDeadlines(this.#ctx.profile, facts);
    } catch (error) {
      if (!(error instanceof ProceedingsFactsError) || error.record !== recordId) throw error;
      throw invalidField(fields[error.field] ?? 'body', error.problem);
    }
  }

  async #readable(caseId: string): Promise<boolean> {
    if (!(await mayActOnCriminalCase(this.#db, this.#access, caseId, 'read'))) return false;
    await this.#db
      .transaction()
      .execute((trx) => appendAuditEvent(trx, this.#access.audit({ action: 'read', record_type: 'criminal_case', record_id: caseId })));
    return true;
  }

  #checkConcluded(openedOn: string, concludedOn: string | null): void {
    if (concludedOn == null) return;
    if (concludedOn < openedOn) throw invalidField('body.concluded_on', problem('date_before_other_field', { other: 'opened_on' }));
    assertNotAfterToday(concludedOn, 'body.concluded_on', this.#ctx.profile);
  }

  async #assertSuspectOfCase(caseId: string, suspectId: string) {
    const suspect = await this.#db
      .selectFrom('suspect')
      .select(['id', 'prosecuted_on', 'verdict'])
      .where('id', '=', suspectId)
      .where('criminal_case_id', '=', caseId)
      .executeTakeFirst();
    if (!suspect) throw invalidField('body.suspect_id', problem('no_such_suspect_in_case'));
    return suspect;
  }

  /** @throws ApiError OPENNRM_INVALID_TRANSITION when the suspect's record does not allow the event yet (suspectEventProblem). */
  async #checkSuspectEvent(caseId: string, suspectId: string, kind: ProceduralEventKind): Promise<void> {
    const suspect = await this.#assertSuspectOfCase(caseId, suspectId);
    const final = await this.#db
      .selectFrom('procedural_event')
      .select('kind')
      .where('suspect_id', '=', suspectId)
      .where('kind', 'in', ['convicted_final', 'acquitted_final'])
      .orderBy('occurred_on', 'desc')
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    const outOfOrder = suspectEventProblem(kind, {
      indicted: suspect.prosecuted_on != null,
      first_instance_verdict: suspect.verdict as 'convicted' | 'acquitted' | null,
      final_verdict: final ? (final.kind === 'convicted_final' ? 'convicted' : 'acquitted') : null,
    });
    if (outOfOrder) throw new ApiError('OPENNRM_INVALID_TRANSITION', outOfOrder, [fieldRefusal('body.kind', outOfOrder)]);
  }
}

/** Writes the suspect's summary columns from the event just recorded (see the class comment). */
async function syncSuspect(tx: Transaction<Database>, suspectId: string, input: RecordEvent): Promise<void> {
  if (input.kind === 'indicted') {
    await tx
      .updateTable('suspect')
      .set((eb) => ({ prosecuted_on: eb.fn.coalesce('prosecuted_on', eb.val(input.occurred_on)) }))
      .where('id', '=', suspectId)
      .execute();
    return;
  }
  const verdict = FIRST_INSTANCE_VERDICTS[input.kind];
  if (verdict) {
    await tx
      .updateTable('suspect')
      .set({
        verdict,
        verdict_on: input.occurred_on,
        ...(verdict === 'acquitted' ? { sentence_months: null, sentence_suspended: null } : {}),
      })
      .where('id', '=', suspectId)
      .execute();
    return;
  }
  if (input.kind === 'sentenced') {
    await tx
      .updateTable('suspect')
      .set({ sentence_months: input.sentence_months!, sentence_suspended: input.sentence_suspended ?? false })
      .where('id', '=', suspectId)
      .execute();
  }
}
