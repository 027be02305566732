import type { Kysely } from 'kysely';
import type { ProceduralEventKind, ProceedingsFacts } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';

/** The kinds whose date is the final judgment of a suspect: the limitation stops running there (Criminal Code art. 154). */
const FINAL_VERDICTS: readonly ProceduralEventKind[] = ['convicted_final', 'acquitted_final'];

/**
 * What the deadline engine (`caseDeadlines`, packages/domain/src/proceedings)
 * needs of each criminal case: its dated offences, its procedural events, its
 * linked victims' years of birth, the closure date and the day of the final
 * judgment, read in one query per table for any number of cases.
 *
 * Victims are given by year of birth only, never the date: the date is sealed
 * identity data, and decrypting every linked victim's identity on each
 * dashboard load and reminders run would be identity access no user asked
 * for. The engine then takes 1 January of the year as the day a victim came
 * of age (Criminal Code art. 154(4)), so a deadline is at most a year early,
 * never late. No access check: callers check the cases first
 * (case-access.ts, cases-at-risk.ts).
 *
 * `final_judgment_on` is the latest final verdict event of a case at stage
 * `final_judgment`; a case moved there with no final verdict recorded takes the
 * day its record last changed, so that no limitation runs past the judgment.
 *
 * @param asOf ISO date the deadlines are computed at.
 * @returns facts by case id; a case id that does not exist is absent.
 */
export async function loadProceedingsFacts(
  db: Kysely<Database>,
  caseIds: readonly string[],
  asOf: string,
): Promise<Map<string, ProceedingsFacts>> {
  const out = new Map<string, ProceedingsFacts>();
  if (caseIds.length === 0) return out;
  const ids = [...caseIds];
  const [cases, offences, events, victims] = await Promise.all([
    db.selectFrom('criminal_case').select(['id', 'stage', 'closed_on', 'updated_at']).where('id', 'in', ids).execute(),
    db
      .selectFrom('criminal_case_offence')
      .select(['id', 'criminal_case_id', 'article', 'committed_on', 'committed_until', 'suspect_id'])
      .where('criminal_case_id', 'in', ids)
      .orderBy('committed_on')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('procedural_event')
      .select(['id', 'criminal_case_id', 'kind', 'occurred_on', 'ends_on', 'suspect_id', 'phase'])
      .where('criminal_case_id', 'in', ids)
      .orderBy('occurred_on')
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    // Only the year of birth: the least identifying field that answers (the date of birth is sealed identity data).
    db
      .selectFrom('criminal_case_victim as l')
      .innerJoin('victim_case as v', 'v.id', 'l.victim_case_id')
      .innerJoin('person as p', 'p.id', 'v.person_id')
      .select(['l.criminal_case_id', 'p.birth_year'])
      .where('l.criminal_case_id', 'in', ids)
      .orderBy('l.criminal_case_id')
      .orderBy('l.victim_case_id')
      .execute(),
  ]);
  for (const c of cases)
    out.set(c.id, { as_of: asOf, offences: [], events: [], victims: [], closed_on: c.closed_on, final_judgment_on: null });
  for (const v of victims) out.get(v.criminal_case_id)!.victims!.push({ birth_year: v.birth_year });
  for (const { criminal_case_id, ...offence } of offences) out.get(criminal_case_id)!.offences.push(offence);
  for (const e of events) {
    out.get(e.criminal_case_id)!.events.push({
      id: e.id,
      kind: e.kind as ProceduralEventKind,
      on: e.occurred_on,
      ends_on: e.ends_on,
      suspect_id: e.suspect_id,
      phase: e.phase as 'investigation' | 'trial' | null,
    });
  }
  for (const c of cases) {
    if (c.stage !== 'final_judgment') continue;
    const facts = out.get(c.id)!;
    const finals = facts.events.filter((e) => FINAL_VERDICTS.includes(e.kind)).map((e) => e.on);
    facts.final_judgment_on = finals.length ? finals[finals.length - 1]! : c.updated_at.toISOString().slice(0, 10);
  }
  return out;
}
