import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, SuspectTable } from '../db/schema.ts';
import { ApiError, invalidField } from '../http/errors.ts';
import { assertNotAfterToday } from '../shared/not-after-today.ts';
import { isoInstant } from '../http/common.schemas.ts';
import { resolveOrganisation } from '../organisations/organisations.repository.ts';
import { newId } from '../shared/ids.ts';
import type { RecordContext } from '../shared/record-context.ts';
import type { AccessControl } from '../access/access-control.ts';
import { problem, type VictimRoleInProceedings } from '@opennrm/domain';
import { criminalCaseFacts } from '../access/facts.ts';
import { mayActOnCriminalCase } from './case-access.ts';
import { fieldRefusal } from './refusals.ts';
import { appendAuditEvent, appendAuditEvents } from '../audit/append-audit-event.ts';
import {
  verdictProblem,
  type CreateCriminalCase,
  type CreateSuspect,
  type CriminalCaseDetail,
  type CriminalCaseQuery,
  type CriminalCaseView,
  type SuspectView,
  type UpdateCriminalCase,
  type UpdateSuspect,
} from './criminal-cases.schemas.ts';
import { linkableVictimCases } from './victim-links.ts';

type CaseRow = Selectable<Database['criminal_case']> & { investigating_organisation_code: string | null };

function toView(row: CaseRow): CriminalCaseView {
  return {
    id: row.id,
    case_number: row.case_number,
    opened_on: row.opened_on,
    offence_articles: row.offence_articles,
    forms: row.forms as CriminalCaseView['forms'],
    institutions_under_investigation: row.institutions_under_investigation,
    investigating_organisation_id: row.investigating_organisation_id,
    investigating_organisation_code: row.investigating_organisation_code,
    stage: row.stage as CriminalCaseView['stage'],
    closed_on: row.closed_on,
    closure_reason: row.closure_reason as CriminalCaseView['closure_reason'],
    organised_crime_group: row.organised_crime_group,
    prosecutor_user_id: row.prosecutor_user_id,
    manager_user_id: row.manager_user_id,
    synthetic: row.synthetic,
    created_at: isoInstant(row.created_at),
    updated_at: isoInstant(row.updated_at),
  };
}

function toSuspect(row: Selectable<SuspectTable>): SuspectView {
  return {
    ...row,
    sex: row.sex as SuspectView['sex'],
    role: row.role as SuspectView['role'],
    verdict: row.verdict as SuspectView['verdict'],
    created_at: isoInstant(row.created_at),
  };
}

function suspectValues(input: CreateSuspect) {
  return {
    sex: input.sex,
    age: input.age ?? null,
    citizenships: input.citizenships,
    role: input.role,
    state_employee: input.state_employee,
    prosecuted_on: input.prosecuted_on ?? null,
    verdict: input.verdict,
    verdict_on: input.verdict_on,
    sentence_months: input.sentence_months ?? null,
    sentence_suspended: input.sentence_suspended ?? null,
    app_user_id: input.app_user_id ?? null,
  };
}

/**
 * Criminal cases with their suspects and the victim cases linked to them. The
 * offences must be articles of the jurisdiction profile (principle 3: country
 * rules are data), so the trafficking statistics can tell trafficking
 * offences from related ones.
 */
export class CriminalCasesRepository {
  readonly #ctx: RecordContext;
  readonly #db: Kysely<Database>;
  readonly #access: AccessControl;
  constructor(ctx: RecordContext) {
    this.#ctx = ctx;
    this.#db = ctx.db;
    this.#access = ctx.access;
  }

  async #check(id: string, action: 'read' | 'update'): Promise<boolean> {
    return mayActOnCriminalCase(this.#db, this.#access, id, action);
  }

  /**
   * The investigating organisation of a new case. A prosecutor's case is investigated by their own office unless
   * they name it: a case opened for another office would be one they can no longer see (rule
   * prosecutor.criminal_cases), so naming another office is refused.
   * @throws ApiError OPENNRM_VALIDATION for an unknown organisation, OPENNRM_FORBIDDEN for a prosecutor naming another office.
   */
  async #investigatingOrganisation(named: string | null | undefined): Promise<string | null> {
    const actor = this.#access.actor;
    const own = actor.role === 'prosecutor' ? actor.organisation_id : null;
    if (!named) return own ?? null;
    const id = (await resolveOrganisation(this.#db, named, 'body.investigating_organisation')).id;
    if (own && id !== own)
      throw new ApiError('OPENNRM_FORBIDDEN', problem('prosecutor_opens_own_office_cases'), [
        fieldRefusal('body.investigating_organisation', problem('investigating_office_not_yours')),
      ]);
    return id;
  }

  /**
   * Opens a criminal case with its suspects and linked victims, in one transaction.
   * @throws ApiError OPENNRM_VALIDATION (unknown offence article, organisation or victim case), OPENNRM_CONFLICT (case number taken).
   */
  async create(input: CreateCriminalCase): Promise<CriminalCaseDetail> {
    this.#access.assertCan('create', 'CriminalCase');
    assertNotAfterToday(input.opened_on, 'body.opened_on', this.#ctx.profile);
    this.#checkOffences(input.offence_articles);
    await this.#assertCaseNumberFree(input.case_number);
    const organisationId = await this.#investigatingOrganisation(input.investigating_organisation);
    await this.#checkVictims(input.victim_case_ids, null);
    await this.#checkUsers(input, organisationId);
    const id = newId();
    await this.#db.transaction().execute(async (tx) => {
      await tx
        .insertInto('criminal_case')
        .values({
          id,
          case_number: input.case_number,
          investigating_organisation_id: organisationId,
          opened_on: input.opened_on,
          offence_articles: input.offence_articles,
          forms: input.forms,
          institutions_under_investigation: input.institutions_under_investigation,
          organised_crime_group: input.organised_crime_group,
          prosecutor_user_id: input.prosecutor_user_id ?? null,
          manager_user_id: input.manager_user_id ?? null,
        })
        .execute();
      await linkVictims(tx, id, input.victim_case_ids);
      await this.#auditChange(tx, 'create', id, Object.keys(input), input.victim_case_ids);
      for (const suspect of input.suspects) {
        await tx
          .insertInto('suspect')
          .values({ id: newId(), criminal_case_id: id, ...suspectValues(suspect) })
          .execute();
      }
    });
    return (await this.#detail(id))!;
  }

  /** One criminal case with suspects and linked victim case ids, or undefined. */
  async get(id: string): Promise<CriminalCaseDetail | undefined> {
    if (!(await this.#check(id, 'read'))) return undefined;
    const detail = await this.#detail(id);
    if (detail)
      await this.#db
        .transaction()
        .execute((trx) => appendAuditEvent(trx, this.#access.audit({ action: 'read', record_type: 'criminal_case', record_id: id })));
    return detail;
  }

  async #detail(id: string): Promise<CriminalCaseDetail | undefined> {
    const row = await this.#select().where('criminal_case.id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const [victims, suspects] = await Promise.all([
      this.#db
        .selectFrom('criminal_case_victim')
        .select(['victim_case_id', 'role'])
        .where('criminal_case_id', '=', id)
        .orderBy('victim_case_id')
        .execute(),
      this.#db.selectFrom('suspect').selectAll().where('criminal_case_id', '=', id).orderBy('id').execute(),
    ]);
    return {
      ...toView(row),
      victim_case_ids: victims.map((v) => v.victim_case_id),
      victims: victims.map((v) => ({ victim_case_id: v.victim_case_id, role: v.role as VictimRoleInProceedings })),
      suspects: suspects.map(toSuspect),
    };
  }

  /**
   * Changes the fields given; victim_case_ids replaces the linked victims.
   * @throws ApiError as for create.
   */
  async update(id: string, patch: UpdateCriminalCase): Promise<CriminalCaseDetail | undefined> {
    if (!(await this.#check(id, 'update'))) return undefined;
    const current = await this.#db
      .selectFrom('criminal_case')
      .select(['case_number', 'investigating_organisation_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!current) return undefined;
    if (patch.offence_articles) this.#checkOffences(patch.offence_articles);
    if (patch.opened_on) assertNotAfterToday(patch.opened_on, 'body.opened_on', this.#ctx.profile);
    if (patch.case_number && patch.case_number !== current.case_number) await this.#assertCaseNumberFree(patch.case_number);
    const { investigating_organisation, victim_case_ids, ...fields } = patch;
    let organisation: { investigating_organisation_id?: string | null } = {};
    if (investigating_organisation !== undefined) {
      organisation = {
        investigating_organisation_id: investigating_organisation
          ? (await resolveOrganisation(this.#db, investigating_organisation, 'body.investigating_organisation')).id
          : null,
      };
    }
    if (victim_case_ids) await this.#checkVictims(victim_case_ids, id);
    await this.#checkUsers(
      patch,
      organisation.investigating_organisation_id !== undefined
        ? organisation.investigating_organisation_id
        : current.investigating_organisation_id,
    );
    await this.#db.transaction().execute(async (tx) => {
      await tx
        .updateTable('criminal_case')
        .set({ ...fields, ...organisation, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      if (victim_case_ids) {
        let unlink = tx.deleteFrom('criminal_case_victim').where('criminal_case_id', '=', id);
        if (victim_case_ids.length) unlink = unlink.where('victim_case_id', 'not in', victim_case_ids);
        await unlink.execute();
        await linkVictims(tx, id, victim_case_ids);
      }
      await this.#auditChange(tx, 'update', id, Object.keys(patch), victim_case_ids ?? []);
    });
    return this.#detail(id);
  }

  /** A page of criminal cases (without suspects) matching the filters, oldest first. */
  async list(query: CriminalCaseQuery): Promise<{ items: CriminalCaseView[]; total: number }> {
    const access = this.#access;
    let base = this.#db.selectFrom('criminal_case').where((eb) => access.filter(eb, 'read', 'CriminalCase', criminalCaseFacts()));
    if (query.case_number) base = base.where('criminal_case.case_number', '=', query.case_number);
    if (query.investigating_organisation) {
      const org = await resolveOrganisation(this.#db, query.investigating_organisation, 'query.investigating_organisation');
      base = base.where('criminal_case.investigating_organisation_id', '=', org.id);
    }
    if (query.offence_article)
      base = base.where((eb) => eb(eb.val(query.offence_article), '=', eb.fn.any('criminal_case.offence_articles')));
    if (query.form) base = base.where((eb) => eb(eb.val<string>(query.form!), '=', eb.fn.any('criminal_case.forms')));
    if (query.opened_year != null) {
      base = base
        .where('criminal_case.opened_on', '>=', `${query.opened_year}-01-01`)
        .where('criminal_case.opened_on', '<=', `${query.opened_year}-12-31`);
    }
    if (query.victim_case_id) {
      const victimCaseId = query.victim_case_id;
      base = base.where((eb) =>
        eb.exists(
          eb
            .selectFrom('criminal_case_victim')
            .select('criminal_case_victim.victim_case_id')
            .whereRef('criminal_case_victim.criminal_case_id', '=', 'criminal_case.id')
            .where('criminal_case_victim.victim_case_id', '=', victimCaseId),
        ),
      );
    }
    const [rows, count] = await Promise.all([
      base
        .leftJoin('organisation', 'organisation.id', 'criminal_case.investigating_organisation_id')
        .selectAll('criminal_case')
        .select('organisation.code as investigating_organisation_code')
        .orderBy('criminal_case.id')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    await access.auditSearch(
      this.#db,
      'criminal_case',
      rows.map((r) => r.id),
    );
    return { items: rows.map(toView), total: Number(count.n) };
  }

  /**
   * Adds a suspect to a criminal case.
   * @returns the suspect, or undefined when the criminal case does not exist.
   */
  async addSuspect(caseId: string, input: CreateSuspect): Promise<SuspectView | undefined> {
    if (!(await this.#check(caseId, 'update'))) return undefined;
    const id = newId();
    await this.#db.transaction().execute(async (tx) => {
      await tx
        .insertInto('suspect')
        .values({ id, criminal_case_id: caseId, ...suspectValues(input) })
        .execute();
      await appendAuditEvent(
        tx,
        this.#access.audit({ action: 'create', record_type: 'suspect', record_id: id, fields: Object.keys(input) }),
      );
    });
    return this.#suspect(caseId, id);
  }

  /**
   * Changes a suspect: prosecution, verdict, sentence.
   * @returns the suspect, or undefined when there is no such suspect in that case.
   * @throws ApiError OPENNRM_VALIDATION when verdict, verdict_on and sentence would not agree.
   */
  async updateSuspect(caseId: string, suspectId: string, patch: UpdateSuspect): Promise<SuspectView | undefined> {
    if (!(await this.#check(caseId, 'update'))) return undefined;
    const current = await this.#suspect(caseId, suspectId);
    if (!current) return undefined;
    const inconsistent = verdictProblem({ ...current, ...patch });
    if (inconsistent) {
      const { field, ...refusal } = inconsistent;
      throw invalidField(`body.${field}`, refusal);
    }
    await this.#db.transaction().execute(async (tx) => {
      await tx.updateTable('suspect').set(patch).where('id', '=', suspectId).execute();
      await appendAuditEvent(
        tx,
        this.#access.audit({ action: 'update', record_type: 'suspect', record_id: suspectId, fields: Object.keys(patch) }),
      );
    });
    return this.#suspect(caseId, suspectId);
  }

  async #suspect(caseId: string, suspectId: string): Promise<SuspectView | undefined> {
    const row = await this.#db
      .selectFrom('suspect')
      .selectAll()
      .where('id', '=', suspectId)
      .where('criminal_case_id', '=', caseId)
      .executeTakeFirst();
    return row && toSuspect(row);
  }

  #select() {
    return this.#db
      .selectFrom('criminal_case')
      .leftJoin('organisation', 'organisation.id', 'criminal_case.investigating_organisation_id')
      .selectAll('criminal_case')
      .select('organisation.code as investigating_organisation_code');
  }

  /** The change event, plus a permission change per linked victim case: linking lets the investigating organisation read it. */
  async #auditChange(
    tx: Transaction<Database>,
    action: 'create' | 'update',
    id: string,
    fields: string[],
    linked: string[],
  ): Promise<void> {
    const persons = linked.length ? await tx.selectFrom('victim_case').select(['id', 'person_id']).where('id', 'in', linked).execute() : [];
    await appendAuditEvents(tx, [
      this.#access.audit({ action, record_type: 'criminal_case', record_id: id, fields }),
      ...persons.map((p) =>
        this.#access.audit({
          action: 'permission_change',
          record_type: 'criminal_case_victim',
          record_id: `${id}/${p.id}`,
          person_id: p.person_id,
        }),
      ),
    ]);
  }

  /** @throws ApiError OPENNRM_VALIDATION naming body.prosecutor_user_id or body.manager_user_id when no such account exists. */
  /**
   * The case's prosecutor and manager receive its deadline reminders (case number, deadlines: docs/proceedings.md),
   * so each must be someone who may read the case: a prosecutor of the investigating office (rule
   * prosecutor.criminal_cases), or, as manager, also the coordinator (coordinator.criminal_overview).
   * @throws ApiError OPENNRM_VALIDATION naming body.prosecutor_user_id or body.manager_user_id.
   */
  async #checkUsers(
    input: { prosecutor_user_id?: string | null; manager_user_id?: string | null },
    investigatingOrganisationId: string | null,
  ): Promise<void> {
    for (const field of ['prosecutor_user_id', 'manager_user_id'] as const) {
      const userId = input[field];
      if (!userId) continue;
      const user = await this.#db
        .selectFrom('app_user')
        .select(['id', 'role', 'organisation_id', 'disabled'])
        .where('id', '=', userId)
        .executeTakeFirst();
      if (!user) throw invalidField(`body.${field}`, problem('no_such_user_account'));
      if (user.disabled) throw invalidField(`body.${field}`, problem('account_disabled'));
      const ofTheOffice =
        user.role === 'prosecutor' && (investigatingOrganisationId === null || user.organisation_id === investigatingOrganisationId);
      if (!ofTheOffice && !(field === 'manager_user_id' && user.role === 'coordinator'))
        throw invalidField(
          `body.${field}`,
          problem(field === 'prosecutor_user_id' ? 'prosecutor_not_of_investigating_office' : 'manager_not_of_investigating_office'),
        );
    }
  }

  #checkOffences(articles: string[]): void {
    const known = new Set(this.#ctx.profile.offences.map((o) => o.article));
    articles.forEach((article, i) => {
      if (!known.has(article)) {
        throw invalidField(`body.offence_articles.${i}`, problem('offence_not_in_profile', { article, profile: this.#ctx.profile.name }));
      }
    });
  }

  /**
   * The victim cases to link exist and, those not yet linked to `criminalCaseId` (null: a case being opened), are ones
   * the user may read already (victim-links.ts); any other is 400 "no victim case with this id", the same answer for an
   * id that does not exist and one the user may not read (docs/errors.md: no existence oracle).
   */
  async #checkVictims(ids: string[], criminalCaseId: string | null): Promise<void> {
    if (ids.length === 0) return;
    const linkable = await linkableVictimCases(this.#db, this.#access, criminalCaseId, ids);
    const missing = ids.findIndex((id) => !linkable.has(id));
    if (missing >= 0) throw invalidField(`body.victim_case_ids.${missing}`, problem('no_such_victim_case'));
  }

  async #assertCaseNumberFree(caseNumber: string): Promise<void> {
    const taken = await this.#db.selectFrom('criminal_case').select('id').where('case_number', '=', caseNumber).executeTakeFirst();
    if (taken) throw new ApiError('OPENNRM_CONFLICT', problem('case_number_taken'));
  }
}

async function linkVictims(tx: Transaction<Database>, criminalCaseId: string, victimCaseIds: string[]): Promise<void> {
  if (victimCaseIds.length === 0) return;
  await tx
    .insertInto('criminal_case_victim')
    .values(victimCaseIds.map((victim_case_id) => ({ criminal_case_id: criminalCaseId, victim_case_id })))
    .onConflict((oc) => oc.columns(['criminal_case_id', 'victim_case_id']).doNothing())
    .execute();
}
