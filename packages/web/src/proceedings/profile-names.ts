import { useTranslation } from 'react-i18next';
import { shippedProfile } from '@opennrm/domain/profiles';

/** The profile the app is built with (docs/web.md, "Profile in the browser"). */
const PROFILE = shippedProfile('romania');
const INSTITUTIONS = new Map(PROFILE.institutions.map((i) => [i.code, i]));
const OFFENCES = new Map(PROFILE.offences.map((o) => [o.article, o]));

/** A profile name in `language`: its translation (`name_i18n`, `title_i18n`) where the profile gives one, else the name as the profile writes it (English readers always). */
export function nameInLanguage(
  name: string,
  translations: Readonly<Record<string, string>> | undefined,
  language: string | undefined,
): string {
  return (language && language !== 'en' && translations?.[language]) || name;
}

/**
 * Names of the profile's institutions and offences in the user's language
 * (issue 5: every string translated). A profile name may carry an English
 * gloss for readers of English ("Instanțele judecătorești (courts of law)");
 * the profile says it in each of its languages beside it (`name_i18n`,
 * `title_i18n`: country rules are data, so their names' translations live in
 * the profile, as `source_i18n` does). English readers get the profile's own
 * name; an organisation the profile does not list (one an administrator
 * added) keeps the name the server gives.
 */
export function useProfileNames(): {
  /** An organisation's name by its code; `serverName` when the profile does not list it. */
  institution: (code: string, serverName: string) => string;
  /** An offence's title by its article, or "" for an article the profile does not list. */
  offence: (article: string) => string;
} {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  return {
    institution: (code, serverName) => {
      const found = INSTITUTIONS.get(code);
      return found ? nameInLanguage(found.name, found.name_i18n, language) : serverName;
    },
    offence: (article) => {
      const found = OFFENCES.get(article);
      return found ? nameInLanguage(found.title, found.title_i18n, language) : '';
    },
  };
}
