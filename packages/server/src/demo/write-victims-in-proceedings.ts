import type { BulkTransaction } from '../db/database.ts';
import { newId } from '../shared/ids.ts';
import type { DemoPlan } from './demo-plan.ts';

/**
 * Writes the demo's hearings, legal counsel, programme participations and
 * protection measures with COPY inside the demo's transaction, every row marked synthetic.
 * @returns how many of each were written.
 */
export async function writeDemoVictimsInProceedings(
  tx: BulkTransaction,
  plan: DemoPlan,
  caseIds: readonly string[],
  criminalCaseIds: readonly string[],
  org: (code: string) => string,
): Promise<{ hearings: number; legal_counsel: number; programmes: number; protection_measures: number }> {
  const { hearings, legal_counsel, programmes, protection_measures } = plan.victims_in_proceedings;
  return {
    hearings: await tx.copyRows(
      'victim_hearing',
      [
        'id',
        'victim_case_id',
        'criminal_case_id',
        'status',
        'planned_on',
        'held_on',
        'body_organisation_id',
        'body_kind',
        'settings',
        'counsel_present',
        'interpreter_language',
        'synthetic',
      ],
      hearings.map((h) => [
        newId(),
        caseIds[h.victim]!,
        criminalCaseIds[h.criminal_case]!,
        h.status,
        h.planned_on,
        h.held_on,
        org(h.body),
        h.body_kind,
        h.settings,
        h.counsel_present,
        h.interpreter_language,
        true,
      ]),
    ),
    legal_counsel: await tx.copyRows(
      'legal_counsel_assignment',
      ['id', 'victim_case_id', 'counsel_bar', 'assigned_on', 'mandatory', 'synthetic'],
      legal_counsel.map((c) => [newId(), caseIds[c.victim]!, c.counsel_bar, c.assigned_on, c.mandatory, true]),
    ),
    programmes: await tx.copyRows(
      'programme_participation',
      ['id', 'victim_case_id', 'programme', 'started_on', 'ended_on', 'synthetic'],
      programmes.map((p) => [newId(), caseIds[p.victim]!, p.programme, p.started_on, p.ended_on, true]),
    ),
    protection_measures: await tx.copyRows(
      'protection_measure',
      ['id', 'victim_case_id', 'measure', 'ordered_on', 'ended_on', 'ordered_by_organisation_id', 'synthetic'],
      protection_measures.map((m) => [newId(), caseIds[m.victim]!, m.measure, m.ordered_on, m.ended_on, org(m.ordered_by), true]),
    ),
  };
}
