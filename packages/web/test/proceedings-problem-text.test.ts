import { readFileSync } from 'node:fs';
import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldProblemText } from '../src/app/problem-text.ts';
import { englishProblems } from '../src/i18n/problems/english.ts';
import { notComputableText } from '../src/proceedings/not-computable.ts';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, object>;

/** The "problems" namespace of a language as i18n.ts merges it: every area's file. */
function problems(language: string) {
  const [common, proceedings] = ['common', 'proceedings'].map((area) => read(`../src/i18n/problems/${area}/${language}.json`));
  return { ...common, rules: { ...common!.rules, ...proceedings!.rules } };
}

/** i18next as the app sets it up: English problems from the catalogue, a language's files, the app and proceedings labels. */
async function translator(language: string): Promise<TFunction> {
  const i18n = createInstance();
  const screens = (lang: string) => ({
    app: read(`../src/i18n/locales/app/${lang}.json`),
    proceedings: read(`../src/i18n/locales/proceedings/${lang}.json`),
  });
  await i18n.init({
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    resources: {
      en: { problems: englishProblems(), ...screens('en') },
      ...(language === 'en' ? {} : { [language]: { problems: problems(language), ...screens(language) } }),
    },
  });
  return i18n.t;
}

/** A `not_computed` entry as GET /criminal-cases/at-risk sends it for an offence whose article the profile no longer lists. */
const refused = {
  explanation: 'deadline could not be computed: "0b6c".article: "999" is not an offence of the profile (210, 211, 213)',
  not_computable: {
    reason: '"0b6c".article: "999" is not an offence of the profile (210, 211, 213)',
    record: '0b6c',
    field: 'article',
    rule: 'fact_offence_not_in_profile',
    params: { article: '999', articles: '210, 211, 213' },
  },
};

describe("why a case's deadlines could not be computed, in the user's language", () => {
  let t: Record<'en' | 'ro' | 'uk' | 'hu', TFunction>;
  beforeAll(async () => {
    const [en, ro, uk, hu] = await Promise.all(['en', 'ro', 'uk', 'hu'].map(translator));
    t = { en: en!, ro: ro!, uk: uk!, hu: hu! };
  });

  it('names the refused field by its label and says the rule with its parameters, without the record id', () => {
    expect(notComputableText(t.en, refused)).toBe('Article: "999" is not an offence of the profile (210, 211, 213)');
    const ro = notComputableText(t.ro, refused);
    expect(ro.startsWith('Articol: ')).toBe(true);
    expect(ro).toContain('999');
    expect(ro).toContain('210, 211, 213');
    expect(ro).not.toContain('0b6c');
    expect(ro).not.toContain('is not an offence');
    for (const language of ['uk', 'hu'] as const) expect(notComputableText(t[language], refused)).not.toContain('is not an offence');
  });

  it("localises a date parameter and keeps the server's English when it sent no rule or one this build does not know", () => {
    const until = {
      explanation: 'x',
      not_computable: {
        reason: 'x',
        record: 'o1',
        field: 'committed_until',
        rule: 'fact_until_before_committed',
        params: { until: '2016-01-01', committed_on: '2016-03-05' },
      },
    };
    expect(notComputableText(t.en, until)).toBe('Committed until: January 1, 2016 is before committed_on March 5, 2016');
    expect(notComputableText(t.ro, until)).toContain('1 ianuarie 2016');
    const profileFailure = {
      explanation: 'deadline could not be computed: no general limitation term covers 99 years',
      not_computable: { reason: 'no general limitation term covers 99 years' },
    };
    expect(notComputableText(t.ro, profileFailure)).toBe(profileFailure.explanation);
    const newer = { ...refused, not_computable: { ...refused.not_computable, rule: 'rule_of_a_newer_server' } };
    expect(notComputableText(t.ro, newer)).toBe(refused.explanation);
  });
});

describe('a hearing status inside a refusal', () => {
  it('reads as a word of the sentence, not as the capitalised label of the hearings list', async () => {
    const refusal = { rule: 'hearing_not_held', params: { status: 'planned' }, reason: 'a planned hearing was not held' };
    expect(fieldProblemText(await translator('en'), refusal)).toBe('a planned hearing was not held');
    expect(fieldProblemText(await translator('ro'), refusal)).toBe('o audiere cu starea „planificată” nu a avut loc');
    expect(fieldProblemText(await translator('hu'), { ...refusal, params: { status: 'cancelled' } })).toContain('„elmaradt”');
    expect(fieldProblemText(await translator('uk'), refusal)).toContain('«заплановано»');
  });
});
