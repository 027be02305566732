import {
  NRM_TRANSITIONS,
  NrmWorkflowError,
  planTransition,
  type NrmStatus,
  type NrmWorkflowEvent,
  type NrmWorkflowRules,
  type NrmWorkflowState,
  type TransitionRequest,
} from '@opennrm/domain';
import { shippedProfile } from '@opennrm/domain/profiles';
import type { Schemas } from '../api/client.ts';

/**
 * The NRM workflow's rules in the browser: the same table and checks the
 * server runs (`planTransition`, packages/domain/src/nrm/workflow.ts) with
 * the profile's closure reasons and grounds, so the form offers only the
 * steps the case can take and names a wrong field before anything is sent.
 * The server's answer stays authoritative. Like the screening wizard, the
 * app uses the profile shipped in @opennrm/domain (docs/web.md).
 */
const PROFILE = shippedProfile('romania');

export const nrmWorkflow = (): NrmWorkflowRules => PROFILE.nrm_workflow;

/**
 * Steps taken on the case page. `open` is taken from a screening, `refer`
 * and `assist` by sending a referral and recording a service (their record
 * is the step's source: docs/services.md, "One state machine").
 */
const PAGE_EVENTS: readonly NrmWorkflowEvent[] = ['presume', 'identify', 'reject', 'close', 'reopen'];

/** The NRM functions of the user's organisation, from the profile's institutions (an NGO added later has none of the decision ones). */
export function organisationFunctions(organisationCode: string | null): readonly string[] {
  return PROFILE.institutions.find((i) => i.code === organisationCode)?.functions ?? [];
}

/** The steps the case can take now, by the transitions table, for this organisation. */
export function availableEvents(state: NrmWorkflowState, nrmStatus: NrmStatus | null, functions: readonly string[]): NrmWorkflowEvent[] {
  return NRM_TRANSITIONS.filter(
    (rule) =>
      PAGE_EVENTS.includes(rule.event) &&
      rule.from.includes(state) &&
      (!rule.sets_status || rule.sets_status.from.includes(nrmStatus)) &&
      (!rule.decision || functions.includes('identifying_body')),
  ).map((rule) => rule.event);
}

/** Whether a step is a decision of the competent body (identify, reject): written reasons required. */
export const isDecision = (event: NrmWorkflowEvent) => NRM_TRANSITIONS.some((r) => r.event === event && r.decision);

export interface CheckFacts {
  state: NrmWorkflowState;
  nrmStatus: NrmStatus | null;
  isChild: boolean | null;
  steps: Schemas['NrmTransition'][];
  organisationCode: string | null;
  userId: string;
}

/**
 * Runs the domain's checks on a step. Returns null when it passes, else the
 * rule's code and the request field at fault (translated by the form).
 */
export function checkStep(
  facts: CheckFacts,
  request: TransitionRequest,
): { code: NrmWorkflowError['code']; field: string | undefined } | null {
  const lastClosure = [...facts.steps].reverse().find((s) => s.to_state === 'closed');
  const opener = facts.steps.find((s) => s.event === 'open');
  try {
    planTransition(
      {
        state: facts.state,
        nrm_status: facts.nrmStatus,
        is_child: facts.isChild,
        has_transitions: facts.steps.length > 0,
        // The page takes no first step, so no notification is due from it; the server decides that one.
        child_protection_notified: true,
        closed_from: facts.state === 'closed' ? (lastClosure?.from_state ?? null) : null,
        consents: [],
      },
      request,
      {
        user_id: facts.userId,
        organisation_id: null,
        organisation_functions: organisationFunctions(facts.organisationCode),
        is_screening_organisation: opener?.actor_organisation_code != null && opener.actor_organisation_code === facts.organisationCode,
      },
      PROFILE.nrm_workflow,
    );
    return null;
  } catch (error) {
    if (error instanceof NrmWorkflowError) return { code: error.code, field: error.field };
    throw error;
  }
}
