import { readdirSync, readFileSync } from 'node:fs';
import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_RULES, type ProblemRule } from '@opennrm/domain';
import { fieldProblemText } from '../src/app/problem-text.ts';
import { englishProblems } from '../src/i18n/problems/english.ts';

/**
 * Ukrainian and Hungarian dates end with a dot of their own ("15 жовтня 2026 р.", "2026. október 15."), so a
 * sentence that puts a full stop after a date reads "2026 р.." on screen. These checks render every refusal of the
 * catalogue with a date in each date parameter, and every screen string with a date in each date placeholder, and
 * fail on two dots in a row.
 */
type Tree = { [key: string]: string | Tree };
const LANGUAGES = ['uk', 'hu'] as const;
const I18N = new URL('../src/i18n/', import.meta.url);
const read = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as Record<string, Tree>;
const dirs = (url: URL) =>
  readdirSync(url, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

/** The "problems" namespace of a language as i18n.ts merges it: every area's file. */
function problems(language: string): Record<string, Tree> {
  const merged: Record<string, Tree> = {};
  for (const area of dirs(new URL('problems/', I18N))) {
    const tree = read(new URL(`problems/${area}/${language}.json`, I18N));
    for (const [part, entries] of Object.entries(tree)) merged[part] = { ...(merged[part] as Tree), ...(entries as Tree) };
  }
  return merged;
}

/** Every string of a tree with its dotted key. */
function strings(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : strings(value, `${prefix}${key}.`),
  );
}

const PLACEHOLDER = /\{\{\s*([^},\s]+)\s*(?:,\s*([^}]+?))?\s*\}\}/g;

describe.each(LANGUAGES)('refusals in %s', (language) => {
  let t: TFunction;
  beforeAll(async () => {
    const i18n = createInstance();
    await i18n.init({
      lng: language,
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      resources: { en: { problems: englishProblems() }, [language]: { problems: problems(language) } },
    });
    t = i18n.t;
  });

  it('never put a full stop after a date', () => {
    // The English text names the parameters and which of them are ISO dates ({{x, datetime}}).
    const doubled = Object.entries(PROBLEM_RULES as Record<string, ProblemRule>)
      .map(([rule, entry]) => {
        const params: Record<string, string> = {};
        for (const [, name, format] of entry.text.matchAll(PLACEHOLDER)) params[name!] = format === 'datetime' ? '2026-10-15' : 'x';
        return [rule, fieldProblemText(t, { rule, params, reason: '' })] as const;
      })
      .filter(([, text]) => text.includes('..'));
    expect(doubled).toEqual([]);
    // The check renders dates as the language writes them, ending with its dot.
    expect(
      fieldProblemText(t, { rule: 'date_before_earliest', params: { date: '2026-10-15' }, reason: '' }).endsWith(SAMPLE_DATE[language]),
    ).toBe(true);
  });
});

/** A placeholder that holds a date: a datetime format, or a name the screens give dates (date, due_on, filed_on, sent_at...). */
const isDate = (name: string, format: string | undefined) => format === 'datetime' || /^(date|due)$|_on$|_at$/.test(name);
const SAMPLE_DATE = { uk: '15 жовтня 2026 р.', hu: '2026. október 15.' } as const;

describe.each(LANGUAGES)('screen strings in %s', (language) => {
  it('never put a full stop after a date', () => {
    const doubled = dirs(new URL('locales/', I18N)).flatMap((namespace) =>
      strings(read(new URL(`locales/${namespace}/${language}.json`, I18N)))
        .map(
          ([key, text]) =>
            [
              `${namespace}:${key}`,
              text.replace(PLACEHOLDER, (_, name: string, format?: string) => (isDate(name, format) ? SAMPLE_DATE[language] : 'x')),
            ] as const,
        )
        .filter(([, text]) => text.includes('..')),
    );
    expect(doubled).toEqual([]);
  });
});
