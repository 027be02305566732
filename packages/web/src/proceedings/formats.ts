import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Calendar days and countries in the user's language through Intl (issue 5
 * point 2). Legal deadlines are calendar days without a time zone
 * ("YYYY-MM-DD", docs/proceedings.md): shown as that day wherever the reader is.
 */
export function useProceedingsFormats() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(language, { dateStyle: 'long' });
    const countries = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    const number = new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return {
      day: (iso: string) => {
        const [year, month, date] = iso.slice(0, 10).split('-').map(Number);
        return day.format(new Date(year!, month! - 1, date!));
      },
      country: (code: string) => countries.of(code) ?? code,
      countries: (codes: string[]) =>
        new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(codes.map((c) => countries.of(c) ?? c)),
      /** A decimal amount as the API sends it ("1500.00", exact: Intl formats the string, not a float) with its ISO 4217 currency. */
      money: (amount: string, currency: string) => `${number.format(amount as `${number}`)} ${currency}`,
    };
  }, [language]);
}

/** Today as "YYYY-MM-DD" on this device's calendar (a date input's value and its maximum). */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Moves the keyboard to the first field marked invalid once the form has drawn its problems (WCAG 3.3.1: the user lands on what to fix). */
export function focusFirstProblem(form: HTMLFormElement): void {
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
