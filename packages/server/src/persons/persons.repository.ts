import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Database, PersonTable } from '../db/schema.ts';
import { isoInstant } from '../http/common.schemas.ts';
import { staleVersion, type IfMatch } from '../http/preconditions.ts';
import type { Keyring } from '../security/crypto/keyring.ts';
import { eraseIdentity, findPersonsByDocument, findPersonsByName, readIdentity, writeIdentity } from '../security/crypto/identity-store.ts';
import { newId } from '../shared/ids.ts';
import type { RecordContext } from '../shared/record-context.ts';
import { IDENTITY_FIELDS, type JurisdictionProfile } from '@opennrm/domain';
import { assertBirthPossible } from '../shared/date-bounds.ts';
import { appendAuditEvent, appendAuditEvents } from '../audit/append-audit-event.ts';
import { stripFields, type AccessControl } from '../access/access-control.ts';
import { personFacts } from '../access/facts.ts';
import type { AnyExpressionBuilder } from '../access/policy-sql.ts';
import { sql } from 'kysely';
import type { CreatePerson, Identity, PersonDetail, PersonQuery, PersonSearch, PersonView, UpdatePerson } from './persons.schemas.ts';

function toView(row: Selectable<PersonTable>): PersonView {
  return {
    id: row.id,
    sex: row.sex as PersonView['sex'],
    birth_year: row.birth_year,
    citizenships: row.citizenships,
    synthetic: row.synthetic,
    version: row.version,
    created_at: isoInstant(row.created_at),
    updated_at: isoInstant(row.updated_at),
  };
}

const birthYearOf = (identity: Identity | null | undefined) =>
  identity?.date_of_birth ? Number(identity.date_of_birth.slice(0, 4)) : undefined;

/**
 * The fields the user's organisation's live referrals share of the person
 * (`prefix` "identity." or "person.", removed: "identity.x" -> "x").
 */
function sharedPersonFields(access: AccessControl, subject: 'Person' | 'PersonIdentity', personRef: string) {
  const org = access.actor.organisation_id;
  if (!org || !access.fieldRules('read', subject).narrowsByReferral) return sql<string[] | null>`NULL::text[]`;
  const prefix = subject === 'Person' ? 'person.' : 'identity.';
  return sql<string[] | null>`(SELECT array_agg(DISTINCT substr(f, ${prefix.length + 1})) FROM referral sf
    JOIN victim_case sv ON sv.id = sf.victim_case_id, unnest(sf.shared_fields) AS u(f)
    WHERE sv.person_id = ${sql.ref(personRef)} AND sf.to_organisation_id = ${org} AND sf.status IN ('sent', 'accepted') AND f LIKE ${`${prefix}%`})`;
}

/** Fields of a person every reader sees: the pseudonymous id and record keeping. */
const ALWAYS = ['id', 'synthetic', 'version', 'created_at', 'updated_at'];

/**
 * Columns to select with each person row so that `visiblePerson` can narrow
 * it: one boolean per granting rule and the fields the user's referrals
 * share. None for a user no referral narrows (most users: no extra cost).
 */
function personFieldColumns(access: AccessControl, eb: AnyExpressionBuilder) {
  const rules = access.fieldRules('read', 'Person');
  if (!rules.narrowsByReferral) return [];
  return [
    ...rules.columns(eb, personFacts(access)).map((c, i) => c.as(`person_rule_${i}`)),
    sharedPersonFields(access, 'Person', 'person.id').as('shared_person'),
  ];
}

/** The person as the user may see it: a provider reading through a referral sees sex, birth year and citizenships only as shared. */
function visiblePerson(access: AccessControl, row: Selectable<PersonTable>): PersonView {
  const rules = access.fieldRules('read', 'Person');
  if (!rules.narrowsByReferral) return toView(row);
  const record = row as typeof row & Record<string, unknown>;
  const matched = rules.rules.map((_, i) => Boolean(record[`person_rule_${i}`]));
  return stripFields(toView(row), rules.fields(matched, (record.shared_person as string[] | null) ?? []), ALWAYS) as PersonView;
}

/**
 * Persons and their identifying data. Every method applies the access policy
 * (docs/access-policy.md) in SQL and audits in the same transaction: a person
 * the user may not see is "not found"; identity is returned only with the
 * fields the user may see (a prosecutor: names and date of birth; a receiving
 * organisation: what the referral shares; GDPR art. 5(1)(c), art. 9).
 * Identity is stored only sealed
 * (security/crypto/, docs/encryption.md) and opened only by `get`, the one
 * place that returns it; `search` matches it through blind indexes.
 */
export class PersonsRepository {
  readonly #db: Kysely<Database>;
  readonly #keyring: Keyring;
  readonly #access: AccessControl;
  readonly #profile: JurisdictionProfile;
  constructor(ctx: RecordContext) {
    this.#db = ctx.db;
    this.#keyring = ctx.keyring;
    this.#access = ctx.access;
    this.#profile = ctx.profile;
  }

  /**
   * Records a person (and identity, when given) in one transaction.
   * @throws ApiError 400 naming body.birth_year (after this year) or body.identity.date_of_birth (before 1900, after today).
   */
  async create(input: CreatePerson): Promise<PersonDetail> {
    this.#access.assertCan('create', 'Person');
    if (input.identity) this.#access.assertCan('create', 'PersonIdentity');
    assertBirthPossible(input, this.#profile);
    const id = newId();
    await this.#db.transaction().execute(async (tx) => {
      await tx
        .insertInto('person')
        .values({
          id,
          sex: input.sex,
          birth_year: input.birth_year ?? birthYearOf(input.identity) ?? null,
          citizenships: input.citizenships,
          created_by_user_id: this.#access.actor.user_id,
        })
        .execute();
      if (input.identity) await writeIdentity(tx, this.#keyring, id, input.identity);
      await appendAuditEvent(
        tx,
        this.#access.audit({ action: 'create', record_type: 'person', record_id: id, person_id: id, fields: fieldNames(input) }),
      );
    });
    return (await this.get(id))!;
  }

  /** A person with identity, or undefined when there is none with that id. */
  async get(id: string): Promise<PersonDetail | undefined> {
    const access = this.#access;
    const identityRules = access.fieldRules('read', 'PersonIdentity');
    return this.#db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('person')
        .selectAll()
        .select((eb) => [
          ...identityRules.columns(eb, personFacts(access)).map((c, i) => c.as(`rule_${i}`)),
          sharedPersonFields(access, 'PersonIdentity', 'person.id').as('shared_identity'),
          ...personFieldColumns(access, eb),
        ])
        .where('id', '=', id)
        .where((eb) => access.filter(eb, 'read', 'Person', personFacts(access)))
        .executeTakeFirst();
      if (!row) return undefined;
      const record = row as typeof row & Record<string, unknown>;
      const matched = identityRules.rules.map((_, i) => Boolean(record[`rule_${i}`]));
      const allowed = identityRules.fields(matched, row.shared_identity ?? []);
      const mayReadIdentity = access.bypass || matched.some(Boolean);
      const stored = mayReadIdentity ? await readIdentity(tx, this.#keyring, id) : undefined;
      const identity = stored ? (stripFields(stored as Record<string, unknown>, allowed, []) as Identity) : null;
      await appendAuditEvent(
        tx,
        access.audit({
          action: 'read',
          record_type: identity ? 'person_identity' : 'person',
          record_id: id,
          person_id: id,
          fields: identity ? Object.keys(identity) : [],
        }),
      );
      return { ...visiblePerson(access, row), identity };
    });
  }

  /**
   * Changes the fields given. Identity fields given replace the stored ones
   * (the rest are kept); `identity: null` erases the identity.
   *
   * Optimistic concurrency (RFC 9110 §13.1.1; docs/errors.md, OPENNRM_STALE_VERSION): with `ifMatch` tags the row
   * is written only while its version is one of them. The UPDATE of the row comes first and locks it, so the
   * identity's read-merge-write below is never interleaved with another edit of the same person.
   * @param ifMatch the request's If-Match (parseIfMatch); none: last writer wins, as before edit versions.
   * @returns the person, or undefined when there is none with that id (or none the user may change).
   * @throws ApiError 400 naming body.birth_year (after this year) or body.identity.date_of_birth (before 1900, after today);
   *   OPENNRM_STALE_VERSION (412) when the person is no longer at the version If-Match names.
   */
  async update(id: string, patch: UpdatePerson, ifMatch: IfMatch = { kind: 'none' }): Promise<PersonDetail | undefined> {
    const access = this.#access;
    assertBirthPossible(patch, this.#profile);
    const found = await this.#db.transaction().execute(async (tx) => {
      const { identity, ...fields } = patch;
      const mayChange = (eb: ExpressionBuilder<Database, 'person'>) =>
        eb.and([
          eb('id', '=', id),
          access.filter(eb, 'update', 'Person', personFacts(access)),
          identity === undefined ? sql<boolean>`true` : access.filter(eb, 'update', 'PersonIdentity', personFacts(access)),
        ]);
      // Only "4"-like tags (up to 9 digits: an integer column) can be a version; any other matches nothing (an empty IN list is never true).
      const versions =
        ifMatch.kind === 'tags' ? ifMatch.tags.filter((t) => /^"[1-9]\d{0,8}"$/.test(t)).map((t) => Number(t.slice(1, -1))) : [];
      const updated = await tx
        .updateTable('person')
        .set({ ...fields, updated_at: new Date() })
        .where(mayChange)
        .$if(ifMatch.kind === 'tags', (q) => q.where((eb) => (versions.length ? eb('version', 'in', versions) : sql<boolean>`false`)))
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) {
        // A person the user may change but at another version is a stale edit; any other is "not found" (404 reveals nothing).
        const current =
          ifMatch.kind === 'tags' ? await tx.selectFrom('person').select('version').where(mayChange).executeTakeFirst() : undefined;
        if (current) throw staleVersion(ifMatch, current.version, `Person ${id}`);
        return false;
      }
      await appendAuditEvent(
        tx,
        access.audit({
          action: identity === null ? 'erase' : 'update',
          record_type: 'person',
          record_id: id,
          person_id: id,
          fields: fieldNames(patch),
        }),
      );
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
    const access = this.#access;
    return this.#db.transaction().execute(async (tx) => {
      const rows = await tx
        .selectFrom('person')
        .selectAll()
        .select((eb) => personFieldColumns(access, eb))
        .where('id', 'in', ids)
        .where((eb) => access.filter(eb, 'read', 'Person', personFacts(access)))
        .orderBy('id')
        .execute();
      await appendAuditEvents(
        tx,
        rows.map((r) =>
          access.audit({ action: 'search', record_type: 'person', record_id: r.id, person_id: r.id, fields: Object.keys(query) }),
        ),
      );
      return rows.map((r) => visiblePerson(access, r));
    });
  }

  /** A page of persons, without identity, oldest first. */
  async list(query: PersonQuery): Promise<{ items: PersonView[]; total: number }> {
    const access = this.#access;
    return this.#db.transaction().execute(async (tx) => {
      let base = tx.selectFrom('person').where((eb) => access.filter(eb, 'read', 'Person', personFacts(access)));
      if (query.sex) base = base.where('sex', '=', query.sex);
      if (query.birth_year != null) base = base.where('birth_year', '=', query.birth_year);
      if (query.synthetic != null) base = base.where('synthetic', '=', query.synthetic);
      if (query.citizenship) base = base.where((eb) => eb(eb.val(query.citizenship), '=', eb.fn.any('citizenships')));
      const [rows, count] = await Promise.all([
        base
          .selectAll()
          .select((eb) => personFieldColumns(access, eb))
          .orderBy('id')
          .limit(query.limit)
          .offset(query.offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      await appendAuditEvents(
        tx,
        rows.map((r) => access.audit({ action: 'search', record_type: 'person', record_id: r.id, person_id: r.id })),
      );
      return { items: rows.map((r) => visiblePerson(access, r)), total: Number(count.n) };
    });
  }
}

/** Names of the fields a request gives, identity fields as "identity.<name>" (never values). */
function fieldNames(input: CreatePerson | UpdatePerson): string[] {
  const { identity, ...fields } = input;
  return [
    ...Object.keys(fields),
    ...(identity
      ? Object.keys(identity).map((f) => `identity.${f}`)
      : identity === null
        ? IDENTITY_FIELDS.map((f) => `identity.${f}`)
        : []),
  ];
}
