import { createHash } from 'node:crypto';
import type { BulkTransaction } from '../db/database.ts';
import { newId } from '../shared/ids.ts';
import type { DemoPlan } from './demo-plan.ts';

/**
 * The account demo screenings are recorded by: disabled, with no password
 * ("!", as /etc/shadow writes it), so nobody signs in as it. A screening's
 * recorder is required (the offline sync is per author), and demo records
 * have no real author.
 */
export const DEMO_SCREENING_RECORDER = 'demo.screening-records';

/**
 * Writes the demo's screenings with COPY, inside the demo's transaction: the
 * stored evaluation is the planner's (the domain evaluator's), and a screening
 * a victim's case was opened from is linked to that case.
 * @returns the number of screenings written.
 */
export async function writeDemoScreenings(
  tx: BulkTransaction,
  plan: DemoPlan,
  caseIds: readonly string[],
  org: (code: string) => string,
): Promise<number> {
  if (plan.screenings.length === 0) return 0;
  await tx.query(
    `INSERT INTO app_user (id, username, display_name, password_hash, role, organisation_id, must_change_password, disabled)
     VALUES ($1, $2, 'Synthetic demo screenings (no sign-in)', '!', 'front_line_responder', NULL, false, true)
     ON CONFLICT (username) DO NOTHING`,
    [newId(), DEMO_SCREENING_RECORDER],
  );
  const [recorder] = await tx.query<{ id: string }>('SELECT id FROM app_user WHERE username = $1', [DEMO_SCREENING_RECORDER]);
  return tx.copyRows(
    'screening',
    [
      'id',
      'revision',
      'content_sha256',
      'recorded_at',
      'first_received_at',
      'received_at',
      'recorded_by_user_id',
      'organisation_id',
      'county',
      'context',
      'subject_age_years',
      'subject_age_group',
      'subject_sex',
      'subject_citizenships',
      'exploitation',
      'answers',
      'instrument',
      'indicator_set',
      'outcome',
      'evaluation',
      'victim_case_id',
      'case_opened_at',
      'synthetic',
    ],
    plan.screenings.map((s) => {
      const answers = JSON.stringify(s.answers);
      return [
        newId(),
        1,
        createHash('sha256').update(answers).digest('hex'),
        s.recorded_at,
        s.recorded_at,
        s.recorded_at,
        recorder!.id,
        org(s.organisation),
        s.county,
        s.context,
        s.subject.age_years ?? null,
        s.evaluation.victim,
        s.subject.sex,
        s.subject.citizenships,
        s.exploitation,
        answers,
        s.evaluation.instrument,
        s.evaluation.set,
        s.evaluation.outcome,
        JSON.stringify(s.evaluation),
        s.victim == null ? null : caseIds[s.victim],
        s.victim == null ? null : s.recorded_at,
        true,
      ];
    }),
  );
}
