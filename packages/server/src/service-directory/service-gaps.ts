import { sql, type Kysely } from 'kysely';
import { licenceStatus, daysUntil, type JurisdictionProfile } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { addDays, localDay } from './local-day.ts';
import type { ServiceGapsView } from './service-gaps.schemas.ts';

/**
 * Where assistance is missing (issue 4 point 4; 2024 TIP report, Romania
 * narrative: "some counties did not have any shelters", "nobody knows how many
 * referred victims were assisted"), on `now`'s day in the profile's time zone:
 * - counties_without_shelter: profile regions with no active facility offering
 *   shelter (and, separately, none offering shelter to children);
 * - unmet_services: each service requested in a referral (any status but
 *   withdrawn: a withdrawn need was cancelled by the sender) sent at least
 *   `services.unmet_after_days` days ago, for which the victim case has no
 *   delivered service of that kind starting on or after the day the referral was
 *   sent, from any provider; by service (referrals, victim cases, and how the
 *   referrals were answered) and by the receiving provider's county;
 * - licences: active facilities whose licence for child victims has expired or
 *   expires within `services.licence_warning_days`.
 * Aggregates only: no person, no case number.
 */
export async function serviceGaps(db: Kysely<Database>, profile: JurisdictionProfile, now: Date = new Date()): Promise<ServiceGapsView> {
  const tz = profile.annual_report.time_zone;
  const today = localDay(now, tz);
  const { unmet_after_days: unmetAfter, licence_warning_days: warning } = profile.services;
  const sentBy = new Date(now.getTime() - unmetAfter * 86_400_000);

  const facilities = await db
    .selectFrom('service_facility')
    .innerJoin('organisation', 'organisation.id', 'service_facility.organisation_id')
    .select([
      'service_facility.id',
      'service_facility.code',
      'service_facility.name',
      'service_facility.region',
      'service_facility.services',
      'service_facility.accepts_children',
      'service_facility.licence_expires_on',
      'organisation.code as organisation_code',
    ])
    .where('service_facility.active', '=', true)
    .execute();
  const shelters = facilities.filter((f) => f.services.includes('shelter'));
  const withShelter = new Set(shelters.map((f) => f.region));
  const withChildShelter = new Set(shelters.filter((f) => f.accepts_children).map((f) => f.region));
  const region = (r: { code: string; name: string }) => ({ region: r.code, name: r.name });

  const unmet = sql`
    FROM referral r
    CROSS JOIN LATERAL unnest(r.services) AS s(service)
    JOIN organisation o ON o.id = r.to_organisation_id
    WHERE r.status <> 'withdrawn' AND r.sent_at <= ${sentBy}
      AND NOT EXISTS (
        SELECT 1 FROM assistance a
        WHERE a.victim_case_id = r.victim_case_id AND a.service = s.service
          AND a.started_on >= (r.sent_at AT TIME ZONE ${tz})::date)`;
  const byService = await sql<{
    service: string;
    referrals: string;
    victim_cases: string;
    declined: string;
    accepted: string;
    unanswered: string;
  }>`SELECT s.service, count(*) AS referrals, count(DISTINCT r.victim_case_id) AS victim_cases,
        count(*) FILTER (WHERE r.status = 'declined') AS declined,
        count(*) FILTER (WHERE r.status = 'accepted') AS accepted,
        count(*) FILTER (WHERE r.status = 'sent') AS unanswered
      ${unmet} GROUP BY s.service ORDER BY count(*) DESC, s.service`.execute(db);
  const byRegion = await sql<{ region: string | null; service: string; referrals: string }>`
      SELECT o.region, s.service, count(*) AS referrals ${unmet}
      GROUP BY o.region, s.service ORDER BY o.region NULLS LAST, s.service`.execute(db);

  const warnUntil = addDays(today, warning);
  const licences = facilities
    .filter((f) => f.licence_expires_on != null && f.licence_expires_on <= warnUntil)
    .sort((a, b) => a.licence_expires_on!.localeCompare(b.licence_expires_on!))
    .map((f) => ({
      facility_id: f.id,
      code: f.code,
      name: f.name,
      organisation_code: f.organisation_code,
      region: f.region,
      licence_expires_on: f.licence_expires_on!,
      licence_status: licenceStatus(f.licence_expires_on, today, warning) as 'expired' | 'expiring',
      licence_days_left: daysUntil(f.licence_expires_on!, today),
    }));

  return {
    as_of: today,
    counties_without_shelter: profile.regions.filter((r) => !withShelter.has(r.code)).map(region),
    counties_without_child_shelter: profile.regions.filter((r) => !withChildShelter.has(r.code)).map(region),
    unmet_services: {
      unmet_after_days: unmetAfter,
      by_service: byService.rows.map((r) => ({
        service: r.service as ServiceGapsView['unmet_services']['by_service'][number]['service'],
        referrals: Number(r.referrals),
        victim_cases: Number(r.victim_cases),
        declined: Number(r.declined),
        accepted: Number(r.accepted),
        unanswered: Number(r.unanswered),
      })),
      by_region: byRegion.rows.map((r) => ({
        region: r.region,
        service: r.service as ServiceGapsView['unmet_services']['by_service'][number]['service'],
        referrals: Number(r.referrals),
      })),
    },
    licences,
  };
}
