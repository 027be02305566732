import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseDeadlines, shippedProfile, type CaseDeadline, type ProceedingsFacts } from '@opennrm/domain';

type Tree = { [key: string]: string | Tree };
const PROFILE = shippedProfile('romania');
const read = (language: string) =>
  JSON.parse(readFileSync(new URL(`../src/i18n/locales/proceedings/${language}.json`, import.meta.url), 'utf8')) as Tree;
const lookup = (tree: Tree, path: string) =>
  path.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);

/** Names the page adds to the engine's values (deadline-text.tsx): the suspect's and subject's names, a term's length. */
const DERIVED = ['suspect', 'subject', 'length'];

const offence = (id: string, article: string, committed_on: string, suspect_id: string | null = 's1') => ({
  id,
  article,
  committed_on,
  suspect_id,
});

/**
 * Facts giving every sentence the engine writes (docs/proceedings.md): the
 * general term, an interruption, the special term, an imprescriptible
 * offence, a closed case, a final judgment, a pre-trial detention warrant
 * and its investigation total, and a profile term (judicial control).
 */
const CASES: ProceedingsFacts[] = [
  { as_of: '2026-11-29', offences: [offence('general', '213', '2023-01-10')], events: [] },
  {
    as_of: '2026-11-29',
    offences: [offence('interrupted', '213', '2023-01-10')],
    events: [{ id: 'heard', kind: 'suspect_heard', on: '2024-03-01', suspect_id: 's1' }],
  },
  {
    as_of: '2037-02-01',
    offences: [offence('special', '213', '2022-06-01')],
    events: [
      { id: 'a1', kind: 'suspect_heard', on: '2029-06-01', suspect_id: 's1' },
      { id: 'a2', kind: 'suspect_heard', on: '2037-01-01', suspect_id: 's1' },
    ],
  },
  { as_of: '2026-11-29', offences: [offence('imprescriptible', '210', '2022-01-01')], events: [] },
  { as_of: '2026-11-29', offences: [offence('closed', '213', '2023-01-10')], events: [], closed_on: '2026-01-05' },
  { as_of: '2026-11-29', offences: [offence('final', '213', '2023-01-10')], events: [], final_judgment_on: '2026-01-05' },
  {
    as_of: '2026-11-29',
    offences: [],
    events: [
      { id: 'w1', kind: 'pretrial_detention_warrant', on: '2026-11-20', ends_on: '2026-12-19', suspect_id: 's1' },
      { id: 'jc', kind: 'judicial_control', on: '2026-11-01', suspect_id: 's2' },
    ],
  },
];

describe('the deadline engine speaks every language of the criminal case page', () => {
  const deadlines: CaseDeadline[] = CASES.flatMap((facts) => caseDeadlines(PROFILE, facts));

  it('gives every kind of sentence the facts are chosen for', () => {
    expect(new Set(deadlines.map((d) => d.reason.key))).toEqual(
      new Set([
        'limitation.general',
        'limitation.interrupted',
        'limitation.special',
        'limitation.imprescriptible',
        'limitation.case_closed',
        'limitation.final_judgment',
        'pretrial_detention.warrant',
        'pretrial_detention.total',
        'term',
      ]),
    );
  });

  it.each(['ro', 'en', 'uk', 'hu'])('%s translates each sentence, filling it only with what the engine and the page give', (language) => {
    const strings = read(language);
    for (const d of deadlines) {
      const text = lookup(strings, `reason.${d.reason.key}`);
      expect(typeof text, `reason.${d.reason.key} in ${language}`).toBe('string');
      const names = [...(text as string).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
      const known = [...Object.keys(d.reason.values), ...DERIVED];
      expect(
        names.filter((n) => !known.includes(n)),
        `reason.${d.reason.key} in ${language}`,
      ).toEqual([]);
    }
    for (const term of PROFILE.criminal_procedure.terms) expect(typeof lookup(strings, `term.${term.code}`)).toBe('string');
  });

  it.each(['ro', 'en', 'uk', 'hu'])(
    "%s says when a term starts at a victim's majority (Criminal Code art. 154(4)): by date, by year, or the birth not recorded",
    (language) => {
      const strings = read(language);
      const births = [{ date_of_birth: '2008-05-20' }, { birth_year: 2008 }, {}];
      for (const victim of births) {
        const [d] = caseDeadlines(PROFILE, { ...CASES[0]!, victims: [victim] });
        const key = `reason.victim_majority_${d!.reason.values.birth_known}`;
        const text = lookup(strings, key);
        expect(typeof text, `${key} in ${language}`).toBe('string');
        const names = [...(text as string).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
        expect(names.filter((n) => !Object.keys(d!.reason.values).includes(n))).toEqual([]);
      }
    },
  );

  it.each(['ro', 'en', 'uk', 'hu'])(
    '%s says for how many days the term was suspended (Criminal Code art. 156), and names the event',
    (language) => {
      const strings = read(language);
      const [d] = caseDeadlines(PROFILE, {
        ...CASES[0]!,
        events: [{ id: 'z', kind: 'limitation_suspended', on: '2024-03-01', ends_on: '2024-05-29' }],
      });
      expect(d!.reason.values.suspended_days).toBe(90);
      const plural = lookup(strings, 'reason.suspended_days_other');
      expect(typeof plural, language).toBe('string');
      expect(plural).toContain('{{count}}');
      expect(typeof lookup(strings, 'event.limitation_suspended'), language).toBe('string');
    },
  );
});
