import type { Kysely, Selectable } from 'kysely';
import type { Database, PersonTable } from '../db/schema.ts';
import { isoInstant } from '../http/common.schemas.ts';
import type { Keyring } from '../security/crypto/keyring.ts';
import { eraseIdentity, findPersonsByDocument, findPersonsByName, readIdentity, writeIdentity } from '../security/crypto/identity-store.ts';
import { newId } from '../shared/ids.ts';
import type { RecordContext } from '../shared/record-context.ts';
import type { CreatePerson, Identity, PersonDetail, PersonQuery, PersonSearch, PersonView, UpdatePerson } from './persons.schemas.ts';

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
 * Persons and their identifying data. Identity is stored only sealed
 * (security/crypto/, docs/encryption.md) and opened only by `get`, the one
 * place that returns it; `search` matches it through blind indexes.
 */
export class PersonsRepository {
  readonly #db: Kysely<Database>;
  readonly #keyring: Keyring;
  constructor(ctx: RecordContext) {
    this.#db = ctx.db;
    this.#keyring = ctx.keyring;
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
      if (input.identity) await writeIdentity(tx, this.#keyring, id, input.identity);
    });
    return (await this.get(id))!;
  }

  /** A person with identity, or undefined when there is none with that id. */
  async get(id: string): Promise<PersonDetail | undefined> {
    const row = await this.#db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const identity = await readIdentity(this.#db, this.#keyring, id);
    return { ...toView(row), identity: (identity as Identity | undefined) ?? null };
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
      if (identity === null) await eraseIdentity(tx, id);
      if (identity) {
        const stored = await readIdentity(tx, this.#keyring, id);
        await writeIdentity(tx, this.#keyring, id, { ...stored, ...identity });
      }
      return true;
    });
    return found ? this.get(id) : undefined;
  }

  /**
   * Persons whose name (family name, given names, or the full name in any word
   * order) or document number equals the query exactly after normalisation
   * (security/crypto/normalise.ts): blind-index lookup, then decrypt and
   * compare, so no false positive of the truncated index is returned.
   * @returns the persons, without identity, in id order.
   * @throws IdentityCryptoError SEARCH_VALUE_EMPTY when the value is only spaces and punctuation.
   */
  async search(query: PersonSearch): Promise<PersonView[]> {
    const ids =
      query.name !== undefined
        ? await findPersonsByName(this.#db, this.#keyring, query.name)
        : await findPersonsByDocument(this.#db, this.#keyring, query.document!);
    if (ids.length === 0) return [];
    const rows = await this.#db.selectFrom('person').selectAll().where('id', 'in', ids).orderBy('id').execute();
    return rows.map(toView);
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
