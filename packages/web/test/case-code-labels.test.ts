import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CONTACT_KINDS,
  GENERALISED_FIELDS,
  IDENTITY_DOCUMENT_TYPES,
  IDENTITY_FIELDS,
  LABOUR_SECTORS,
  PERSON_FIELDS,
  STATUS_DATE_FIELDS,
  VICTIM_CASE_FIELDS,
} from '@opennrm/domain';
import { accessFieldLabel } from '../src/case/code-labels.ts';
import { englishProblems } from '../src/i18n/problems/english.ts';
import { openApiDocument, requestFieldNames } from './support/request-fields.ts';

/**
 * The case page shows no code as if it were words (issue 5: every string translated): each labour sector,
 * identity document type and contact kind of the domain's lists, and each field name the access history can
 * list, has a label in Romanian, English, Ukrainian and Hungarian.
 */
type Tree = { [key: string]: string | Tree };
const LANGUAGES = ['ro', 'en', 'uk', 'hu'] as const;
const LOCALES = new URL('../src/i18n/locales/', import.meta.url);
const PROBLEMS = new URL('../src/i18n/problems/', import.meta.url);
const caseStrings = (language: string) => JSON.parse(readFileSync(new URL(`case/${language}.json`, LOCALES), 'utf8')) as Tree;

/** The "problems" namespace of a language, merged as i18n/problems/bundle.ts merges it. */
function problems(language: string): Tree {
  if (language === 'en') return englishProblems() as unknown as Tree;
  const merged: Record<string, Tree> = {};
  for (const area of readdirSync(PROBLEMS, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const file = new URL(`${area.name}/${language}.json`, PROBLEMS);
    if (!existsSync(file)) continue;
    for (const [part, entries] of Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Tree>))
      merged[part] = { ...merged[part], ...(entries as Tree) };
  }
  return merged;
}

/** An i18next `t` of `language` holding the case and problems strings, no fallback language. */
async function tOf(language: string): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({
    lng: language,
    fallbackLng: false,
    resources: { [language]: { case: caseStrings(language), problems: problems(language) } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

/**
 * Field names an access-history entry of a person can carry (the server writes them into audit events, names
 * only: docs/audit.md): the victim case's, the person's and the identity's fields (domain access/fields.ts, also
 * as "identity.<name>"), the status dates and generalised fields of the domain, `id` and `person_id` of a case
 * read, and the few names the server writes for records without a domain list: a consent's
 * (gdpr.repository.ts), the NRM history read and a step (nrm-workflow), a case team's (case-team.repository.ts).
 * A change records the names of its request's fields (`Object.keys(input)`): those come from the API's own
 * OpenAPI document below.
 */
const ACCESS_FIELDS = [
  ...VICTIM_CASE_FIELDS,
  ...PERSON_FIELDS,
  ...IDENTITY_FIELDS,
  ...IDENTITY_FIELDS.map((f) => `identity.${f}`),
  ...Object.values(STATUS_DATE_FIELDS),
  ...Object.values(GENERALISED_FIELDS).flatMap((g) => [...g.to_year, ...g.dropped]),
  'id',
  'person_id',
  'purpose',
  'given',
  'recorded_on',
  'method',
  'withdrawn_on',
  'withdrawn_by',
  'timeline',
  'workflow_state',
  'region',
  'user_id',
  'role',
];

/** The request field names of every route (the audit of a change lists its request's). */
let requestFields: string[] = [];
beforeAll(async () => {
  requestFields = requestFieldNames(await openApiDocument());
}, 60_000);

/** Record types of the audit events that name a person (the server's `record_type`), each labelled in `access.records`. */
const PERSON_RECORD_TYPES = [
  'person',
  'person_identity',
  'victim_case',
  'referral',
  'assistance',
  'consent',
  'audit_history',
  'nrm_transition',
  'criminal_case_victim',
  'victim_hearing',
  'case_team',
  'residence_status',
  'state_advance_payment',
  'compensation',
  'compensation_claim',
  'compensation_order',
  'compensation_payment',
  'legal_counsel_assignment',
  'programme_participation',
  'protection_measure',
];

describe.each(LANGUAGES)('case page codes in %s', (language) => {
  const strings = caseStrings(language);
  const group = (name: string) => strings[name] as Record<string, string> | undefined;

  it.each([
    ['sector', LABOUR_SECTORS],
    ['document_type', IDENTITY_DOCUMENT_TYPES],
    ['contact_kind', CONTACT_KINDS],
  ] as const)('labels every code of %s', (name, codes) => {
    const missing = codes.filter((code) => !group(name)?.[code]?.trim());
    expect(missing, `case/${language}.json lacks ${name}.<code>`).toEqual([]);
  });

  it('labels every field name of the access history, never as the raw name', async () => {
    const t = await tOf(language);
    const own = (problems(language).fields ?? {}) as Record<string, string>;
    const fieldStrings = (strings.access as Tree).field as Record<string, string>;
    expect(requestFields.length).toBeGreaterThan(100);
    for (const name of new Set([...ACCESS_FIELDS, ...requestFields])) {
      const label = accessFieldLabel(t, name);
      expect(label, name).not.toMatch(/_|\./);
      const field = name.replace(/^identity\./, '');
      // Other languages have no spaced stand-in: the label is one the app translated.
      if (language !== 'en') expect(fieldStrings[field] ?? own[field], `${language}: no label for "${name}"`).toBe(label);
    }
  });

  it("names every record type of a person's access history", () => {
    const records = (strings.access as Tree).records as Record<string, string>;
    expect(PERSON_RECORD_TYPES.filter((type) => !records[type]?.trim())).toEqual([]);
  });
});
