/**
 * Where a licence to serve child victims stands (Romania: the minimum
 * standards for services to child victims of crime require a licensed
 * provider; 2024 TIP report, Romania narrative: "only one county directorate
 * and one NGO maintained a license").
 * - none: no licence recorded;
 * - valid: expires after the warning window;
 * - expiring: expires within `warningDays` days (today included);
 * - expired: expired before today.
 */
export type LicenceStatus = 'none' | 'valid' | 'expiring' | 'expired';

const DAY_MS = 86_400_000;

/**
 * @param expiresOn licence expiry date, YYYY-MM-DD (the last day it is valid), or null.
 * @param today YYYY-MM-DD.
 * @param warningDays profile services.licence_warning_days.
 */
export function licenceStatus(expiresOn: string | null, today: string, warningDays: number): LicenceStatus {
  if (!expiresOn) return 'none';
  if (expiresOn < today) return 'expired';
  const daysLeft = Math.round((Date.parse(`${expiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
  return daysLeft <= warningDays ? 'expiring' : 'valid';
}

/** Days from today to the expiry date (negative once expired). */
export function daysUntil(expiresOn: string, today: string): number {
  return Math.round((Date.parse(`${expiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}
