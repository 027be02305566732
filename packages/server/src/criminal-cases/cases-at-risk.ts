import type { Kysely } from 'kysely';
import { caseDeadlines, type CriminalCaseStage, type JurisdictionProfile } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import type { AccessControl } from '../access/access-control.ts';
import { criminalCaseFacts } from '../access/facts.ts';
import { notComputableDeadline, type ListedDeadline } from './not-computable.ts';
import { loadProceedingsFacts } from './proceedings-facts.ts';

/** One case at risk: the case and its soonest running deadline, or the `not_computed` entry saying why none could be computed. */
export interface CaseAtRisk {
  criminal_case_id: string;
  case_number: string;
  stage: CriminalCaseStage;
  prosecutor_user_id: string | null;
  manager_user_id: string | null;
  deadline: ListedDeadline;
}

/** Cases a deadline can still run on: a closed case or one with a final judgment has none (Criminal Code art. 154). */
const OPEN_STAGES: readonly CriminalCaseStage[] = [
  'investigation_in_rem',
  'investigation_in_personam',
  'indicted',
  'first_instance',
  'appeal',
];

/**
 * The criminal cases the user may read with at least one running deadline
 * (`caseDeadlines`: limitation, pre-trial detention, the profile's terms)
 * due within `within_days` days of `as_of`, soonest first (then by case
 * number), each with that soonest deadline. A deadline already passed is not
 * "at risk": it is lost, and the case's own deadline list shows it.
 *
 * One case never fails the list: a case whose stored facts the engine
 * refuses (ProceedingsFactsError naming the record and field) or cannot apply
 * the profile to is listed first, with a `not_computed` entry whose
 * explanation is "deadline could not be computed: <reason>" and whose
 * `not_computable` gives the record, field and catalogued rule (not-computable.ts); a silently
 * dropped case is how one is lost to the statute of limitations. Cases the
 * user may not read, or is barred from by a conflict of interest, are not
 * theirs and are not listed.
 *
 * The dashboard calls it with the request's access (a prosecutor sees their
 * organisation's cases, the coordinator all: docs/access-policy.md); the
 * reminders job with its own. The cases returned are audited as a search.
 *
 * @param options.as_of ISO date (the profile's calendar day); options.within_days whole days, >= 0.
 * @returns the cases whose deadlines could not be computed (by case number), then those at risk (soonest first).
 */
export async function listCasesAtRisk(
  db: Kysely<Database>,
  profile: JurisdictionProfile,
  access: AccessControl,
  options: { as_of: string; within_days: number },
): Promise<CaseAtRisk[]> {
  const cases = await db
    .selectFrom('criminal_case')
    .select(['id', 'case_number', 'stage', 'prosecutor_user_id', 'manager_user_id'])
    .where('stage', 'in', OPEN_STAGES)
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('criminal_case_offence as o').select('o.id').whereRef('o.criminal_case_id', '=', 'criminal_case.id')),
        eb.exists(eb.selectFrom('procedural_event as e').select('e.id').whereRef('e.criminal_case_id', '=', 'criminal_case.id')),
      ]),
    )
    .where((eb) => access.filter(eb, 'read', 'CriminalCase', criminalCaseFacts()))
    .where((eb) => eb.not(access.blocked(eb, 'read', 'CriminalCase', criminalCaseFacts())))
    .execute();
  const facts = await loadProceedingsFacts(
    db,
    cases.map((c) => c.id),
    options.as_of,
  );
  const atRisk: CaseAtRisk[] = [];
  for (const c of cases) {
    let soonest: ListedDeadline | undefined;
    try {
      soonest = caseDeadlines(profile, facts.get(c.id)!).find(
        (d) => d.status === 'running' && d.days_left != null && d.days_left <= options.within_days,
      );
    } catch (error) {
      soonest = notComputableDeadline(error);
    }
    if (!soonest) continue;
    atRisk.push({
      criminal_case_id: c.id,
      case_number: c.case_number,
      stage: c.stage as CriminalCaseStage,
      prosecutor_user_id: c.prosecutor_user_id,
      manager_user_id: c.manager_user_id,
      deadline: soonest,
    });
  }
  // A case without a computed deadline has an unknown one: it comes before every known one.
  const due = (r: CaseAtRisk) => r.deadline.due_on ?? '';
  atRisk.sort((a, b) => due(a).localeCompare(due(b)) || a.case_number.localeCompare(b.case_number));
  await access.auditSearch(
    db,
    'criminal_case',
    atRisk.map((r) => r.criminal_case_id),
  );
  return atRisk;
}
