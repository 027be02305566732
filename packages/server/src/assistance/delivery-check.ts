import type { Kysely } from 'kysely';
import { paymentProblem, problem, serviceDefinition, type JurisdictionProfile, type Service } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { invalidField } from '../http/errors.ts';

/** A delivered service as the checks see it, after a patch is merged. */
export interface Delivery {
  service: Service;
  started_on: string;
  provider_organisation_id: string;
  facility_id: string | null;
  amount: number | null;
  currency: string | null;
  payment_scheme: string | null;
}

/**
 * Checks a delivered service against the catalogue, the profile and the directory:
 * only a service whose catalogue entry has an amount (financial) records amount,
 * currency and scheme, and the payment fits the profile's scheme and its cap for
 * the year the service started (paymentProblem); a facility belongs to the
 * provider and offers the service.
 * @throws ApiError OPENNRM_VALIDATION naming the body field.
 */
export async function checkDelivery(db: Kysely<Database>, profile: JurisdictionProfile, d: Delivery): Promise<void> {
  if (!serviceDefinition(d.service).has_amount) {
    const stray = (['amount', 'currency', 'payment_scheme'] as const).find((f) => d[f] != null);
    if (stray) throw invalidField(`body.${stray}`, problem('only_financial_support_records', { field: stray, service: d.service }));
  } else {
    const refusal = paymentProblem(profile.services.financial_schemes, d, Number(d.started_on.slice(0, 4)));
    if (refusal) {
      const { field, ...rule } = refusal;
      throw invalidField(`body.${field}`, rule);
    }
  }
  if (d.facility_id) {
    const facility = await db
      .selectFrom('service_facility')
      .select(['organisation_id', 'services'])
      .where('id', '=', d.facility_id)
      .executeTakeFirst();
    if (!facility) throw invalidField('body.facility_id', problem('no_facility_with_id'));
    if (facility.organisation_id !== d.provider_organisation_id)
      throw invalidField('body.facility_id', problem('facility_of_other_provider'));
    if (!facility.services.includes(d.service))
      throw invalidField('body.facility_id', problem('facility_lacks_service', { service: d.service }));
  }
}
