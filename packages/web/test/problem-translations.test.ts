import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_RULES, type ProblemRule } from '@opennrm/domain';
import { PROBLEM_VOCABULARIES } from '../src/app/problem-vocabularies.ts';
import { englishProblems } from '../src/i18n/problems/english.ts';
import { openApiDocument, requestFieldNames } from './support/request-fields.ts';

/**
 * Every refusal the API can send reaches the screen in Romanian, Ukrainian and Hungarian (issue 5, point 2):
 * each rule of the domain's catalogue is translated in some area's file (src/i18n/problems/<area>/<language>.json)
 * with the same placeholders as its English, each vocabulary a rule's codes name is mapped to labels, and every
 * request field name of the API has a label (the OpenAPI document, built as scripts/api-types.ts builds it).
 */
type Tree = { [key: string]: string | Tree };
const PROBLEMS = new URL('../src/i18n/problems/', import.meta.url);
const LANGUAGES = ['ro', 'uk', 'hu'] as const;
const CATALOGUE = PROBLEM_RULES as Record<string, ProblemRule>;

/** One language's files of every area, merged as i18n.ts merges them. */
function bundle(language: string): {
  rules: Record<string, string>;
  fields: Record<string, string>;
  [part: string]: Record<string, string>;
} {
  const merged: Record<string, Record<string, string>> = { rules: {}, fields: {} };
  for (const area of readdirSync(PROBLEMS, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const file = new URL(`${area.name}/${language}.json`, PROBLEMS);
    // An area without this language's file leaves its rules untranslated: the rules check names them.
    if (!existsSync(file)) continue;
    const tree = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Tree>;
    for (const [part, entries] of Object.entries(tree)) merged[part] = { ...merged[part], ...(entries as Record<string, string>) };
  }
  return merged as ReturnType<typeof bundle>;
}

/** A text's placeholders with their formats, sorted: "{{date, datetime}} {{year}}" -> ["date, datetime", "year"]. */
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => m[1]!.replace(/\s*,\s*/, ', ')).sort();

describe.each(LANGUAGES)('refusals in %s', (language) => {
  const own = bundle(language);

  it('translate every rule of the catalogue, and no rule it does not have', () => {
    expect(Object.keys(CATALOGUE).filter((rule) => !own.rules[rule]?.trim())).toEqual([]);
    expect(Object.keys(own.rules).filter((rule) => !(rule in CATALOGUE))).toEqual([]);
  });

  it('keep the placeholders of the English text', () => {
    const differing = Object.entries(CATALOGUE)
      .filter(([rule]) => own.rules[rule] !== undefined)
      .filter(([rule, entry]) => JSON.stringify(placeholders(own.rules[rule]!)) !== JSON.stringify(placeholders(entry.text)))
      .map(([rule, entry]) => ({ rule, english: placeholders(entry.text), [language]: placeholders(own.rules[rule]!) }));
    expect(differing).toEqual([]);
  });

  it('name every value type and format a schema refusal can cite', () => {
    const english = englishProblems();
    expect(Object.keys(english.types).filter((type) => !own.types?.[type])).toEqual([]);
    expect(Object.keys(english.formats).filter((format) => !own.formats?.[format])).toEqual([]);
  });
});

describe('vocabularies of code parameters', () => {
  it('are each mapped to the labels the screens show', () => {
    const named = new Set(Object.values(CATALOGUE).flatMap((entry) => Object.values(entry.codes ?? {})));
    // Field names are labelled by fields.<name> (problem-text.ts), not by a screen's vocabulary.
    named.delete('request_field');
    expect([...named].filter((vocabulary) => !(vocabulary in PROBLEM_VOCABULARIES)).sort()).toEqual([]);
  });
});

describe('labels of request fields', () => {
  let names: string[] = [];
  beforeAll(async () => {
    names = requestFieldNames(await openApiDocument());
  }, 120_000);

  it.each(LANGUAGES)('%s labels every request field name of the API', (language) => {
    expect(names.length).toBeGreaterThan(100);
    const fields = bundle(language).fields;
    expect(names.filter((name) => !fields[name]?.trim())).toEqual([]);
  });
});
