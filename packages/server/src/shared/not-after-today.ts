import { problem, type JurisdictionProfile } from '@opennrm/domain';
import { invalidField } from '../http/errors.ts';
import { localDay } from '../service-directory/local-day.ts';

/**
 * Refuses a date of something that has already happened (a consent given, withdrawn) when it is after today on the
 * profile's calendar (annual_report.time_zone): a future date would put the record in a year that has not begun.
 * @throws ApiError 400 OPENNRM_VALIDATION naming `path`.
 */
export function assertNotAfterToday(day: string, path: string, profile: JurisdictionProfile, now = new Date()): void {
  const timeZone = profile.annual_report.time_zone;
  const today = localDay(now, timeZone);
  if (day > today) throw invalidField(path, problem('date_after_today', { date: today, time_zone: timeZone }));
}
