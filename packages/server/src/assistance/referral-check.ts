import { problem } from '@opennrm/domain';
import { invalidField } from '../http/errors.ts';
import { localDay } from '../service-directory/local-day.ts';

/** Referral statuses a service can be given under: a declined referral was refused by the provider, a withdrawn one by its sender. */
const OPEN_FOR_SERVICES = new Set(['sent', 'accepted']);

/**
 * Checks a service recorded under a referral. The referral is what asks the provider for the service (EU Anti-trafficking
 * Directive 2011/36/EU art. 11(6), referral to assistance; the NRM's referral step, OSCE/ODIHR NRM Handbook 2022 ch. 3), so:
 * - it is still open: not declined (the provider refused it: its services are recorded under the referral re-sent to
 *   another provider) and not withdrawn. A sent referral is accepted: a provider often starts helping the day the
 *   referral arrives, before anyone records the answer, and the service is then the proof it was taken up;
 * - the service starts on or after the day the referral was sent, on the profile's calendar (annual_report.time_zone).
 * @throws ApiError OPENNRM_VALIDATION naming body.referral_id (referral_not_open_for_services {status}) or
 *   body.started_on (service_before_referral_sent {date}).
 */
export function checkServiceUnderReferral(referral: { status: string; sent_at: Date }, startedOn: string, timeZone: string): void {
  if (!OPEN_FOR_SERVICES.has(referral.status))
    throw invalidField('body.referral_id', problem('referral_not_open_for_services', { status: referral.status }));
  const sentOn = localDay(new Date(referral.sent_at), timeZone);
  if (startedOn < sentOn) throw invalidField('body.started_on', problem('service_before_referral_sent', { date: sentOn }));
}
