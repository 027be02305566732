import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Dates and names in the user's language (issue 5 point 2), through Intl:
 * a calendar day ("YYYY-MM-DD", a day with no time zone: shown as that day
 * wherever the reader is), an instant (ISO date-time, shown in the reader's
 * time zone), and a country by its ISO 3166-1 code (Intl.DisplayNames).
 */
export function useFormats() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
    const instant = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const countries = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    return {
      day: (iso: string) => {
        const [year, month, date] = iso.slice(0, 10).split('-').map(Number);
        return day.format(new Date(year!, month! - 1, date!));
      },
      instant: (iso: string) => instant.format(new Date(iso)),
      country: (code: string) => countries.of(code) ?? code,
      list: (items: string[]) => new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items),
    };
  }, [language]);
}

/** Today as "YYYY-MM-DD" on this device's calendar (a date input's value). */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
