import { useTranslation } from 'react-i18next';

/** A text to show and the language to mark it with: `lang` is "en" when the English original stands in for a missing translation. */
export interface ShownText {
  text: string;
  lang: 'en' | undefined;
}

/**
 * Picks the user's language from a text's translations by language code
 * (e.g. a profile rule's `source_i18n`, profile/source-i18n.ts), else the
 * English original marked `lang="en"` so that screen readers read it as
 * English (WCAG 3.1.2). English users get the original unmarked.
 *
 * @param english the original text (a rule's `source`).
 * @param translations text by language code; absent or without `language`: the English text.
 * @param language the app's resolved language code ("ro", "en", "uk", "hu").
 */
export function pickTranslation(
  english: string,
  translations: Readonly<Record<string, string>> | undefined,
  language: string | undefined,
): ShownText {
  if (language == null || language === 'en') return { text: english, lang: undefined };
  const translated = translations?.[language];
  return translated ? { text: translated, lang: undefined } : { text: english, lang: 'en' };
}

/** `pickTranslation` in the app's current language. */
export function useInLanguage(): (english: string, translations: Readonly<Record<string, string>> | undefined) => ShownText {
  const { i18n } = useTranslation();
  return (english, translations) => pickTranslation(english, translations, i18n.resolvedLanguage);
}

/**
 * A text kept in the domain in English (a statistics figure's meaning, an
 * access-policy rule's description) shown from the namespace's strings under
 * `key` in the user's language when they have it, else in English marked
 * `lang="en"`. The English original is the domain's own text, so the two
 * never drift.
 */
export function useDomainText(namespace: string): (key: string, english: string) => ShownText {
  const { t, i18n } = useTranslation(namespace);
  return (key, english) => {
    const language = i18n.resolvedLanguage;
    if (language == null || language === 'en') return { text: english, lang: undefined };
    if (!i18n.exists(key, { ns: namespace, lng: language, fallbackLng: false })) return { text: english, lang: 'en' };
    return { text: t(key), lang: undefined };
  };
}

/** Renders a `ShownText` inline, marked with its language when it is the English stand-in. */
export function InLanguage({ shown }: { shown: ShownText }) {
  return <span lang={shown.lang}>{shown.text}</span>;
}
