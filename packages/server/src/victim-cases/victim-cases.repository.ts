import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import {
  countryCodeProblems,
  countsAsChild,
  exploitationStartProblem,
  localToday,
  parseAgeBand,
  problem,
  problemText,
  regionProblems,
  reportingYear,
  victimCaseDateProblems,
  type NrmStatus,
} from '@opennrm/domain';
import type { Database, VictimCaseTable } from '../db/schema.ts';
import { ApiError, invalidField } from '../http/errors.ts';
import { assertCurrent, staleVersion, type IfMatch } from '../http/preconditions.ts';
import { isoInstant } from '../http/common.schemas.ts';
import { resolveOrganisation } from '../organisations/organisations.repository.ts';
import { newId } from '../shared/ids.ts';
import type { RecordContext } from '../shared/record-context.ts';
import { appendAuditEvent, appendAuditEvents } from '../audit/append-audit-event.ts';
import { personFacts, victimCaseFacts } from '../access/facts.ts';
import { stripFields, type AccessControl } from '../access/access-control.ts';
import type { CreateVictimCase, UpdateVictimCase, VictimCaseQuery, VictimCaseView, VisibleVictimCase } from './victim-cases.schemas.ts';

type Row = Selectable<VictimCaseTable> & { identifying_organisation_code: string | null };
type Stored = Omit<
  Selectable<VictimCaseTable>,
  | 'id'
  | 'person_id'
  | 'created_at'
  | 'updated_at'
  | 'synthetic'
  | 'import_batch_id'
  | 'source_ref'
  | 'created_by_user_id'
  | 'owner_organisation_id'
  | 'workflow_state'
  | 'region'
  | 'version'
>;

/** Always shown to whoever may see the case: what it is and whom it is about. */
const ALWAYS = ['id', 'person_id'];

function toView(row: Row): VictimCaseView {
  return {
    id: row.id,
    person_id: row.person_id,
    case_number: row.case_number,
    nrm_status: row.nrm_status as VictimCaseView['nrm_status'],
    potential_on: row.potential_on,
    presumed_on: row.presumed_on,
    identified_on: row.identified_on,
    not_a_victim_on: row.not_a_victim_on,
    registration_year: row.registration_year,
    forms: row.forms as VictimCaseView['forms'],
    sector: row.sector,
    countries_of_exploitation: row.countries_of_exploitation,
    regions_of_exploitation: row.regions_of_exploitation,
    exploitation_started_on: row.exploitation_started_on,
    age_at_exploitation_start: row.age_at_exploitation_start,
    age_at_identification: row.age_at_identification,
    age_band: row.age_band,
    recruitment_methods: row.recruitment_methods as VictimCaseView['recruitment_methods'],
    recruiter_relationship: row.recruiter_relationship as VictimCaseView['recruiter_relationship'],
    means_of_control: row.means_of_control as VictimCaseView['means_of_control'],
    identifying_organisation_id: row.identifying_organisation_id,
    identifying_organisation_code: row.identifying_organisation_code,
    owner_organisation_id: row.owner_organisation_id,
    is_child: row.is_child,
    reporting_year: row.reporting_year,
    synthetic: row.synthetic,
    version: row.version,
    created_at: isoInstant(row.created_at),
    updated_at: isoInstant(row.updated_at),
  };
}

/**
 * Victim cases: a person's journey through the NRM. Every method applies the
 * access policy (docs/access-policy.md) in SQL and writes an audit event in
 * the same transaction as the data (docs/audit.md):
 * - reads and lists return only cases the user may see, with the fields the
 *   user may see (a referral's shared_fields for a receiving organisation);
 * - an id the user may not see is "not found" (undefined -> 404), revealing nothing;
 * - a user with a conflict of interest gets OPENNRM_CONFLICT_OF_INTEREST (403).
 * Every write recomputes `is_child` (countsAsChild, Palermo Protocol art.
 * 3(d)) and `reporting_year` (reportingYear, docs/statistics.md).
 */
export class VictimCasesRepository {
  readonly #ctx: RecordContext;
  readonly #db: Kysely<Database>;
  readonly #access: AccessControl;
  constructor(ctx: RecordContext) {
    this.#ctx = ctx;
    this.#db = ctx.db;
    this.#access = ctx.access;
  }

  /**
   * Opens a victim case for a person the user may see. The user's
   * organisation owns it and the user leads its team.
   * @throws ApiError OPENNRM_FORBIDDEN (role may not open cases), OPENNRM_VALIDATION (unknown or unseen person_id,
   *   organisation or region, missing decision date, bad age band), OPENNRM_CONFLICT when the case number is taken.
   */
  async create(input: CreateVictimCase): Promise<VictimCaseView> {
    this.#access.assertCan('create', 'VictimCase');
    const access = this.#access;
    const person = await this.#db
      .selectFrom('person')
      .select(['id', 'birth_year'])
      .where('id', '=', input.person_id)
      .where((eb) => access.filter(eb, 'read', 'Person', personFacts(access)))
      .executeTakeFirst();
    if (!person) throw invalidField('body.person_id', problem('no_person_with_id'));
    await this.#assertCaseNumberFree(input.case_number);
    const { identifying_organisation, person_id, ...facts } = input;
    const organisationId = identifying_organisation
      ? (await resolveOrganisation(this.#db, identifying_organisation, 'body.identifying_organisation')).id
      : null;
    const stored = this.#derive(
      {
        ...facts,
        potential_on: facts.potential_on ?? null,
        presumed_on: facts.presumed_on ?? null,
        identified_on: facts.identified_on ?? null,
        not_a_victim_on: facts.not_a_victim_on ?? null,
        registration_year: facts.registration_year ?? null,
        sector: facts.sector ?? null,
        exploitation_started_on: facts.exploitation_started_on ?? null,
        age_at_exploitation_start: facts.age_at_exploitation_start ?? null,
        age_at_identification: facts.age_at_identification ?? null,
        age_band: facts.age_band ?? null,
        recruiter_relationship: facts.recruiter_relationship ?? null,
        identifying_organisation_id: organisationId,
      },
      person.birth_year,
    );
    const id = newId();
    return this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('victim_case')
        .values({
          id,
          person_id,
          ...stored,
          created_by_user_id: access.actor.user_id,
          owner_organisation_id: access.actor.organisation_id,
        })
        .execute();
      await trx.insertInto('case_team').values({ victim_case_id: id, user_id: access.actor.user_id, role: 'lead' }).execute();
      await appendAuditEvent(
        trx,
        access.audit({ action: 'create', record_type: 'victim_case', record_id: id, person_id, fields: Object.keys(input) }),
      );
      return toView((await this.#select(trx).where('victim_case.id', '=', id).executeTakeFirst())!);
    });
  }

  /**
   * One case as the user may see it, audited as a read.
   * @returns undefined when there is none with that id or the user may not see it (404: the same answer).
   * @throws ApiError OPENNRM_CONFLICT_OF_INTEREST when the user is blocked from the case.
   */
  async get(id: string): Promise<VisibleVictimCase | undefined> {
    const access = this.#access;
    const decision = access.recordDecision('read', 'VictimCase');
    const result: VisibleVictimCase | 'blocked' | undefined = await this.#db.transaction().execute(async (trx) => {
      const row = await this.#select(trx)
        .select((eb) => [...decision.columns(eb, victimCaseFacts('victim_case.id', 'victim_case', true)).map((c, i) => c.as(`fact_${i}`))])
        .where('victim_case.id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      const record = row as typeof row & Record<string, unknown>;
      const values = Object.keys(record)
        .filter((k) => k.startsWith('fact_'))
        .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)))
        .map((k) => record[k]);
      const first = decision.decide(values);
      const { allowed, blocked } = first;
      let { fields } = first;
      if (blocked) return 'blocked' as const;
      if (!allowed) return undefined;
      // Narrowed by a referral: the second, rarer query reads what the referrals share.
      if (fields !== undefined && access.fieldRules('read', 'VictimCase').narrowsByReferral)
        ({ fields } = decision.decide(values, (await this.#sharedFieldsOf(trx, [id])).get(id) ?? []));
      const view = stripFields(toView(row), fields, ALWAYS) as VisibleVictimCase;
      await appendAuditEvent(
        trx,
        access.audit({ action: 'read', record_type: 'victim_case', record_id: id, person_id: row.person_id, fields: Object.keys(view) }),
      );
      return view;
    });
    if (result === 'blocked') return this.#denied(id);
    return result;
  }

  /**
   * Changes the fields given and recomputes is_child and reporting_year.
   *
   * Optimistic concurrency (RFC 9110 §13.1.1; docs/errors.md, OPENNRM_STALE_VERSION): with `ifMatch` tags, the
   * change is made only while the case is at the version the client read. Either way the row is written only if
   * it is still at the version the merge was computed from (`WHERE version = …`), so a concurrent edit of another
   * field is never overwritten with the value read before it: without If-Match the merge is redone on the new row
   * (at most three times), with If-Match it is refused.
   * @param ifMatch the request's If-Match (parseIfMatch); none: last writer wins, as before edit versions.
   * @returns the case, or undefined when there is none with that id or the user may not change it.
   * @throws ApiError as for create, OPENNRM_CONFLICT_OF_INTEREST, and OPENNRM_STALE_VERSION (412) when the case is
   *   no longer at the version If-Match names.
   */
  async update(id: string, patch: UpdateVictimCase, ifMatch: IfMatch = { kind: 'none' }): Promise<VisibleVictimCase | undefined> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.#updateOnce(id, patch, ifMatch);
      if (outcome !== 'moved') return outcome === 'not_found' ? undefined : this.get(id);
      if (ifMatch.kind === 'tags' || attempt === 3) {
        const now = await this.#db.selectFrom('victim_case').select('version').where('id', '=', id).executeTakeFirst();
        if (!now) return undefined;
        throw staleVersion(ifMatch, now.version, `Victim case ${id}`);
      }
    }
  }

  /** One read-merge-write of update: 'moved' when the row changed between the read and the write (nothing written). */
  async #updateOnce(id: string, patch: UpdateVictimCase, ifMatch: IfMatch): Promise<'updated' | 'moved' | 'not_found'> {
    const access = this.#access;
    const current = await this.#db
      .selectFrom('victim_case')
      .selectAll()
      .select((eb) => access.blocked(eb, 'update', 'VictimCase', victimCaseFacts()).as('blocked'))
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          access.filter(eb, 'update', 'VictimCase', victimCaseFacts()),
          access.blocked(eb, 'update', 'VictimCase', victimCaseFacts()),
        ]),
      )
      .executeTakeFirst();
    if (!current) return 'not_found';
    if (current.blocked) return this.#denied(id);
    assertCurrent(ifMatch, current.version, `Victim case ${id}`);
    if (patch.case_number && patch.case_number !== current.case_number) await this.#assertCaseNumberFree(patch.case_number);
    const { identifying_organisation, ...facts } = patch;
    let organisationId = current.identifying_organisation_id;
    if (identifying_organisation !== undefined) {
      organisationId = identifying_organisation
        ? (await resolveOrganisation(this.#db, identifying_organisation, 'body.identifying_organisation')).id
        : null;
    }
    const {
      id: _id,
      person_id: _p,
      created_at: _c,
      updated_at: _u,
      synthetic: _s,
      import_batch_id: _b,
      source_ref: _r,
      created_by_user_id: _cb,
      owner_organisation_id: _o,
      blocked: _bl,
      version: _v,
      ...stored
    } = current;
    // The person's year of birth bounds exploitation_started_on (never the date of birth: identity stays sealed).
    const { birth_year } = await this.#db
      .selectFrom('person')
      .select('birth_year')
      .where('id', '=', current.person_id)
      .executeTakeFirstOrThrow();
    const next = this.#derive({ ...stored, ...facts, identifying_organisation_id: organisationId }, birth_year);
    return this.#db.transaction().execute(async (trx) => {
      // The trigger of migration 0024 bumps version; the WHERE makes the write conditional on the row read above.
      const written = await trx
        .updateTable('victim_case')
        .set({ ...next, updated_at: new Date() })
        .where('id', '=', id)
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (written.numUpdatedRows === 0n) return 'moved' as const;
      await appendAuditEvent(
        trx,
        access.audit({
          action: 'update',
          record_type: 'victim_case',
          record_id: id,
          person_id: current.person_id,
          fields: Object.keys(patch),
        }),
      );
      return 'updated' as const;
    });
  }

  /**
   * A page of the cases the user may see, matching the filters, oldest first.
   * The policy is a WHERE clause, so `total` and pages count only visible
   * cases. One `search` audit event per case returned.
   */
  async list(query: VictimCaseQuery): Promise<{ items: VisibleVictimCase[]; total: number }> {
    const access = this.#access;
    let organisationId: string | undefined;
    if (query.identifying_organisation) {
      organisationId = (await resolveOrganisation(this.#db, query.identifying_organisation, 'query.identifying_organisation')).id;
    }
    const fieldRules = access.fieldRules('read', 'VictimCase');
    return this.#db.transaction().execute(async (trx) => {
      let base = trx.selectFrom('victim_case').where((eb) => access.filter(eb, 'read', 'VictimCase', victimCaseFacts()));
      if (query.nrm_status) base = base.where('victim_case.nrm_status', '=', query.nrm_status);
      if (query.reporting_year != null) base = base.where('victim_case.reporting_year', '=', query.reporting_year);
      if (query.case_number) base = base.where('victim_case.case_number', '=', query.case_number);
      if (query.person_id) base = base.where('victim_case.person_id', '=', query.person_id);
      if (query.is_child != null) base = base.where('victim_case.is_child', '=', query.is_child);
      if (query.synthetic != null) base = base.where('victim_case.synthetic', '=', query.synthetic);
      if (organisationId) base = base.where('victim_case.identifying_organisation_id', '=', organisationId);
      if (query.form) base = base.where((eb) => eb(eb.val<string>(query.form!), '=', eb.fn.any('victim_case.forms')));
      // The page's ids first, so the organisation and the field rules are worked out for its rows only.
      // The page's ids first, so the organisation and the field rules are worked out for its rows only; the total
      // comes with them (a window count over the filtered cases), so the policy's filter runs once, not twice.
      const page = base
        .select(['victim_case.id as page_id', sql<string>`count(*) OVER ()`.as('total')])
        .orderBy('victim_case.id')
        .limit(query.limit)
        .offset(query.offset);
      const rows = await trx
        .selectFrom(page.as('page'))
        .innerJoin('victim_case', 'victim_case.id', 'page.page_id')
        .leftJoin('organisation', 'organisation.id', 'victim_case.identifying_organisation_id')
        .selectAll('victim_case')
        .select('organisation.code as identifying_organisation_code')
        .select('page.total')
        .select((eb) => [...fieldRules.columns(eb, victimCaseFacts()).map((c, i) => c.as(`rule_${i}`))])
        .orderBy('victim_case.id')
        .execute();
      // A page past the end has no row to carry the total: count then.
      const total =
        rows.length > 0
          ? Number(rows[0]!.total)
          : query.offset === 0
            ? 0
            : Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const matchedOf = (row: Record<string, unknown>) => fieldRules.rules.map((_, i) => Boolean(row[`rule_${i}`]));
      const narrowed = fieldRules.narrowsByReferral ? rows.filter((row) => fieldRules.fields(matchedOf(row), []) !== undefined) : [];
      const shared = narrowed.length
        ? await this.#sharedFieldsOf(
            trx,
            narrowed.map((r) => r.id),
          )
        : new Map<string, string[]>();
      const items = rows.map(
        (row) => stripFields(toView(row), fieldRules.fields(matchedOf(row), shared.get(row.id) ?? []), ALWAYS) as VisibleVictimCase,
      );
      await appendAuditEvents(
        trx,
        items.map((item) =>
          access.audit({
            action: 'search',
            record_type: 'victim_case',
            record_id: item.id,
            person_id: item.person_id,
            fields: Object.keys(item),
          }),
        ),
      );
      return { items, total };
    });
  }

  /** The fields the user's organisation's live referrals of each case share (asked only for cases seen through a referral). */
  async #sharedFieldsOf(db: Kysely<Database>, caseIds: string[]): Promise<Map<string, string[]>> {
    const org = this.#access.actor.organisation_id;
    if (!org || caseIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('referral')
      .select(['victim_case_id', 'shared_fields'])
      .where('victim_case_id', 'in', caseIds)
      .where('to_organisation_id', '=', org)
      .where('status', 'in', ['sent', 'accepted'])
      .execute();
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.victim_case_id, [...new Set([...(out.get(r.victim_case_id) ?? []), ...r.shared_fields])]);
    return out;
  }

  /** Audits the refusal in its own transaction (the request fails), then refuses. */
  async #denied(id: string): Promise<never> {
    await this.#db.transaction().execute(async (trx) => {
      await appendAuditEvent(
        trx,
        this.#access.audit({ action: 'access_denied', record_type: 'victim_case', record_id: id, reason: 'conflict_of_interest' }),
      );
    });
    throw new ApiError('OPENNRM_CONFLICT_OF_INTEREST');
  }

  #select(db: Kysely<Database> | Transaction<Database>) {
    return db
      .selectFrom('victim_case')
      .leftJoin('organisation', 'organisation.id', 'victim_case.identifying_organisation_id')
      .selectAll('victim_case')
      .select('organisation.code as identifying_organisation_code');
  }

  async #assertCaseNumberFree(caseNumber: string): Promise<void> {
    const taken = await this.#db.selectFrom('victim_case').select('id').where('case_number', '=', caseNumber).executeTakeFirst();
    if (taken) throw new ApiError('OPENNRM_CONFLICT', problem('victim_case_number_taken'));
  }

  /**
   * Checks the rules a schema cannot and computes the derived fields; `birthYear` is the person's (person.birth_year).
   * @throws ApiError OPENNRM_VALIDATION naming every bad field at once.
   */
  #derive(
    facts: Omit<Stored, 'is_child' | 'reporting_year'> & Partial<Pick<Stored, 'is_child' | 'reporting_year'>>,
    birthYear: number | null,
  ): Stored {
    // The domain's rules (victims/victim-case-rules.ts), checked on the merged record so that an
    // update cannot leave the status and its dates inconsistent.
    const problems = [
      ...victimCaseDateProblems(
        { ...facts, nrm_status: facts.nrm_status as NrmStatus },
        localToday(this.#ctx.profile.annual_report.time_zone),
      ),
      ...[exploitationStartProblem(facts.exploitation_started_on, birthYear)].filter((p) => p !== null),
      ...countryCodeProblems('countries_of_exploitation', facts.countries_of_exploitation),
      ...regionProblems('regions_of_exploitation', facts.regions_of_exploitation, this.#ctx.profile),
    ];
    if (problems.length > 0) {
      const fields = problems.map(({ field, ...rule }) => ({ path: `body.${field}`, reason: problemText(rule), ...rule }));
      throw new ApiError('OPENNRM_VALIDATION', fields.map((p) => `${p.path}: ${p.reason}`).join('; '), fields);
    }
    try {
      parseAgeBand(facts.age_band);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw invalidField('body.age_band', problem('age_band_reversed', { age_band: facts.age_band ?? '' }));
    }
    return {
      ...facts,
      is_child: countsAsChild(facts),
      reporting_year: reportingYear(facts.identified_on, facts.registration_year),
    };
  }
}
