import type { ProblemRule } from '../problem.ts';

/** Rules of criminal cases, victims in proceedings and compensation (server/src/criminal-cases, victims-in-proceedings, compensation). */
export const proceedingsRules = {} as const satisfies Record<string, ProblemRule>;
