import { columnFact, type FactsSql } from '../access/policy-sql.ts';

/** Facts of a screening row (ScreeningFacts in packages/domain/src/access/access-policy.ts), over the table `screening`. */
export function screeningFacts(): FactsSql {
  return {
    organisation_id: columnFact('screening.organisation_id'),
    recorded_by_user_id: columnFact('screening.recorded_by_user_id'),
  };
}
