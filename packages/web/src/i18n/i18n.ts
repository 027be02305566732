import i18n, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { chooseLanguage, LANGUAGE_COOKIE, LANGUAGE_STORAGE_KEY, LANGUAGES, type LanguageCode } from './languages.ts';

/**
 * The web app's languages (issue 5, point 2): Romanian, English, Ukrainian
 * and Hungarian. Each language is a lazily loaded bundle (a chunk the
 * service worker precaches, so switching works offline). Plurals use
 * i18next's Intl.PluralRules suffixes (_one, _few, _many, _other), numbers
 * and dates Intl through `{{value, number}}` and `{{value, datetime}}`.
 *
 * Namespaces: "app" (the frame, sign-in, my work and screening), one per
 * further screen family (`locales/<namespace>/<language>.json`, loaded when a
 * screen first asks for it), and "instrument" (screening questions by their
 * instrument key; English comes from the instrument file itself), and
 * "problems" (the server's refusals: rules, field labels; problems/bundle.ts).
 */
export { LANGUAGES, LANGUAGE_STORAGE_KEY, type LanguageCode } from './languages.ts';

const screenBundles = import.meta.glob<{ default: object }>('./locales/*/*.json');
const instrumentBundles = import.meta.glob<{ default: object }>('./instrument/*.json');

const bundles: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    if (namespace === 'problems') {
      // Its own chunk: the screening route's first load carries none of the refusals' words (i18n/problems/bundle.ts).
      import('./problems/bundle.ts')
        .then((m) => m.problemsBundle(language))
        .then(
          (bundle) => callback(null, bundle),
          (error: Error) => callback(error, false),
        );
      return;
    }
    const load =
      namespace === 'instrument'
        ? instrumentBundles[`./instrument/${language}.json`]
        : screenBundles[`./locales/${namespace}/${language}.json`];
    // English instrument texts are the instrument's own `en` (the default value of every lookup).
    if (!load) return callback(null, {});
    load().then(
      (bundle) => callback(null, bundle.default as Record<string, string>),
      (error: Error) => callback(error, false),
    );
  },
};

/** The remembered choice, else the first of the browser's languages we have, else English. */
export function initialLanguage(): LanguageCode {
  return chooseLanguage(localStorage.getItem(LANGUAGE_STORAGE_KEY), navigator.languages);
}

export const i18nReady = i18n
  .use(bundles)
  .use(initReactI18next)
  .init({
    supportedLngs: LANGUAGES.map((l) => l.code),
    fallbackLng: 'en',
    lng: initialLanguage(),
    load: 'languageOnly',
    ns: ['app', 'instrument'],
    defaultNS: 'app',
    interpolation: { escapeValue: false },
    react: { useSuspense: true },
  });

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  // For the server's prerender of the first screen (languages.ts); a year, like the localStorage choice it mirrors.
  document.cookie = `${LANGUAGE_COOKIE}=${language}; path=/; max-age=31536000; samesite=strict`;
});

export { i18n };
