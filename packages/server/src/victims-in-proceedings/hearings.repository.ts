import { sql, type Kysely, type Selectable } from 'kysely';
import {
  counselBreach,
  counselMandatory,
  hearingBodyKind,
  hearingProblem,
  localToday,
  problem,
  rehearingWarning,
  type HearingBodyKind,
  type HearingStatus,
  type RehearingWarning,
} from '@opennrm/domain';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Database } from '../db/schema.ts';
import { invalidField, notFound } from '../http/errors.ts';
import { isoInstant } from '../http/common.schemas.ts';
import { resolveOrganisation } from '../organisations/organisations.repository.ts';
import { newId } from '../shared/ids.ts';
import { open, seal } from '../security/crypto/envelope.ts';
import { victimHearingNoteContext } from '../security/crypto/sealed-columns.ts';
import type { RecordContext } from '../shared/record-context.ts';
import { proceedingsCase, type ProceedingsCase } from './proceedings-access.ts';
import type { VictimHearingTable } from './proceedings-tables.ts';
import type { HearingInput, HearingList, HearingPatch, HearingRecorded, HearingView } from './proceedings.schemas.ts';

/** alert.kind sent to the case managers when a victim already heard is heard (or to be heard) again. */
export const VICTIM_HEARD_AGAIN_ALERT = 'victim_heard_again';

type HearingRow = Selectable<VictimHearingTable> & { body_organisation_code: string };

/**
 * Hearings and interviews of a victim (issue 6 point 4): recorded by whoever
 * may edit the case and by the prosecutors of its linked criminal cases, read
 * by whoever may read the case whole, each audited in the same transaction.
 * Planning or recording a hearing of a victim already heard answers with a
 * warning (how often, when last) and alerts the case managers: fewer interviews
 * are better (principle 1; Directive 2011/36/EU art. 12(4)(c)).
 */
export class HearingsRepository {
  readonly #ctx: RecordContext;
  constructor(ctx: RecordContext) {
    this.#ctx = ctx;
  }

  /**
   * Records a hearing (planned, held or cancelled) of the case's victim.
   * @returns the hearing, with `warning` { hearings_so_far, last_held_on } when the victim was already heard.
   * @throws ApiError 404 (no such case, or not the user's to record on), OPENNRM_CONFLICT_OF_INTEREST,
   *   OPENNRM_VALIDATION naming body.body_organisation (unknown, or not a police, prosecution or court body),
   *   body.criminal_case_id (not linked to the case), body.held_on (after today, or on a hearing not held),
   *   body.planned_on (missing on a planned hearing, or before today), body.counsel_present or body.settings.<i> (not a setting of the profile).
   */
  async record(caseId: string, input: HearingInput): Promise<HearingRecorded> {
    const { db, access } = this.#ctx;
    const found = await proceedingsCase(this.#ctx, caseId, 'create');
    const body = await this.#body(input.body_organisation);
    const criminalCaseOpenedOn = input.criminal_case_id ? await this.#checkCriminalCase(caseId, input.criminal_case_id) : null;
    const hearing = {
      status: input.status,
      planned_on: input.planned_on ?? null,
      held_on: input.held_on ?? null,
      counsel_present: input.counsel_present ?? null,
      settings: input.settings,
    };
    this.#check(hearing, true);
    this.#checkAfterOpened(hearing, criminalCaseOpenedOn);
    const id = newId();
    const warning = await db.transaction().execute(async (trx) => {
      const warning = hearing.status === 'cancelled' ? null : await this.#warning(trx, caseId, id);
      await trx
        .insertInto('victim_hearing')
        .values({
          id,
          victim_case_id: caseId,
          criminal_case_id: input.criminal_case_id ?? null,
          ...hearing,
          body_organisation_id: body.id,
          body_kind: body.kind,
          interpreter_language: input.interpreter_language ?? null,
          note: this.#seal(id, input.note ?? null),
          recorded_by: access.actor.user_id,
        })
        .execute();
      await appendAuditEvent(
        trx,
        access.audit({
          action: 'create',
          record_type: 'victim_hearing',
          record_id: id,
          person_id: found.person_id,
          fields: Object.keys(input),
        }),
      );
      if (warning) await alertCaseManagers(trx, found, hearing.status, warning, access.actor.user_id);
      return warning;
    });
    return { ...this.#view(await this.#row(id), found), warning };
  }

  /**
   * Changes a hearing: marks a planned hearing held (with held_on and counsel_present) or cancelled, or corrects it.
   * @returns the hearing, with `warning` when it is planned or held and the victim was heard at another hearing.
   * @throws ApiError 404 (no such hearing on this case, or not the user's), OPENNRM_CONFLICT_OF_INTEREST,
   *   OPENNRM_VALIDATION naming the field, as record().
   */
  async update(caseId: string, hearingId: string, patch: HearingPatch): Promise<HearingRecorded> {
    const { db, access } = this.#ctx;
    const found = await proceedingsCase(this.#ctx, caseId, 'update');
    const current = await db
      .selectFrom('victim_hearing')
      .selectAll()
      .where('id', '=', hearingId)
      .where('victim_case_id', '=', caseId)
      .executeTakeFirst();
    if (!current) throw notFound();
    const status = patch.status ?? (current.status as HearingStatus);
    const hearing = {
      status,
      planned_on: patch.planned_on !== undefined ? patch.planned_on : current.planned_on,
      held_on: patch.held_on !== undefined ? patch.held_on : status === 'held' ? current.held_on : null,
      counsel_present: patch.counsel_present !== undefined ? patch.counsel_present : current.counsel_present,
      settings: patch.settings ?? current.settings,
    };
    this.#check(hearing, patch.planned_on !== undefined);
    if (current.criminal_case_id) this.#checkAfterOpened(hearing, await this.#openedOn(current.criminal_case_id));
    const warning = await db.transaction().execute(async (trx) => {
      const warning = status === 'cancelled' ? null : await this.#warning(trx, caseId, hearingId);
      await trx
        .updateTable('victim_hearing')
        .set({
          ...hearing,
          ...(patch.interpreter_language !== undefined ? { interpreter_language: patch.interpreter_language } : {}),
          ...(patch.note !== undefined ? { note: this.#seal(hearingId, patch.note) } : {}),
          updated_at: sql<Date>`now()`,
        })
        .where('id', '=', hearingId)
        .execute();
      await appendAuditEvent(
        trx,
        access.audit({
          action: 'update',
          record_type: 'victim_hearing',
          record_id: hearingId,
          person_id: found.person_id,
          fields: Object.keys(patch),
        }),
      );
      if (warning && status !== current.status) await alertCaseManagers(trx, found, status, warning, access.actor.user_id);
      return warning;
    });
    return { ...this.#view(await this.#row(hearingId), found), warning };
  }

  /**
   * The case's hearings, oldest first, with how many were held, when last, and how many are planned; audited as a read.
   * @throws ApiError 404, OPENNRM_CONFLICT_OF_INTEREST.
   */
  async list(caseId: string): Promise<HearingList> {
    const { db, access } = this.#ctx;
    const found = await proceedingsCase(this.#ctx, caseId, 'read');
    return db.transaction().execute(async (trx) => {
      const rows = await hearingRows(trx)
        .where('h.victim_case_id', '=', caseId)
        .orderBy(sql`coalesce(h.held_on, h.planned_on)`)
        .orderBy('h.id')
        .execute();
      await appendAuditEvent(
        trx,
        access.audit({ action: 'read', record_type: 'victim_hearing', record_id: caseId, person_id: found.person_id }),
      );
      const held = rows.filter((r) => r.status === 'held').map((r) => r.held_on!);
      return {
        items: rows.map((r) => this.#view(r, found)),
        hearings_held: held.length,
        last_held_on: rehearingWarning(held)?.last_held_on ?? null,
        planned: rows.filter((r) => r.status === 'planned').length,
      };
    });
  }

  #check(
    hearing: {
      status: HearingStatus;
      planned_on: string | null;
      held_on: string | null;
      counsel_present: boolean | null;
      settings: string[];
    },
    plannedOnGiven: boolean,
  ): void {
    const { profile } = this.#ctx;
    const inconsistent = hearingProblem(profile.victims_in_proceedings, hearing);
    if (inconsistent) {
      const { field, ...refusal } = inconsistent;
      throw invalidField(`body.${field}`, refusal);
    }
    const today = localToday(profile.annual_report.time_zone);
    if (hearing.held_on && hearing.held_on > today) throw invalidField('body.held_on', problem('hearing_held_after_today'));
    // A hearing is planned for today or later (the profile's today). Only a planned_on given now is checked: a planned
    // hearing whose day has passed is still marked held or cancelled, or corrected, without moving its date.
    if (plannedOnGiven && hearing.status === 'planned' && hearing.planned_on && hearing.planned_on < today)
      throw invalidField('body.planned_on', problem('planned_hearing_in_past', { date: today }));
  }

  async #body(ref: string): Promise<{ id: string; kind: HearingBodyKind }> {
    const { db } = this.#ctx;
    const organisation = await resolveOrganisation(db, ref, 'body.body_organisation');
    const { kind } = await db.selectFrom('organisation').select('kind').where('id', '=', organisation.id).executeTakeFirstOrThrow();
    const bodyKind = hearingBodyKind(kind);
    if (!bodyKind) throw invalidField('body.body_organisation', problem('not_a_hearing_body', { organisation: organisation.code, kind }));
    return { id: organisation.id, kind: bodyKind };
  }

  /** @returns the day the criminal case opened, once it is known to be linked to the victim case. */
  async #checkCriminalCase(caseId: string, criminalCaseId: string): Promise<string> {
    const link = await this.#ctx.db
      .selectFrom('criminal_case_victim')
      .select('criminal_case_id')
      .where('criminal_case_id', '=', criminalCaseId)
      .where('victim_case_id', '=', caseId)
      .executeTakeFirst();
    if (!link) throw invalidField('body.criminal_case_id', problem('criminal_case_not_linked'));
    return this.#openedOn(criminalCaseId);
  }

  async #openedOn(criminalCaseId: string): Promise<string> {
    const row = await this.#ctx.db
      .selectFrom('criminal_case')
      .select('opened_on')
      .where('id', '=', criminalCaseId)
      .executeTakeFirstOrThrow();
    return row.opened_on;
  }

  /**
   * A hearing in a criminal case is held (or planned) on or after the day the case opened: the proceedings in which
   * the victim is heard begin with the case (Romanian Code of Criminal Procedure art. 305(1), beginning of the
   * criminal investigation; art. 111, hearing of the injured person). A hearing without a criminal case is not checked.
   * @throws ApiError OPENNRM_VALIDATION naming body.held_on (a held hearing) or body.planned_on, date_before_case_opened {date}.
   */
  #checkAfterOpened(hearing: { status: HearingStatus; planned_on: string | null; held_on: string | null }, openedOn: string | null): void {
    if (!openedOn) return;
    if (hearing.held_on && hearing.held_on < openedOn)
      throw invalidField('body.held_on', problem('date_before_case_opened', { date: openedOn }));
    if (hearing.status === 'planned' && hearing.planned_on && hearing.planned_on < openedOn)
      throw invalidField('body.planned_on', problem('date_before_case_opened', { date: openedOn }));
  }

  /** The warning due for a hearing of the case other than `exceptId`, from the hearings already held. */
  async #warning(trx: Kysely<Database>, caseId: string, exceptId: string): Promise<RehearingWarning | null> {
    const held = await trx
      .selectFrom('victim_hearing')
      .select('held_on')
      .where('victim_case_id', '=', caseId)
      .where('status', '=', 'held')
      .where('id', '<>', exceptId)
      .execute();
    return rehearingWarning(held.map((h) => h.held_on!));
  }

  /** The note sealed with the keyring, bound to the hearing (it may name people); null stays null. */
  #seal(id: string, note: string | null): Buffer | null {
    return note == null ? null : seal(this.#ctx.keyring, victimHearingNoteContext(id), Buffer.from(JSON.stringify(note), 'utf8')).envelope;
  }

  async #row(id: string): Promise<HearingRow> {
    return hearingRows(this.#ctx.db).where('h.id', '=', id).executeTakeFirstOrThrow();
  }

  #view(row: HearingRow, found: ProceedingsCase): HearingView {
    const rules = this.#ctx.profile.victims_in_proceedings;
    const counsel = rules.mandatory_counsel;
    const breach = counselBreach(rules, row, found.is_child);
    return {
      id: row.id,
      victim_case_id: row.victim_case_id,
      criminal_case_id: row.criminal_case_id,
      status: row.status as HearingStatus,
      planned_on: row.planned_on,
      held_on: row.held_on,
      body_organisation_id: row.body_organisation_id,
      body_organisation_code: row.body_organisation_code,
      body_kind: row.body_kind as HearingBodyKind,
      settings: row.settings,
      counsel_present: row.counsel_present,
      counsel_mandatory: counselMandatory(counsel.applies_to, found.is_child),
      counsel_breach: breach,
      counsel_breach_rule:
        breach && counsel.applies_to !== 'nobody'
          ? {
              applies_to: counsel.applies_to,
              consequence: counsel.consequence,
              ...(counsel.consequence_i18n && { consequence_i18n: counsel.consequence_i18n }),
              source: counsel.source,
              ...(counsel.source_i18n && { source_i18n: counsel.source_i18n }),
              verify: counsel.verify,
            }
          : null,
      interpreter_language: row.interpreter_language,
      note: row.note ? (JSON.parse(open(this.#ctx.keyring, victimHearingNoteContext(row.id), row.note).toString('utf8')) as string) : null,
      created_at: isoInstant(row.created_at),
      updated_at: isoInstant(row.updated_at),
    };
  }
}

function hearingRows(db: Kysely<Database>) {
  return db
    .selectFrom('victim_hearing as h')
    .innerJoin('organisation as o', 'o.id', 'h.body_organisation_id')
    .selectAll('h')
    .select('o.code as body_organisation_code');
}

/**
 * One in-app alert to each active case manager of the case's organisation:
 * the victim was already heard. The reason carries counts and dates only, no identifying data.
 */
async function alertCaseManagers(
  trx: Kysely<Database>,
  found: ProceedingsCase,
  status: HearingStatus,
  warning: RehearingWarning,
  actorUserId: string,
): Promise<void> {
  if (!found.owner_organisation_id) return;
  const managers = await trx
    .selectFrom('app_user')
    .select('id')
    .where('role', '=', 'case_manager')
    .where('disabled', '=', false)
    .where('organisation_id', '=', found.owner_organisation_id)
    .execute();
  if (managers.length === 0) return;
  const what = status === 'planned' ? 'a further hearing was planned' : 'the victim was heard again';
  await trx
    .insertInto('alert')
    .values(
      managers.map((m) => ({
        id: newId(),
        recipient_user_id: m.id,
        kind: VICTIM_HEARD_AGAIN_ALERT,
        victim_case_id: found.id,
        actor_user_id: actorUserId,
        reason: `${what}: already heard ${warning.hearings_so_far} time${warning.hearings_so_far === 1 ? '' : 's'}, last on ${warning.last_held_on}`,
      })),
    )
    .execute();
}
