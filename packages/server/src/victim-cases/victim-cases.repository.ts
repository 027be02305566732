import type { Kysely, Selectable } from 'kysely';
import { countsAsChild, parseAgeBand, reportingYear } from '@opennrm/domain';
import type { Database, VictimCaseTable } from '../db/schema.ts';
import { ApiError, invalidField } from '../http/errors.ts';
import { isoInstant } from '../http/common.schemas.ts';
import { resolveOrganisation } from '../organisations/organisations.repository.ts';
import { newId } from '../shared/ids.ts';
import type { RecordContext } from '../shared/record-context.ts';
import type { CreateVictimCase, UpdateVictimCase, VictimCaseQuery, VictimCaseView } from './victim-cases.schemas.ts';

type Row = Selectable<VictimCaseTable> & { identifying_organisation_code: string | null };
type Stored = Omit<
  Selectable<VictimCaseTable>,
  'id' | 'person_id' | 'created_at' | 'updated_at' | 'synthetic' | 'import_batch_id' | 'source_ref'
>;

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
    is_child: row.is_child,
    reporting_year: row.reporting_year,
    synthetic: row.synthetic,
    created_at: isoInstant(row.created_at),
    updated_at: isoInstant(row.updated_at),
  };
}

/**
 * Victim cases: a person's journey through the NRM. Every write recomputes
 * `is_child` (countsAsChild, Palermo Protocol art. 3(d)) and `reporting_year`
 * (reportingYear, docs/statistics.md) from the stored facts, so statistics
 * never read a stale flag.
 */
export class VictimCasesRepository {
  readonly #ctx: RecordContext;
  readonly #db: Kysely<Database>;
  constructor(ctx: RecordContext) {
    this.#ctx = ctx;
    this.#db = ctx.db;
  }

  /**
   * Opens a victim case for an existing person.
   * @throws ApiError OPENNRM_VALIDATION (unknown person_id, organisation or region, missing decision date, bad age band),
   *   OPENNRM_CONFLICT when the case number is taken.
   */
  async create(input: CreateVictimCase): Promise<VictimCaseView> {
    const person = await this.#db.selectFrom('person').select('id').where('id', '=', input.person_id).executeTakeFirst();
    if (!person) throw invalidField('body.person_id', 'no person with this id');
    await this.#assertCaseNumberFree(input.case_number);
    const { identifying_organisation, person_id, ...facts } = input;
    const organisationId = identifying_organisation
      ? (await resolveOrganisation(this.#db, identifying_organisation, 'body.identifying_organisation')).id
      : null;
    const stored = this.#derive({
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
    });
    const id = newId();
    await this.#db
      .insertInto('victim_case')
      .values({ id, person_id, ...stored })
      .execute();
    return (await this.get(id))!;
  }

  /** One case, or undefined. */
  async get(id: string): Promise<VictimCaseView | undefined> {
    const row = await this.#select().where('victim_case.id', '=', id).executeTakeFirst();
    return row && toView(row);
  }

  /**
   * Changes the fields given and recomputes is_child and reporting_year.
   * @returns the case, or undefined when there is none with that id.
   * @throws ApiError as for create.
   */
  async update(id: string, patch: UpdateVictimCase): Promise<VictimCaseView | undefined> {
    const current = await this.#db.selectFrom('victim_case').selectAll().where('id', '=', id).executeTakeFirst();
    if (!current) return undefined;
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
      ...stored
    } = current;
    const next = this.#derive({ ...stored, ...facts, identifying_organisation_id: organisationId });
    await this.#db
      .updateTable('victim_case')
      .set({ ...next, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    return this.get(id);
  }

  /** A page of cases matching the filters, oldest first. */
  async list(query: VictimCaseQuery): Promise<{ items: VictimCaseView[]; total: number }> {
    let organisationId: string | undefined;
    if (query.identifying_organisation) {
      organisationId = (await resolveOrganisation(this.#db, query.identifying_organisation, 'query.identifying_organisation')).id;
    }
    let base = this.#db.selectFrom('victim_case');
    if (query.nrm_status) base = base.where('victim_case.nrm_status', '=', query.nrm_status);
    if (query.reporting_year != null) base = base.where('victim_case.reporting_year', '=', query.reporting_year);
    if (query.case_number) base = base.where('victim_case.case_number', '=', query.case_number);
    if (query.person_id) base = base.where('victim_case.person_id', '=', query.person_id);
    if (query.is_child != null) base = base.where('victim_case.is_child', '=', query.is_child);
    if (query.synthetic != null) base = base.where('victim_case.synthetic', '=', query.synthetic);
    if (organisationId) base = base.where('victim_case.identifying_organisation_id', '=', organisationId);
    if (query.form) base = base.where((eb) => eb(eb.val<string>(query.form!), '=', eb.fn.any('victim_case.forms')));
    const [rows, count] = await Promise.all([
      base
        .leftJoin('organisation', 'organisation.id', 'victim_case.identifying_organisation_id')
        .selectAll('victim_case')
        .select('organisation.code as identifying_organisation_code')
        .orderBy('victim_case.id')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toView), total: Number(count.n) };
  }

  #select() {
    return this.#db
      .selectFrom('victim_case')
      .leftJoin('organisation', 'organisation.id', 'victim_case.identifying_organisation_id')
      .selectAll('victim_case')
      .select('organisation.code as identifying_organisation_code');
  }

  async #assertCaseNumberFree(caseNumber: string): Promise<void> {
    const taken = await this.#db.selectFrom('victim_case').select('id').where('case_number', '=', caseNumber).executeTakeFirst();
    if (taken) throw new ApiError('OPENNRM_CONFLICT', `A victim case with case_number "${caseNumber}" exists.`);
  }

  /** Checks the rules a schema cannot and computes the derived fields. */
  #derive(facts: Omit<Stored, 'is_child' | 'reporting_year'> & Partial<Pick<Stored, 'is_child' | 'reporting_year'>>): Stored {
    const regions = new Set(this.#ctx.profile.regions.map((r) => r.code));
    facts.regions_of_exploitation.forEach((region, i) => {
      if (!regions.has(region))
        throw invalidField(`body.regions_of_exploitation.${i}`, `"${region}" is not a region of the ${this.#ctx.profile.name} profile`);
    });
    if (facts.nrm_status === 'identified' && !facts.identified_on)
      throw invalidField('body.identified_on', 'required when nrm_status is identified');
    if (facts.nrm_status === 'not_a_victim' && !facts.not_a_victim_on)
      throw invalidField('body.not_a_victim_on', 'required when nrm_status is not_a_victim');
    try {
      parseAgeBand(facts.age_band);
    } catch (error) {
      throw invalidField('body.age_band', (error as Error).message);
    }
    return {
      ...facts,
      is_child: countsAsChild(facts),
      reporting_year: reportingYear(facts.identified_on, facts.registration_year),
    };
  }
}
