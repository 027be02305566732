import { problem } from '@opennrm/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { invalidField } from '../http/errors.ts';
import type { RecordContext } from '../shared/record-context.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An organisation as the API shows it. */
export interface OrganisationView {
  id: string;
  code: string;
  name: string;
  kind: string;
  functions: string[];
  region: string | null;
  from_profile: boolean;
}

/** Filters of the organisation list. */
export interface OrganisationFilter {
  kind?: string | undefined;
  function?: string | undefined;
  region?: string | undefined;
}

/** Organisations: the profile's institutions and those an administrator added. Not personal data. */
export class OrganisationsRepository {
  readonly #db: Kysely<Database>;
  constructor(ctx: RecordContext) {
    this.#db = ctx.db;
  }

  /** Every organisation matching the filter, by code. */
  async list(filter: OrganisationFilter): Promise<OrganisationView[]> {
    let query = this.#db.selectFrom('organisation').select(['id', 'code', 'name', 'kind', 'functions', 'region', 'from_profile']);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.region) query = query.where('region', '=', filter.region);
    if (filter.function) query = query.where((eb) => eb(eb.val(filter.function), '=', eb.fn.any('functions')));
    return query.orderBy('code').execute();
  }
}

/**
 * Resolves an organisation given by code ("ANITP") or id to its id and code.
 * @param field the request field it came from, named in the error.
 * @throws ApiError OPENNRM_VALIDATION naming `field` when no organisation matches.
 */
export async function resolveOrganisation(db: Kysely<Database>, ref: string, field: string): Promise<{ id: string; code: string }> {
  const org = await db
    .selectFrom('organisation')
    .select(['id', 'code'])
    .where(UUID.test(ref) ? 'id' : 'code', '=', ref)
    .executeTakeFirst();
  if (!org) throw invalidField(field, problem('no_organisation_with_ref'));
  return org;
}
