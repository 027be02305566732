import type { NrmStatus } from './codes.ts';
import type { NrmWorkflowRules } from './nrm-workflow-profile.ts';
import { consentState, type ConsentFacts, type ConsentState } from '../gdpr/consent.ts';
import { problem, problemText, type CataloguedProblem } from '../problems/catalogue.ts';

/**
 * The NRM workflow (issue 4, point 2) as an explicit state machine: where a
 * victim case stands in the journey from screening to closure, which steps
 * may follow, and the rules every step must keep. Pure: the server loads the
 * facts, calls planTransition, and writes the plan in one transaction
 * (packages/server/src/nrm-workflow/, docs/nrm-workflow.md).
 *
 * The workflow state is the case's latest step. Its NRM status
 * (potential, presumed, identified, not_a_victim: codes.ts) is the recognition
 * the case has reached, which the statistics count; the decision steps move
 * it forward and nothing moves it back.
 *
 * Sources: Romanian Law 678/2001 on preventing and combating trafficking in
 * persons; the national identification and referral mechanism (Mecanismul
 * național de identificare și referire, HG 88/2018; verify); Directive
 * 2011/36/EU art. 11 (assistance), 13 to 16 (children); Council of Europe
 * Convention CETS 197 art. 10 (identification), 12 (assistance); UN CRC art. 3.
 */
export const NRM_WORKFLOW_STATES = [
  'screening',
  'potential_victim',
  'referred',
  'presumed_victim',
  'identified_victim',
  'not_a_victim',
  'assisted',
  'closed',
] as const;
export type NrmWorkflowState = (typeof NRM_WORKFLOW_STATES)[number];

export const NRM_WORKFLOW_EVENTS = ['open', 'refer', 'presume', 'assist', 'identify', 'reject', 'close', 'reopen'] as const;
export type NrmWorkflowEvent = (typeof NRM_WORKFLOW_EVENTS)[number];

/** One row of the transitions table. */
export interface TransitionRule {
  event: NrmWorkflowEvent;
  /** States the event may leave. */
  from: readonly NrmWorkflowState[];
  /** The state it enters; "previous": the state the case was closed from (reopen). */
  to: NrmWorkflowState | 'previous';
  /** States in which the event changes nothing and records nothing (a second referral of a case already referred). */
  no_op_in?: readonly NrmWorkflowState[];
  /** The NRM status the event sets, and the statuses it may set it from. */
  sets_status?: { status: NrmStatus; from: readonly (NrmStatus | null)[] };
  /** A decision by the competent body: needs the identifying_body function and written reasons. */
  decision?: true;
  /** What the step means, in a caseworker's words. */
  description: string;
  source: string;
}

const UNDECIDED: readonly (NrmStatus | null)[] = [null, 'potential', 'presumed'];
const OPEN_STATES: readonly NrmWorkflowState[] = NRM_WORKFLOW_STATES.filter((s) => s !== 'closed');
const NRM_RO = 'Law 678/2001; national identification and referral mechanism (HG 88/2018, verify)';

/**
 * The transitions table: every step the workflow allows. Anything else is
 * rejected (NrmWorkflowError "transition_not_allowed").
 */
export const NRM_TRANSITIONS: readonly TransitionRule[] = [
  {
    event: 'open',
    from: ['screening'],
    to: 'potential_victim',
    sets_status: { status: 'potential', from: [null, 'potential'] },
    description: 'A screening found indicators: the person is a potential victim and a case is open.',
    source: `${NRM_RO}; OSCE/ODIHR NRM handbook (2nd ed., 2022) ch. 3`,
  },
  {
    event: 'refer',
    from: ['potential_victim', 'presumed_victim', 'identified_victim', 'referred', 'assisted'],
    to: 'referred',
    no_op_in: ['referred', 'assisted'],
    description: 'The case is referred to a service provider (an adult must consent to the referral).',
    source: `${NRM_RO}; GDPR art. 6(1)(a), 9(2)(a); OSCE/ODIHR NRM handbook ch. 4`,
  },
  {
    event: 'presume',
    from: ['potential_victim', 'referred', 'assisted'],
    to: 'presumed_victim',
    sets_status: { status: 'presumed', from: [null, 'potential'] },
    description: 'Reasonable grounds to believe the person is a victim: assistance starts.',
    source: 'Directive 2011/36/EU art. 11(2); CETS 197 art. 10(2)',
  },
  {
    event: 'assist',
    from: ['potential_victim', 'referred', 'presumed_victim', 'identified_victim', 'assisted'],
    to: 'assisted',
    no_op_in: ['assisted'],
    description: 'A first service was delivered: the victim is assisted.',
    source: 'Directive 2011/36/EU art. 11; 2024 TIP report, Romania narrative (count victims assisted)',
  },
  {
    event: 'identify',
    from: ['potential_victim', 'referred', 'presumed_victim', 'assisted'],
    to: 'identified_victim',
    sets_status: { status: 'identified', from: UNDECIDED },
    decision: true,
    description: 'The competent body formally identifies the person as a victim, with the date and its reasons.',
    source: `${NRM_RO}; CETS 197 art. 10(1) (identification by competent authorities)`,
  },
  {
    event: 'reject',
    from: ['potential_victim', 'referred', 'presumed_victim', 'assisted'],
    to: 'not_a_victim',
    sets_status: { status: 'not_a_victim', from: UNDECIDED },
    decision: true,
    description: 'The competent body decides the person is not a victim, with the date and its reasons.',
    source: `${NRM_RO}; CETS 197 art. 10(1)`,
  },
  {
    event: 'close',
    from: OPEN_STATES,
    to: 'closed',
    description: 'The case is closed with a reason (reintegrated, returned, lost contact, declined).',
    source: 'OSCE/ODIHR NRM handbook (2nd ed., 2022) ch. 5; profile nrm_workflow.closure_reasons',
  },
  {
    event: 'reopen',
    from: ['closed'],
    to: 'previous',
    description: 'A closed case is opened again (the person came back, or consents after all), where it was closed from.',
    source: 'OSCE/ODIHR NRM handbook (2nd ed., 2022) ch. 5 (re-entry into the mechanism)',
  },
];

/** The state a case that never went through the workflow stands at, from its NRM status (imports, older records). */
export function impliedWorkflowState(status: NrmStatus | null): NrmWorkflowState {
  switch (status) {
    case 'potential':
      return 'potential_victim';
    case 'presumed':
      return 'presumed_victim';
    case 'identified':
      return 'identified_victim';
    case 'not_a_victim':
      return 'not_a_victim';
    default:
      return 'screening';
  }
}

/** Why a step is refused. `field` names the request field at fault, when one is. */
export const NRM_WORKFLOW_ERRORS = [
  'transition_not_allowed',
  'already_opened',
  'decision_taken',
  'not_identifying_body',
  'reasons_required',
  'consent_required',
  'closure_reason_required',
  'unknown_closure_reason',
  'unknown_ground',
  'assistance_conditional_on_proceedings',
  'nothing_to_reopen',
] as const;
export type NrmWorkflowErrorCode = (typeof NRM_WORKFLOW_ERRORS)[number];

/**
 * A refused step: `code` says which rule of the workflow, `problem` says it as a catalogued rule with its
 * parameters (for the API to send and clients to translate), `message` is its English text.
 */
export class NrmWorkflowError extends Error {
  readonly code: NrmWorkflowErrorCode;
  readonly field: string | undefined;
  readonly problem: CataloguedProblem;
  constructor(code: NrmWorkflowErrorCode, refusal: CataloguedProblem, field?: string) {
    super(problemText(refusal));
    this.name = 'NrmWorkflowError';
    this.code = code;
    this.field = field;
    this.problem = refusal;
  }
}

/**
 * Why an adult's referral is refused, by the state of the consent to
 * "referral" on the day: a person who said no is told apart from a record
 * nobody has made yet, so nobody is asked to "record consent" over a refusal
 * (GDPR art. 7(3): a withdrawal stands until consent is given again).
 */
const CONSENT_RULES = {
  none: 'referral_consent_missing',
  refused: 'referral_consent_refused',
  withdrawn: 'referral_consent_withdrawn',
} as const satisfies Record<Exclude<ConsentState, 'given'>, string>;

/** Fewest characters of written reasons for a decision or a reopening. */
const MIN_REASON_LENGTH = 10;

/** The case as the workflow sees it. */
export interface WorkflowCase {
  state: NrmWorkflowState;
  nrm_status: NrmStatus | null;
  /** countsAsChild of the case (null: age unknown). */
  is_child: boolean | null;
  /** Whether any transition is recorded yet ("open" is the first, and only once). */
  has_transitions: boolean;
  /** Whether the county child-protection service has been notified of this case. */
  child_protection_notified: boolean;
  /** The state the case was closed from (for reopen), null when it is not closed. */
  closed_from: NrmWorkflowState | null;
  /** The person's consent records (gdpr/consent.ts). */
  consents: readonly ConsentFacts[];
}

/** Who takes the step: the user and their organisation's NRM functions (profile institutions, organisation table). */
export interface WorkflowActor {
  user_id: string;
  organisation_id: string | null;
  organisation_functions: readonly string[];
  /** Whether the organisation is the one that screened the person (opened the case). */
  is_screening_organisation: boolean;
}

export interface TransitionRequest {
  event: NrmWorkflowEvent;
  /** The day the step happened, ISO "YYYY-MM-DD" (a decision's date). */
  occurred_on: string;
  /** Why: required for decisions (their reasons) and reopening. */
  reason?: string | null;
  /** For close: a code of profile nrm_workflow.closure_reasons. */
  closure_reason?: string | null;
  /** For close: codes of profile nrm_workflow.closure_grounds explaining it. */
  grounds?: readonly string[];
  /**
   * The age is uncertain and there are reasons to believe the person is a
   * child: treat as a child (Directive 2011/36/EU art. 13(2); CETS 197 art. 10(3)).
   */
  presumed_child?: boolean;
}

/** What a step does; the server writes all of it in one transaction. */
export interface TransitionPlan {
  event: NrmWorkflowEvent;
  from: NrmWorkflowState;
  to: NrmWorkflowState;
  /** Nothing to record: the case already stands where the event leads (refer or assist again). */
  no_op: boolean;
  /** The NRM status the case takes, with its date column, or null when unchanged. */
  status_change: { status: NrmStatus; date_field: 'potential_on' | 'presumed_on' | 'identified_on' | 'not_a_victim_on' } | null;
  /** Notify the county child-protection service now. */
  notify_child_protection: boolean;
  /** Record an anonymous notification (an adult declined; statistics still see the victim). */
  anonymous_notification: boolean;
}

const DATE_FIELD = {
  potential: 'potential_on',
  presumed: 'presumed_on',
  identified: 'identified_on',
  not_a_victim: 'not_a_victim_on',
} as const;

/** Whether the case is a child's for the workflow: known to be, or presumed so while the age is uncertain. */
export function treatedAsChild(c: Pick<WorkflowCase, 'is_child'>, request: Pick<TransitionRequest, 'presumed_child'>): boolean {
  return c.is_child === true || (c.is_child !== false && request.presumed_child === true);
}

/**
 * Checks a step against the transitions table and the rules, and says what it does.
 *
 * Rules (docs/nrm-workflow.md):
 * 1. only the transitions of NRM_TRANSITIONS; "open" once, as the first step;
 * 2. a decision (identify, reject) is taken only by an organisation with the
 *    profile function `identifying_body`, never by one that only screened,
 *    with written reasons, and only on an undecided case (Law 678/2001; CETS 197 art. 10);
 * 3. an adult is referred only with consent to the referral holding on the
 *    day (GDPR art. 6(1)(a), 9(2)(a)); a child needs none: child protection acts;
 * 4. a closure names a profile closure reason and no forbidden ground:
 *    assistance is never conditional on taking part in criminal proceedings
 *    (Directive 2011/36/EU art. 11(3); CETS 197 art. 12(6));
 * 5. a child's case notifies the county child-protection service at once, on
 *    its first step (Directive 2011/36/EU art. 13-16; UN CRC art. 3 and 19);
 * 6. closing an undecided adult's case as "declined" leaves an anonymous
 *    notification, so the statistics still see the victim (issue 4 point 3).
 *
 * @throws NrmWorkflowError with the code and, where one is at fault, the request field.
 */
export function planTransition(c: WorkflowCase, request: TransitionRequest, actor: WorkflowActor, rules: NrmWorkflowRules): TransitionPlan {
  const rule = NRM_TRANSITIONS.find((r) => r.event === request.event)!;
  if (request.event === 'open' && c.has_transitions)
    throw new NrmWorkflowError('already_opened', problem('workflow_already_opened'), 'event');
  if (!rule.from.includes(c.state))
    throw new NrmWorkflowError(
      'transition_not_allowed',
      problem('workflow_step_not_allowed', { from: c.state, event: request.event, values: rule.from.join(', ') }),
      'event',
    );
  const child = treatedAsChild(c, request);
  const noOp = rule.no_op_in?.includes(c.state) ?? false;
  const reason = request.reason?.trim() ?? '';

  if (rule.sets_status && !rule.sets_status.from.includes(c.nrm_status))
    throw new NrmWorkflowError(
      'decision_taken',
      problem('workflow_decision_taken', {
        status: c.nrm_status ?? 'new',
        event: request.event,
        sets: rule.sets_status.status,
        values: rule.sets_status.from.map((s) => s ?? 'new').join(' or '),
      }),
      'event',
    );
  if (rule.decision) {
    if (!actor.organisation_functions.includes('identifying_body'))
      throw new NrmWorkflowError(
        'not_identifying_body',
        actor.is_screening_organisation ? problem('screening_organisation_may_not_decide') : problem('only_identifying_body_decides'),
      );
    if (reason.length < MIN_REASON_LENGTH)
      throw new NrmWorkflowError('reasons_required', problem('decision_reasons_required', { minimum: MIN_REASON_LENGTH }), 'reason');
  }
  if (request.event === 'refer' && !noOp && !child) {
    const consent = consentState(c.consents, 'referral', request.occurred_on);
    if (consent !== 'given') throw new NrmWorkflowError('consent_required', problem(CONSENT_RULES[consent], { date: request.occurred_on }));
  }
  if (request.event === 'reopen') {
    if (!c.closed_from) throw new NrmWorkflowError('nothing_to_reopen', problem('nothing_to_reopen'));
    if (reason.length < MIN_REASON_LENGTH)
      throw new NrmWorkflowError('reasons_required', problem('reopen_reasons_required', { minimum: MIN_REASON_LENGTH }), 'reason');
  }
  if (request.event === 'close') checkClosure(request, rules);
  else if (request.closure_reason != null || (request.grounds?.length ?? 0) > 0)
    throw new NrmWorkflowError('transition_not_allowed', problem('closure_fields_only_on_close'), 'closure_reason');

  const to = rule.to === 'previous' ? c.closed_from! : noOp ? c.state : rule.to;
  const status = rule.sets_status?.status;
  return {
    event: request.event,
    from: c.state,
    to,
    no_op: noOp,
    status_change: status && status !== c.nrm_status ? { status, date_field: DATE_FIELD[status] } : null,
    notify_child_protection: child && !c.child_protection_notified,
    anonymous_notification:
      request.event === 'close' &&
      request.closure_reason === 'declined' &&
      !child &&
      c.nrm_status !== 'identified' &&
      c.nrm_status !== 'not_a_victim',
  };
}

/**
 * A closure names a closure reason of the profile, and grounds it lists, none forbidden.
 * Exported so that other steps that end assistance (a provider declining a referral) apply the same rule.
 * @throws NrmWorkflowError closure_reason_required, unknown_closure_reason, unknown_ground or
 *   assistance_conditional_on_proceedings (naming the ground and its source).
 */
export function checkClosure(request: Pick<TransitionRequest, 'closure_reason' | 'grounds'>, rules: NrmWorkflowRules): void {
  if (!request.closure_reason)
    throw new NrmWorkflowError(
      'closure_reason_required',
      problem('closure_reason_required', { values: rules.closure_reasons.map((r) => r.code).join(', ') }),
      'closure_reason',
    );
  if (!rules.closure_reasons.some((r) => r.code === request.closure_reason))
    throw new NrmWorkflowError(
      'unknown_closure_reason',
      problem('unknown_closure_reason', { code: request.closure_reason, values: rules.closure_reasons.map((r) => r.code).join(', ') }),
      'closure_reason',
    );
  checkGrounds(request.grounds ?? [], rules, 'grounds');
}

/**
 * Grounds for ending or refusing assistance: each must be listed in the
 * profile, and none may be forbidden.
 * @param field the request field to name in errors, e.g. "grounds".
 * @throws NrmWorkflowError unknown_ground or assistance_conditional_on_proceedings.
 */
export function checkGrounds(grounds: readonly string[], rules: NrmWorkflowRules, field: string): void {
  grounds.forEach((code, i) => {
    const ground = rules.closure_grounds.find((g) => g.code === code);
    if (!ground)
      throw new NrmWorkflowError(
        'unknown_ground',
        problem('unknown_closure_ground', { code, values: rules.closure_grounds.map((g) => g.code).join(', ') }),
        `${field}.${i}`,
      );
    if (ground.forbidden)
      throw new NrmWorkflowError(
        'assistance_conditional_on_proceedings',
        problem('assistance_conditional_ground', { ground: ground.code, source: ground.source }),
        `${field}.${i}`,
      );
  });
}
