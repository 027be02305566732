import { readFileSync } from 'node:fs';

type Tree = { [key: string]: string | Tree };

/**
 * The app's own strings, so a test finds buttons and labels by what a user
 * of that language reads (and fails if a string is missing).
 */
export function translator(language: string, namespace = 'app'): (key: string, values?: Record<string, string | number>) => string {
  const tree = JSON.parse(readFileSync(new URL(`../../src/i18n/locales/${namespace}/${language}.json`, import.meta.url), 'utf8')) as Tree;
  const plural = new Intl.PluralRules(language);
  return (key, values = {}) => {
    const lookup = (path: string) =>
      path.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
    let text = typeof values.count === 'number' ? lookup(`${key}_${plural.select(values.count)}`) : undefined;
    text ??= lookup(key);
    if (typeof text !== 'string') throw new Error(`no "${key}" in ${namespace}/${language}.json`);
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
  };
}

/** An instrument question as the app shows it in that language (English is the instrument's own text). */
export function questionText(language: string): (key: string, english: string) => string {
  if (language === 'en') return (_key, english) => english;
  const texts = JSON.parse(readFileSync(new URL(`../../src/i18n/instrument/${language}.json`, import.meta.url), 'utf8')) as Record<
    string,
    string
  >;
  return (key) => texts[key] ?? '';
}
