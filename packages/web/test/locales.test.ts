import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: string | Tree };
const LOCALES = new URL('../src/i18n/locales/', import.meta.url);
const LANGUAGES = ['ro', 'en', 'uk', 'hu'];
// i18next plural suffixes (Intl.PluralRules categories): each language has its own set.
const PLURAL = /_(zero|one|two|few|many|other)$/;

function entries(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : entries(value, `${prefix}${key}.`),
  );
}
const keys = (tree: Tree) => entries(tree).map(([key]) => key);
const read = (namespace: string, language: string) =>
  JSON.parse(readFileSync(new URL(`${namespace}/${language}.json`, LOCALES), 'utf8')) as Tree;

// Issue 5 point 2: every string in all four languages.
describe.each(readdirSync(LOCALES))('strings of the "%s" screens', (namespace) => {
  const english = new Set(keys(read(namespace, 'en')).map((key) => key.replace(PLURAL, '')));

  it.each(LANGUAGES)('%s has every English string and no other', (language) => {
    const own = keys(read(namespace, language));
    expect(new Set(own.map((key) => key.replace(PLURAL, '')))).toEqual(english);
    expect(entries(read(namespace, language)).filter(([, text]) => !text.trim())).toEqual([]);
  });

  it.each(LANGUAGES)('%s has the plural forms its language needs', (language) => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const own = new Set(keys(read(namespace, language)));
    const plurals = [...new Set([...own].filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')))];
    const missing = plurals.flatMap((base) => categories.filter((c) => !own.has(`${base}_${c}`)).map((c) => `${base}_${c}`));
    expect(missing).toEqual([]);
  });
});
