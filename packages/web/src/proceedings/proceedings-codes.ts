import {
  CLOSURE_REASONS,
  COOPERATION_KINDS,
  CRIMINAL_CASE_STAGES,
  PROCEDURAL_EVENTS,
  PROCEDURAL_EVENT_KINDS,
  type VictimRoleInProceedings,
} from '@opennrm/domain/proceedings/vocabulary';
import { STAGE_MOVES } from '@opennrm/domain/proceedings/stage-moves';
import type { Schemas } from '../api/client.ts';
import type { paths } from '../api/schema.gen.ts';

/**
 * The vocabulary of criminal proceedings the screens offer (the domain's,
 * packages/domain/src/proceedings/procedural-events.ts: Romanian Code of
 * Criminal Procedure stages, closure grounds of art. 16, procedural events),
 * each checked against the API's own enum (schema.gen.ts): if the server and
 * the domain ever disagree the type check fails here, so a form never offers
 * a code the server refuses. Their words are in the `proceedings` strings.
 */
export type Stage = Schemas['CriminalCase']['stage'];
export type ClosureReason = NonNullable<Schemas['CriminalCase']['closure_reason']>;
export type EventKind = Schemas['ProceduralEvent']['kind'];
export type CooperationKind = Schemas['CriminalCaseCooperation']['kind'];
export type VictimRole = Schemas['CriminalCaseVictim']['role'];
export type RecordEventBody = paths['/api/v1/criminal-cases/{id}/events']['post']['requestBody']['content']['application/json'];
export type StageChangeBody = paths['/api/v1/criminal-cases/{id}/stage']['post']['requestBody']['content']['application/json'];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree = <T extends true>(value: T) => value;
agree<Same<(typeof CRIMINAL_CASE_STAGES)[number], Stage>>(true);
agree<Same<(typeof CLOSURE_REASONS)[number], ClosureReason>>(true);
agree<Same<(typeof PROCEDURAL_EVENT_KINDS)[number], EventKind>>(true);
agree<Same<(typeof COOPERATION_KINDS)[number], CooperationKind>>(true);
agree<Same<VictimRoleInProceedings, VictimRole>>(true);

/** The stages a case normally moves through, for the stepper (closure is shown apart). */
export const STAGE_PATH: readonly Stage[] = CRIMINAL_CASE_STAGES.filter((s) => s !== 'closed');

export { CLOSURE_REASONS, COOPERATION_KINDS, PROCEDURAL_EVENTS, PROCEDURAL_EVENT_KINDS, STAGE_MOVES };

/** Events that are about one suspect (the form then asks which). */
export const isSuspectEvent = (kind: EventKind) => PROCEDURAL_EVENTS[kind].on === 'suspect';
/** Events that carry the last day of a warrant or measure. */
export const hasEnd = (kind: EventKind) => PROCEDURAL_EVENTS[kind].has_end;
/** Events that carry an amount (Criminal Code art. 112 confiscation, CPP art. 249 seizure). */
export const hasAmount = (kind: EventKind) => kind === 'confiscation_ordered' || kind === 'assets_seized';
