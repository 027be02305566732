import type { Kysely } from 'kysely';
import { caseDeadlines, ProceedingsFactsError, type CriminalCaseStage, type JurisdictionProfile } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import type { CaseAtRisk } from '../criminal-cases/cases-at-risk.ts';
import { loadProceedingsFacts } from '../criminal-cases/proceedings-facts.ts';

/** Cases read per query and per call of the deadline engine. */
const BATCH = 500;

/** What the reminders run works from: every deadline due soon, and the cases whose facts the engine refused. */
export interface DeadlinesToRemind {
  /** One row per running deadline (not per case), soonest first. */
  cases: CaseAtRisk[];
  /** Cases left out because their stored facts cannot be computed from (the error names the record and field). */
  refused: { criminal_case_id: string; case_number: string; error: string }[];
}

/**
 * Every running deadline (the domain's caseDeadlines: limitation, pre-trial
 * detention, the profile's terms) of every criminal case not closed, due
 * within `within_days` days of `as_of`. Unlike the at-risk dashboard
 * (listCasesAtRisk), which shows each case's soonest deadline, this keeps them
 * all: a detention warrant renewed every month must not hide the limitation
 * term behind it from its reminders.
 *
 * No access filter: this is the system's job, and it writes only to each
 * case's own prosecutor and manager. A case whose facts the engine refuses
 * (ProceedingsFactsError) is listed in `refused` instead of stopping the
 * reminders of every other case.
 */
export async function deadlinesToRemind(
  db: Kysely<Database>,
  profile: JurisdictionProfile,
  options: { as_of: string; within_days: number },
): Promise<DeadlinesToRemind> {
  const all = await db
    .selectFrom('criminal_case')
    .select(['id', 'case_number', 'stage', 'prosecutor_user_id', 'manager_user_id'])
    .where('closed_on', 'is', null)
    .orderBy('id')
    .execute();
  const result: DeadlinesToRemind = { cases: [], refused: [] };
  for (let i = 0; i < all.length; i += BATCH) {
    const batch = all.slice(i, i + BATCH);
    const facts = await loadProceedingsFacts(
      db,
      batch.map((c) => c.id),
      options.as_of,
    );
    for (const c of batch) {
      let deadlines;
      try {
        deadlines = caseDeadlines(profile, facts.get(c.id)!);
      } catch (error) {
        if (!(error instanceof ProceedingsFactsError)) throw error;
        result.refused.push({ criminal_case_id: c.id, case_number: c.case_number, error: error.message });
        continue;
      }
      for (const deadline of deadlines)
        if (deadline.status === 'running' && deadline.days_left !== null && deadline.days_left <= options.within_days)
          result.cases.push({
            criminal_case_id: c.id,
            case_number: c.case_number,
            stage: c.stage as CriminalCaseStage,
            prosecutor_user_id: c.prosecutor_user_id,
            manager_user_id: c.manager_user_id,
            deadline,
          });
    }
  }
  result.cases.sort((a, b) => a.deadline.due_on!.localeCompare(b.deadline.due_on!) || a.case_number.localeCompare(b.case_number));
  return result;
}
