import { problem, type CataloguedProblem } from '../problems/catalogue.ts';
import { PROCEDURAL_EVENTS, type ClosureReason, type CriminalCaseStage, type ProceduralEventKind } from './procedural-events.ts';

/**
 * Where a criminal case may go from each stage (Romanian Code of Criminal
 * Procedure, Law 135/2010): in rem to in personam (art. 305(3)), in personam
 * to indictment (art. 327: only a person can be indicted), indictment to the
 * first-instance trial (art. 342 ff.), a first-instance judgment to appeal
 * (art. 408) or to final judgment when nobody appeals (art. 551), an appeal
 * to final judgment or back to first instance for retrial (art. 421(2)(b)).
 * Any stage before final judgment may be closed (art. 16 grounds: dismissal
 * in investigation, art. 315; termination at trial, art. 396(6)); a closed
 * investigation may be reopened (art. 335). A final judgment ends the case.
 */
export const STAGE_MOVES: Readonly<Record<CriminalCaseStage, readonly CriminalCaseStage[]>> = {
  investigation_in_rem: ['investigation_in_personam', 'closed'],
  investigation_in_personam: ['indicted', 'closed'],
  indicted: ['first_instance', 'closed'],
  first_instance: ['appeal', 'final_judgment', 'closed'],
  appeal: ['final_judgment', 'first_instance', 'closed'],
  final_judgment: [],
  closed: ['investigation_in_rem', 'investigation_in_personam'],
};

/** A requested stage change: the date it took effect and, for a closure, why. */
export interface StageMove {
  from: CriminalCaseStage;
  to: CriminalCaseStage;
  closure_reason?: ClosureReason | null;
}

/**
 * Why the move is refused, or null when the law allows it (STAGE_MOVES).
 * `field` names the body field at fault: `stage` for an illegal move,
 * `closure_reason` for a closure without its reason or a reason on another move.
 * @returns stage_move_not_allowed {from, to, allowed: the stages it may move to, joined ", "},
 *   stage_move_after_final_judgment {from, to}, closure_needs_reason or reason_only_on_closure.
 */
export function stageMoveProblem(move: StageMove): (CataloguedProblem & { field: 'stage' | 'closure_reason' }) | null {
  if (!STAGE_MOVES[move.from].includes(move.to)) {
    const allowed = STAGE_MOVES[move.from];
    const stages = { from: move.from, to: move.to };
    return allowed.length
      ? { field: 'stage', ...problem('stage_move_not_allowed', { ...stages, allowed: allowed.join(', ') }) }
      : { field: 'stage', ...problem('stage_move_after_final_judgment', stages) };
  }
  if (move.to === 'closed' && !move.closure_reason) return { field: 'closure_reason', ...problem('closure_needs_reason') };
  if (move.to !== 'closed' && move.closure_reason) return { field: 'closure_reason', ...problem('reason_only_on_closure') };
  return null;
}

/** What one suspect's record says so far: the dates of their indictment and first-instance verdict. */
export interface SuspectProgress {
  indicted: boolean;
  first_instance_verdict: 'convicted' | 'acquitted' | null;
  final_verdict: 'convicted' | 'acquitted' | null;
}

/**
 * Why a suspect event cannot be recorded yet, or null: a first-instance
 * verdict needs an indictment (CPP art. 327, 349), a final verdict a
 * first-instance one (art. 551-552), a sentence a conviction (art. 396(2)).
 * Confiscation (Criminal Code art. 112) and seizure (CPP art. 249) need none:
 * special confiscation may be ordered without a conviction.
 * @returns verdict_needs_indictment, final_verdict_needs_first_instance or sentence_needs_conviction.
 */
export function suspectEventProblem(kind: ProceduralEventKind, progress: SuspectProgress): CataloguedProblem | null {
  if (PROCEDURAL_EVENTS[kind].on !== 'suspect') return null;
  const verdict = progress.final_verdict ?? progress.first_instance_verdict;
  switch (kind) {
    case 'convicted_first_instance':
    case 'acquitted_first_instance':
      return progress.indicted ? null : problem('verdict_needs_indictment');
    case 'convicted_final':
    case 'acquitted_final':
      return progress.first_instance_verdict ? null : problem('final_verdict_needs_first_instance');
    case 'sentenced':
      return verdict === 'convicted' ? null : problem('sentence_needs_conviction');
    default:
      return null;
  }
}
