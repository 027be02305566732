/** The deadline engine of criminal proceedings (issue 6 point 2): docs/proceedings.md, "Deadlines". */
export { caseDeadlines } from './case-deadlines.ts';
export {
  notComputedDeadline,
  ProceedingsFactsError,
  type CaseDeadline,
  type DeadlineProfile,
  type ProceedingsFacts,
} from './deadline-types.ts';
export * from './criminal-procedure-profile.ts';
