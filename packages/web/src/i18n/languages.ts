/**
 * The web app's languages (issue 5, point 2) and how the one to show is
 * chosen. Kept apart from i18n.ts (which starts i18next in the browser) so
 * the server's prerender of the screening wizard (src/prerender.tsx) uses the
 * same list and the same rule.
 */
export const LANGUAGES = [
  { code: 'ro', name: 'Română' },
  { code: 'en', name: 'English' },
  { code: 'uk', name: 'Українська' },
  { code: 'hu', name: 'Magyar' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

/** Where the chosen language is remembered (survives reloads and sign-out). */
export const LANGUAGE_STORAGE_KEY = 'opennrm.language';

/**
 * The same choice as a cookie (`opennrm_language=<code>`), so the server can
 * prerender the first screen in it (packages/server/src/web/web-app.ts);
 * localStorage stays the source the app reads.
 */
export const LANGUAGE_COOKIE = 'opennrm_language';

/** The language a code such as "ro-RO" or "UK" names, or undefined when it is none of ours. */
export function knownLanguage(code: string | null | undefined): LanguageCode | undefined {
  return LANGUAGES.find((l) => l.code === code?.slice(0, 2).toLowerCase())?.code;
}

/** The remembered choice, else the first of the user's preferred languages we have, else English. */
export function chooseLanguage(remembered: string | null | undefined, preferred: readonly string[]): LanguageCode {
  return knownLanguage(remembered) ?? preferred.map(knownLanguage).find(Boolean) ?? 'en';
}
