import type { BulkTransaction } from '../db/database.ts';
import { newId } from '../shared/ids.ts';
import type { DemoPlan } from './demo-plan.ts';

/**
 * Writes the demo's dated offences, procedural events and international
 * cooperation (plan-proceedings.ts) with COPY inside the demo's transaction.
 * A case's stage, closure and organised-crime flag are written with the case (write-demo.ts).
 * @param suspectIds the ids written for each case's suspects, in plan order.
 * @returns how many rows of each were written.
 */
export async function writeDemoProceedings(
  tx: BulkTransaction,
  plan: DemoPlan,
  criminalCaseIds: readonly string[],
  suspectIds: readonly (readonly string[])[],
): Promise<{ offences: number; procedural_events: number; cooperation: number }> {
  const withProceedings = plan.criminal_cases.flatMap((c, i) => (c.proceedings ? [{ p: c.proceedings, i }] : []));
  const offences = await tx.copyRows(
    'criminal_case_offence',
    ['id', 'criminal_case_id', 'article', 'committed_on', 'committed_until'],
    withProceedings.flatMap(({ p, i }) =>
      p.offences.map((o) => [newId(), criminalCaseIds[i], o.article, o.committed_on, o.committed_until]),
    ),
  );
  const events = await tx.copyRows(
    'procedural_event',
    [
      'id',
      'criminal_case_id',
      'suspect_id',
      'kind',
      'occurred_on',
      'ends_on',
      'phase',
      'sentence_months',
      'sentence_suspended',
      'amount',
      'currency',
      'note',
      'created_at',
    ],
    withProceedings.flatMap(({ p, i }) =>
      p.events.map((e) => [
        newId(),
        criminalCaseIds[i],
        e.suspect == null ? null : suspectIds[i]![e.suspect]!,
        e.kind,
        e.occurred_on,
        e.ends_on,
        e.phase,
        e.sentence_months,
        e.sentence_suspended,
        e.amount,
        e.currency,
        e.note,
        `${e.occurred_on} 09:00:00+00`,
      ]),
    ),
  );
  const cooperation = await tx.copyRows(
    'criminal_case_cooperation',
    ['id', 'criminal_case_id', 'kind', 'countries', 'opened_on', 'concluded_on'],
    withProceedings.flatMap(({ p, i }) =>
      p.cooperation.map((k) => [newId(), criminalCaseIds[i], k.kind, k.countries, k.opened_on, k.concluded_on]),
    ),
  );
  return { offences, procedural_events: events, cooperation };
}
