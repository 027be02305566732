import type { ProblemRule } from '../problem.ts';

/** Rules of screening, victim cases, the NRM workflow, referrals, services, accounts and the other routes outside proceedings. */
export const casesRules = {} as const satisfies Record<string, ProblemRule>;
