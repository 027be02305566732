import type { Kysely } from 'kysely';
import { codeProblem, periodProblem, problem, type ProceedingsFieldProblem, type ProceedingsCode } from '@opennrm/domain';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Database } from '../db/schema.ts';
import { invalidField, notFound } from '../http/errors.ts';
import { isoInstant } from '../http/common.schemas.ts';
import { resolveOrganisation } from '../organisations/organisations.repository.ts';
import { newId } from '../shared/ids.ts';
import type { RecordContext } from '../shared/record-context.ts';
import { proceedingsCase } from './proceedings-access.ts';
import type { CounselInput, CounselView, MeasureInput, MeasureView, ProgrammeInput, ProgrammeView } from './proceedings.schemas.ts';

/** The three records of a victim's protection in proceedings, with the column their period starts on. */
export const PROTECTION_TABLES = {
  legal_counsel_assignment: 'assigned_on',
  programme_participation: 'started_on',
  protection_measure: 'ordered_on',
} as const;
export type ProtectionTable = keyof typeof PROTECTION_TABLES;

function throwIf(found: ProceedingsFieldProblem | null): void {
  if (!found) return;
  const { field, ...refusal } = found;
  throw invalidField(`body.${field}`, refusal);
}

/**
 * A victim's legal counsel, programme participation (Romania: victim and
 * witness coordination, witness protection) and protection measures (issue 6
 * point 4). Codes are the profile's (victims_in_proceedings); access as for
 * hearings (proceedingsCase); every write and read audited in its transaction.
 */
export class VictimProtectionRepository {
  readonly #ctx: RecordContext;
  constructor(ctx: RecordContext) {
    this.#ctx = ctx;
  }

  /**
   * Assigns legal counsel: an organisation of the directory, or a bar (or both), from assigned_on.
   * @throws ApiError 404, OPENNRM_CONFLICT_OF_INTEREST, OPENNRM_VALIDATION naming body.counsel_organisation
   *   (unknown, or neither it nor body.counsel_bar given) or body.ended_on (before assigned_on).
   */
  async recordCounsel(caseId: string, input: CounselInput): Promise<CounselView> {
    if (!input.counsel_organisation && !input.counsel_bar) throw invalidField('body.counsel_organisation', problem('counsel_not_named'));
    throwIf(periodProblem('assigned_on', input.assigned_on, 'ended_on', input.ended_on));
    const organisation = input.counsel_organisation
      ? await resolveOrganisation(this.#ctx.db, input.counsel_organisation, 'body.counsel_organisation')
      : null;
    const id = await this.#insert(caseId, 'legal_counsel_assignment', Object.keys(input), (trx, id, recorded_by) =>
      trx
        .insertInto('legal_counsel_assignment')
        .values({
          id,
          victim_case_id: caseId,
          counsel_organisation_id: organisation?.id ?? null,
          counsel_bar: input.counsel_bar ?? null,
          counsel_name: input.counsel_name ?? null,
          assigned_on: input.assigned_on,
          ended_on: input.ended_on ?? null,
          mandatory: input.mandatory,
          recorded_by,
        })
        .execute(),
    );
    return (await this.#counsel(caseId, id))[0]!;
  }

  /**
   * Records the victim's participation in a programme of the profile, from started_on until ended_on (null: still in it).
   * @throws ApiError 404, OPENNRM_CONFLICT_OF_INTEREST, OPENNRM_VALIDATION naming body.programme (not in the profile) or body.ended_on.
   */
  async recordProgramme(caseId: string, input: ProgrammeInput): Promise<ProgrammeView> {
    const rules = this.#ctx.profile.victims_in_proceedings;
    throwIf(codeProblem(rules.programmes, 'not_a_programme', 'programme', input.programme));
    throwIf(periodProblem('started_on', input.started_on, 'ended_on', input.ended_on));
    const id = await this.#insert(caseId, 'programme_participation', Object.keys(input), (trx, id, recorded_by) =>
      trx
        .insertInto('programme_participation')
        .values({
          id,
          victim_case_id: caseId,
          programme: input.programme,
          started_on: input.started_on,
          ended_on: input.ended_on ?? null,
          recorded_by,
        })
        .execute(),
    );
    return (await this.#programmes(caseId, id))[0]!;
  }

  /**
   * Records a protection measure of the profile ordered for the victim.
   * @throws ApiError 404, OPENNRM_CONFLICT_OF_INTEREST, OPENNRM_VALIDATION naming body.measure (not in the profile),
   *   body.ordered_by_organisation (unknown) or body.ended_on.
   */
  async recordMeasure(caseId: string, input: MeasureInput): Promise<MeasureView> {
    const rules = this.#ctx.profile.victims_in_proceedings;
    throwIf(codeProblem(rules.protection_measures, 'not_a_protection_measure', 'measure', input.measure));
    throwIf(periodProblem('ordered_on', input.ordered_on, 'ended_on', input.ended_on));
    const orderedBy = input.ordered_by_organisation
      ? await resolveOrganisation(this.#ctx.db, input.ordered_by_organisation, 'body.ordered_by_organisation')
      : null;
    const id = await this.#insert(caseId, 'protection_measure', Object.keys(input), (trx, id, recorded_by) =>
      trx
        .insertInto('protection_measure')
        .values({
          id,
          victim_case_id: caseId,
          measure: input.measure,
          ordered_on: input.ordered_on,
          ended_on: input.ended_on ?? null,
          ordered_by_organisation_id: orderedBy?.id ?? null,
          recorded_by,
        })
        .execute(),
    );
    return (await this.#measures(caseId, id))[0]!;
  }

  /**
   * Ends a counsel assignment, a programme participation or a measure on `endedOn` (inclusive).
   * @throws ApiError 404 (no such record on this case, or not the user's), OPENNRM_CONFLICT_OF_INTEREST,
   *   OPENNRM_VALIDATION naming body.ended_on (before the start).
   */
  async end(table: ProtectionTable, caseId: string, recordId: string, endedOn: string): Promise<CounselView | ProgrammeView | MeasureView> {
    const { db, access } = this.#ctx;
    const found = await proceedingsCase(this.#ctx, caseId, 'update');
    const startColumn = PROTECTION_TABLES[table];
    const row = await db
      .selectFrom(table)
      .select(`${startColumn} as starts_on`)
      .where('id', '=', recordId)
      .where('victim_case_id', '=', caseId)
      .executeTakeFirst();
    if (!row) throw notFound();
    throwIf(periodProblem(startColumn, row.starts_on, 'ended_on', endedOn));
    await db.transaction().execute(async (trx) => {
      await trx.updateTable(table).set({ ended_on: endedOn }).where('id', '=', recordId).execute();
      await appendAuditEvent(
        trx,
        access.audit({ action: 'update', record_type: table, record_id: recordId, person_id: found.person_id, fields: ['ended_on'] }),
      );
    });
    return (await this.#views(table, caseId, recordId))[0]!;
  }

  /**
   * Lists one kind of record of the case, oldest first, audited as a read.
   * @throws ApiError 404, OPENNRM_CONFLICT_OF_INTEREST.
   */
  async list(table: ProtectionTable, caseId: string): Promise<(CounselView | ProgrammeView | MeasureView)[]> {
    const { db, access } = this.#ctx;
    const found = await proceedingsCase(this.#ctx, caseId, 'read');
    const items = await this.#views(table, caseId);
    await db
      .transaction()
      .execute((trx) =>
        appendAuditEvent(trx, access.audit({ action: 'read', record_type: table, record_id: caseId, person_id: found.person_id })),
      );
    return items;
  }

  async #insert(
    caseId: string,
    table: ProtectionTable,
    fields: string[],
    write: (trx: Kysely<Database>, id: string, recordedBy: string) => Promise<unknown>,
  ): Promise<string> {
    const { db, access } = this.#ctx;
    const found = await proceedingsCase(this.#ctx, caseId, 'create');
    const id = newId();
    await db.transaction().execute(async (trx) => {
      await write(trx, id, access.actor.user_id);
      await appendAuditEvent(
        trx,
        access.audit({ action: 'create', record_type: table, record_id: id, person_id: found.person_id, fields }),
      );
    });
    return id;
  }

  #views(table: ProtectionTable, caseId: string, id?: string): Promise<(CounselView | ProgrammeView | MeasureView)[]> {
    if (table === 'legal_counsel_assignment') return this.#counsel(caseId, id);
    return table === 'programme_participation' ? this.#programmes(caseId, id) : this.#measures(caseId, id);
  }

  async #counsel(caseId: string, id?: string): Promise<CounselView[]> {
    let query = this.#ctx.db
      .selectFrom('legal_counsel_assignment as l')
      .leftJoin('organisation as o', 'o.id', 'l.counsel_organisation_id')
      .selectAll('l')
      .select('o.code as counsel_organisation_code')
      .where('l.victim_case_id', '=', caseId);
    if (id) query = query.where('l.id', '=', id);
    const rows = await query.orderBy('l.assigned_on').orderBy('l.id').execute();
    return rows.map((r) => ({
      id: r.id,
      victim_case_id: r.victim_case_id,
      counsel_organisation_id: r.counsel_organisation_id,
      counsel_organisation_code: r.counsel_organisation_code,
      counsel_bar: r.counsel_bar,
      counsel_name: r.counsel_name,
      assigned_on: r.assigned_on,
      ended_on: r.ended_on,
      mandatory: r.mandatory,
      created_at: isoInstant(r.created_at),
    }));
  }

  async #programmes(caseId: string, id?: string): Promise<ProgrammeView[]> {
    let query = this.#ctx.db.selectFrom('programme_participation').selectAll().where('victim_case_id', '=', caseId);
    if (id) query = query.where('id', '=', id);
    const rows = await query.orderBy('started_on').orderBy('id').execute();
    const list = this.#ctx.profile.victims_in_proceedings.programmes;
    return rows.map((r) => ({
      id: r.id,
      victim_case_id: r.victim_case_id,
      programme: r.programme,
      ...named(list, r.programme),
      started_on: r.started_on,
      ended_on: r.ended_on,
      created_at: isoInstant(r.created_at),
    }));
  }

  async #measures(caseId: string, id?: string): Promise<MeasureView[]> {
    let query = this.#ctx.db
      .selectFrom('protection_measure as m')
      .leftJoin('organisation as o', 'o.id', 'm.ordered_by_organisation_id')
      .selectAll('m')
      .select('o.code as ordered_by_organisation_code')
      .where('m.victim_case_id', '=', caseId);
    if (id) query = query.where('m.id', '=', id);
    const rows = await query.orderBy('m.ordered_on').orderBy('m.id').execute();
    const list = this.#ctx.profile.victims_in_proceedings.protection_measures;
    return rows.map((r) => ({
      id: r.id,
      victim_case_id: r.victim_case_id,
      measure: r.measure,
      ...named(list, r.measure),
      ordered_on: r.ordered_on,
      ended_on: r.ended_on,
      ordered_by_organisation_id: r.ordered_by_organisation_id,
      ordered_by_organisation_code: r.ordered_by_organisation_code,
      created_at: isoInstant(r.created_at),
    }));
  }
}

/** A code's name and source in the profile; a code the profile no longer lists says so. */
function named(list: readonly ProceedingsCode[], code: string): { name: string; source: string } {
  const entry = list.find((e) => e.code === code);
  return { name: entry?.name ?? code, source: entry?.source ?? 'not in the profile' };
}
