import { readFileSync } from 'node:fs';
import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorText, fieldLine, fieldProblemText } from '../src/app/problem-text.ts';
import { englishProblems } from '../src/i18n/problems/english.ts';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as object;

/** i18next as the app sets it up for refusals: English from the catalogue, Romanian from its file, a screen's labels. */
async function translator(language: string): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    resources: {
      en: { problems: englishProblems(), app: read('../src/i18n/locales/app/en.json') },
      ro: { problems: read('../src/i18n/problems/common/ro.json'), app: read('../src/i18n/locales/app/ro.json') },
    },
  });
  return i18n.t;
}

describe('a refusal in the user language', () => {
  let ro: TFunction;
  let en: TFunction;
  beforeAll(async () => {
    [ro, en] = await Promise.all([translator('ro'), translator('en')]);
  });

  it('shows a code parameter by the label of its vocabulary, not the code', () => {
    const refused = { rule: 'wrong_type', params: { expected: 'number' }, reason: 'must be number' };
    expect(fieldProblemText(ro, refused)).toBe('trebuie să fie un număr');
    expect(fieldProblemText(en, refused)).toBe('must be a number');
  });

  it('shows an ISO date as a date of the language, and the field by its label', () => {
    const refused = { path: 'body.identity.date_of_birth', rule: 'date_before_earliest', params: { date: '1900-01-01' }, reason: 'x' };
    expect(fieldLine(ro, refused)).toBe('Data nașterii: nu poate fi înainte de 1 ianuarie 1900');
    expect(fieldLine(en, refused)).toBe('Date of birth: must not be before January 1, 1900');
  });

  it("falls back to the server's English only for a rule this build does not know", () => {
    expect(fieldProblemText(ro, { rule: 'rule_of_a_newer_server', reason: 'must be blue' })).toBe('must be blue');
    expect(errorText(ro, { code: 'OPENNRM_FORBIDDEN', message: 'Your role may not do this (docs/access-policy.md).' })).toBe(
      read('../src/i18n/locales/app/ro.json') &&
        (read('../src/i18n/locales/app/ro.json') as { errors: { codes: Record<string, string> } }).errors.codes.OPENNRM_FORBIDDEN,
    );
  });
});

describe('the namespaces a screen loads to show refusals', () => {
  it('hold every vocabulary a rule names, so the referrals inbox shows a referral status as its label, not its code', async () => {
    const { PROBLEM_NAMESPACES, PROBLEM_VOCABULARIES } = await import('../src/app/problem-vocabularies.ts');
    expect(PROBLEM_NAMESPACES[0]).toBe('problems');
    for (const prefix of Object.values(PROBLEM_VOCABULARIES)) expect(PROBLEM_NAMESPACES).toContain(prefix.split(':')[0]);
    expect(PROBLEM_NAMESPACES).toContain('case');
    expect(new Set(PROBLEM_NAMESPACES).size).toBe(PROBLEM_NAMESPACES.length);
  });

  it('show the states a step is allowed from as their labels', async () => {
    const i18n = createInstance();
    await i18n.init({
      lng: 'ro',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      resources: {
        en: { problems: englishProblems() },
        ro: { problems: read('../src/i18n/problems/cases/ro.json'), case: read('../src/i18n/locales/case/ro.json') },
      },
    });
    const text = errorText(i18n.t, {
      code: 'OPENNRM_INVALID_TRANSITION',
      message: 'a case at "identified_victim" cannot take the step "reject"',
      rule: 'workflow_step_not_allowed',
      params: { from: 'identified_victim', event: 'reject', values: 'potential_victim, presumed_victim' },
    });
    expect(text).not.toMatch(/potential_victim|presumed_victim|identified_victim/);
    const caseRo = read('../src/i18n/locales/case/ro.json') as { workflow_state: Record<string, string> };
    expect(text).toContain(caseRo.workflow_state.presumed_victim!);
  });
});
