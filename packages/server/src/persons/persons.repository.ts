import type { Kysely, Selectable } from 'kysely';
import type { Database, PersonTable } from '../db/schema.ts';
import { isoInstant } from '../http/common.schemas.ts';
import { newId } from '../shared/ids.ts';
import type { RecordContext } from '../shared/record-context.ts';
import type { CreatePerson, Identity, PersonDetail, PersonQuery, PersonView, UpdatePerson } from './persons.schemas.ts';

function toView(row: Selectable<PersonTable>): PersonView {
  return {
    id: row.id,
    sex: row.sex as PersonView['sex'],
    birth_year: row.birth_year,
    citizenships: row.citizenships,
    synthetic: row.synthetic,
    created_at: isoInstant(row.created_at),
    updated_at: isoInstant(row.updated_at),
  };
}

const birthYearOf = (identity: Identity | null | undefined) =>
  identity?.date_of_birth ? Number(identity.date_of_birth.slice(0, 4)) : undefined;

/**
 * Persons and their identifying data. Identity is read only by `get`, the one
 * place issue 3 will check need-to-know, decrypt and audit.
 */
export class PersonsRepository {
  readonly #db: Kysely<Database>;
  constructor(ctx: RecordContext) {
    this.#db = ctx.db;
  }

  /** Records a person (and identity, when given) in one transaction. */
  async create(input: CreatePerson): Promise<PersonDetail> {
    const id = newId();
    await this.#db.transaction().execute(async (tx) => {
      await tx
        .insertInto('person')
        .values({
          id,
          sex: input.sex,
          birth_year: input.birth_year ?? birthYearOf(input.identity) ?? null,
          citizenships: input.citizenships,
        })
        .execute();
      if (input.identity)
        await tx
          .insertInto('person_identity')
          .values({ person_id: id, data: JSON.stringify(input.identity) })
          .execute();
    });
    return (await this.get(id))!;
  }

  /** A person with identity, or undefined when there is none with that id. */
  async get(id: string): Promise<PersonDetail | undefined> {
    const row = await this.#db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const identity = await this.#db.selectFrom('person_identity').select('data').where('person_id', '=', id).executeTakeFirst();
    return { ...toView(row), identity: (identity?.data as Identity | undefined) ?? null };
  }

  /**
   * Changes the fields given. Identity fields given replace the stored ones
   * (the rest are kept); `identity: null` erases the identity.
   * @returns the person, or undefined when there is none with that id.
   */
  async update(id: string, patch: UpdatePerson): Promise<PersonDetail | undefined> {
    const found = await this.#db.transaction().execute(async (tx) => {
      const { identity, ...fields } = patch;
      const updated = await tx
        .updateTable('person')
        .set({ ...fields, updated_at: new Date() })
        .where('id', '=', id)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) return false;
      if (identity === null) await tx.deleteFrom('person_identity').where('person_id', '=', id).execute();
      if (identity) {
        const stored = await tx.selectFrom('person_identity').select('data').where('person_id', '=', id).executeTakeFirst();
        const data = JSON.stringify({ ...(stored?.data ?? {}), ...identity });
        await tx
          .insertInto('person_identity')
          .values({ person_id: id, data })
          .onConflict((oc) => oc.column('person_id').doUpdateSet({ data, updated_at: new Date() }))
          .execute();
      }
      return true;
    });
    return found ? this.get(id) : undefined;
  }

  /** A page of persons, without identity, oldest first. */
  async list(query: PersonQuery): Promise<{ items: PersonView[]; total: number }> {
    let base = this.#db.selectFrom('person');
    if (query.sex) base = base.where('sex', '=', query.sex);
    if (query.birth_year != null) base = base.where('birth_year', '=', query.birth_year);
    if (query.synthetic != null) base = base.where('synthetic', '=', query.synthetic);
    if (query.citizenship) base = base.where((eb) => eb(eb.val(query.citizenship), '=', eb.fn.any('citizenships')));
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy('id').limit(query.limit).offset(query.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toView), total: Number(count.n) };
  }
}
