import type { Kysely, Selectable } from 'kysely';
import { daysUntil, licenceStatus, subject, type JurisdictionProfile, problem } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import type { ServiceFacilityTable } from './service-directory-tables.ts';
import { ApiError, invalidField } from '../http/errors.ts';
import { isoInstant } from '../http/common.schemas.ts';
import { resolveOrganisation } from '../organisations/organisations.repository.ts';
import type { AccessControl } from '../access/access-control.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { newId } from '../shared/ids.ts';
import type { RecordContext } from '../shared/record-context.ts';
import { addDays, localDay } from './local-day.ts';
import type {
  CreateServiceFacility,
  ServiceFacilityQuery,
  ServiceFacilityView,
  UpdateServiceFacility,
} from './service-facilities.schemas.ts';

/**
 * The service directory (issue 4 point 4): facilities of government and NGO
 * providers with county, services, places and licence. Not personal data:
 * everyone reads it; the coordinator and administrators change it; a
 * provider's case workers and managers update their own free places
 * (policy rules everyone.service_directory, directory.manage_facilities,
 * service_provider.free_places). Changes are audited; reads are not, as
 * nothing in the directory is about a person.
 */
export class ServiceFacilitiesRepository {
  readonly #db: Kysely<Database>;
  readonly #access: AccessControl;
  readonly #profile: JurisdictionProfile;
  readonly #now: () => Date;
  constructor(ctx: RecordContext, now: () => Date = () => new Date()) {
    this.#db = ctx.db;
    this.#access = ctx.access;
    this.#profile = ctx.profile;
    this.#now = now;
  }

  /**
   * Adds a facility.
   * @throws ApiError OPENNRM_VALIDATION naming the field (unknown organisation or county, free_places above capacity,
   *   a licence number without its expiry), OPENNRM_CONFLICT when the code is taken.
   */
  async create(input: CreateServiceFacility): Promise<ServiceFacilityView> {
    this.#access.assertCan('create', 'ServiceFacility');
    const organisation = await resolveOrganisation(this.#db, input.organisation, 'body.organisation');
    const row = {
      region: input.region,
      capacity: input.capacity ?? null,
      free_places: input.free_places ?? null,
      licence_number: input.licence_number ?? null,
      licence_authority: input.licence_authority ?? null,
      licence_expires_on: input.licence_expires_on ?? null,
    };
    this.#check(row);
    const taken = await this.#db.selectFrom('service_facility').select('id').where('code', '=', input.code).executeTakeFirst();
    if (taken) throw new ApiError('OPENNRM_CONFLICT', problem('facility_code_taken', { code: input.code }));
    const id = newId();
    const now = this.#now();
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('service_facility')
        .values({
          id,
          organisation_id: organisation.id,
          code: input.code,
          name: input.name,
          services: input.services,
          accepts_children: input.accepts_children,
          accepts_adults: input.accepts_adults,
          dedicated_to_trafficking: input.dedicated_to_trafficking,
          active: input.active,
          ...row,
          free_places_updated_at: row.free_places != null ? now : null,
          free_places_updated_by: row.free_places != null ? this.#access.actor.user_id : null,
        })
        .execute();
      await appendAuditEvent(
        trx,
        this.#access.audit({ action: 'create', record_type: 'service_facility', record_id: id, fields: Object.keys(input) }),
      );
    });
    return (await this.get(id))!;
  }

  /** One facility, or undefined. */
  async get(id: string): Promise<ServiceFacilityView | undefined> {
    this.#access.assertCan('read', 'ServiceFacility');
    const row = await this.#select().where('service_facility.id', '=', id).executeTakeFirst();
    return row ? this.#toView(row) : undefined;
  }

  /**
   * Changes a facility. The coordinator and administrators change anything; a provider's staff only free_places.
   * Setting free_places stamps free_places_updated_at and _by.
   * @throws ApiError OPENNRM_FORBIDDEN naming the fields the user may not change, OPENNRM_VALIDATION as create.
   */
  async update(id: string, patch: UpdateServiceFacility): Promise<ServiceFacilityView | undefined> {
    const access = this.#access;
    const current = await this.#db.selectFrom('service_facility').selectAll().where('id', '=', id).executeTakeFirst();
    if (!current) return undefined;
    if (!access.bypass) {
      const facts = subject('ServiceFacility', { organisation_id: current.organisation_id });
      if (!access.ability.can('update', facts)) return undefined;
      const refused = Object.keys(patch).filter((field) => !access.ability.can('update', facts, field));
      if (refused.length > 0)
        throw new ApiError('OPENNRM_FORBIDDEN', problem('provider_changes_free_places_only', { fields: refused.join(', ') }));
    }
    const merged = {
      region: patch.region ?? current.region,
      capacity: patch.capacity !== undefined ? patch.capacity : current.capacity,
      free_places: patch.free_places !== undefined ? patch.free_places : current.free_places,
      licence_number: patch.licence_number !== undefined ? patch.licence_number : current.licence_number,
      licence_authority: patch.licence_authority !== undefined ? patch.licence_authority : current.licence_authority,
      licence_expires_on: patch.licence_expires_on !== undefined ? patch.licence_expires_on : current.licence_expires_on,
    };
    this.#check(merged);
    const now = this.#now();
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .updateTable('service_facility')
        .set({
          ...patch,
          ...merged,
          ...(patch.free_places !== undefined ? { free_places_updated_at: now, free_places_updated_by: access.actor.user_id } : {}),
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      await appendAuditEvent(
        trx,
        access.audit({ action: 'update', record_type: 'service_facility', record_id: id, fields: Object.keys(patch) }),
      );
    });
    return this.get(id);
  }

  /** A page of facilities matching the filters, by county then code; active ones unless `active=false`. */
  async list(query: ServiceFacilityQuery): Promise<{ items: ServiceFacilityView[]; total: number }> {
    this.#access.assertCan('read', 'ServiceFacility');
    let base = this.#db
      .selectFrom('service_facility')
      .innerJoin('organisation', 'organisation.id', 'service_facility.organisation_id')
      .where('service_facility.active', '=', query.active ?? true);
    if (query.region) base = base.where('service_facility.region', '=', query.region);
    if (query.service) base = base.where((eb) => eb(eb.val<string>(query.service!), '=', eb.fn.any('service_facility.services')));
    if (query.has_free_places != null)
      base = base.where((eb) =>
        query.has_free_places
          ? eb('service_facility.free_places', '>', 0)
          : eb.or([eb('service_facility.free_places', 'is', null), eb('service_facility.free_places', '=', 0)]),
      );
    if (query.accepts_children != null) base = base.where('service_facility.accepts_children', '=', query.accepts_children);
    if (query.provider_type) base = base.where('organisation.kind', query.provider_type === 'ngo' ? '=' : '<>', 'ngo');
    if (query.organisation) {
      const org = await resolveOrganisation(this.#db, query.organisation, 'query.organisation');
      base = base.where('service_facility.organisation_id', '=', org.id);
    }
    if (query.licence_status) {
      const today = this.#today();
      const warnUntil = addDays(today, this.#profile.services.licence_warning_days);
      const col = 'service_facility.licence_expires_on' as const;
      base = base.where((eb) => {
        switch (query.licence_status) {
          case 'none':
            return eb(col, 'is', null);
          case 'expired':
            return eb(col, '<', today);
          case 'expiring':
            return eb.and([eb(col, '>=', today), eb(col, '<=', warnUntil)]);
          default:
            return eb(col, '>', warnUntil);
        }
      });
    }
    const [rows, count] = await Promise.all([
      base
        .selectAll('service_facility')
        .select([
          'organisation.code as organisation_code',
          'organisation.name as organisation_name',
          'organisation.kind as organisation_kind',
        ])
        .orderBy('service_facility.region')
        .orderBy('service_facility.code')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((r) => this.#toView(r)), total: Number(count.n) };
  }

  #select() {
    return this.#db
      .selectFrom('service_facility')
      .innerJoin('organisation', 'organisation.id', 'service_facility.organisation_id')
      .selectAll('service_facility')
      .select([
        'organisation.code as organisation_code',
        'organisation.name as organisation_name',
        'organisation.kind as organisation_kind',
      ]);
  }

  #today(): string {
    return localDay(this.#now(), this.#profile.annual_report.time_zone);
  }

  /** @throws ApiError OPENNRM_VALIDATION naming the field that breaks a rule of the directory. */
  #check(row: {
    region: string;
    capacity: number | null;
    free_places: number | null;
    licence_number: string | null;
    licence_expires_on: string | null;
  }): void {
    if (!this.#profile.regions.some((r) => r.code === row.region))
      throw invalidField('body.region', problem('not_a_region_of_profile', { profile: this.#profile.code }));
    if (row.free_places != null && row.capacity == null) throw invalidField('body.free_places', problem('free_places_need_capacity'));
    if (row.free_places != null && row.capacity != null && row.free_places > row.capacity)
      throw invalidField('body.free_places', problem('free_places_over_capacity', { capacity: row.capacity }));
    if ((row.licence_number == null) !== (row.licence_expires_on == null))
      throw invalidField(
        row.licence_number == null ? 'body.licence_number' : 'body.licence_expires_on',
        problem('licence_needs_number_and_expiry'),
      );
  }

  #toView(
    row: Selectable<ServiceFacilityTable> & {
      organisation_code: string;
      organisation_name: string;
      organisation_kind: string;
    },
  ): ServiceFacilityView {
    const today = this.#today();
    const { free_places_updated_by: _by, organisation_kind, ...rest } = row;
    return {
      ...rest,
      services: row.services as ServiceFacilityView['services'],
      provider_type: organisation_kind === 'ngo' ? 'ngo' : 'government',
      free_places_updated_at: row.free_places_updated_at ? isoInstant(row.free_places_updated_at) : null,
      licence_status: licenceStatus(row.licence_expires_on, today, this.#profile.services.licence_warning_days),
      licence_days_left: row.licence_expires_on ? daysUntil(row.licence_expires_on, today) : null,
      created_at: isoInstant(row.created_at),
      updated_at: isoInstant(row.updated_at),
    };
  }
}
