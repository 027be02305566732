import { readFileSync } from 'node:fs';
import { PROBLEM_RULES } from '@opennrm/domain';

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

/** Every area's translations of the server's refusals in `language` (src/i18n/problems/<area>/<language>.json), merged. */
function problems(language: string): { rules: Record<string, string>; fields: Record<string, string> } {
  const merged = { rules: {} as Record<string, string>, fields: {} as Record<string, string> };
  for (const area of ['common', 'proceedings', 'cases']) {
    const file = new URL(`../../src/i18n/problems/${area}/${language}.json`, import.meta.url);
    let tree: Partial<typeof merged>;
    try {
      tree = JSON.parse(readFileSync(file, 'utf8')) as Partial<typeof merged>;
    } catch {
      continue;
    }
    Object.assign(merged.rules, tree.rules);
    Object.assign(merged.fields, tree.fields);
  }
  return merged;
}

/** A request field's label as the app shows it in `language` (English: the name, spaced; app/problem-text.ts). */
export function fieldLabel(language: string, name: string): string {
  if (language !== 'en') return problems(language).fields[name] ?? name;
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A refusal's sentence as the app shows it in `language`: the rule's text (English: the domain catalogue's) with
 * the parameters put in, ISO dates as the language writes them ("1 martie 2024").
 */
export function refusalText(language: string, rule: string, params: Record<string, string | number>): string {
  const text = language === 'en' ? (PROBLEM_RULES as Record<string, { text: string }>)[rule]?.text : problems(language).rules[rule];
  if (!text) throw new Error(`no translation of the rule "${rule}" in ${language}`);
  return text.replace(/\{\{\s*(\w+)\s*(,\s*datetime\s*)?\}\}/g, (_, name: string, date?: string) =>
    date
      ? new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
          new Date(`${String(params[name])}T00:00:00Z`),
        )
      : String(params[name]),
  );
}
