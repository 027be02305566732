import { describe, expect, it } from 'vitest';
import { shippedProfile } from '../profile/profiles.ts';
import type { ConsentFacts } from '../gdpr/consent.ts';
import {
  checkGrounds,
  impliedWorkflowState,
  NRM_TRANSITIONS,
  NRM_WORKFLOW_EVENTS,
  NRM_WORKFLOW_STATES,
  NrmWorkflowError,
  planTransition,
  type TransitionRequest,
  type WorkflowActor,
  type WorkflowCase,
} from './workflow.ts';

const rules = shippedProfile('romania').nrm_workflow;

const adultCase = (over: Partial<WorkflowCase> = {}): WorkflowCase => ({
  state: 'potential_victim',
  nrm_status: 'potential',
  is_child: false,
  has_transitions: true,
  child_protection_notified: false,
  closed_from: null,
  consents: [],
  ...over,
});
const police: WorkflowActor = {
  user_id: 'u1',
  organisation_id: 'o-police',
  organisation_functions: ['first_responder', 'investigation'],
  is_screening_organisation: true,
};
const anitp: WorkflowActor = {
  user_id: 'u2',
  organisation_id: 'o-anitp',
  organisation_functions: ['coordination', 'identifying_body'],
  is_screening_organisation: false,
};
const step = (event: TransitionRequest['event'], over: Partial<TransitionRequest> = {}): TransitionRequest => ({
  event,
  occurred_on: '2024-03-01',
  ...over,
});

function errorOf(fn: () => unknown): NrmWorkflowError {
  try {
    fn();
  } catch (error) {
    if (error instanceof NrmWorkflowError) return error;
    throw error;
  }
  throw new Error('expected an NrmWorkflowError');
}

describe('the transitions table', () => {
  it('names only known states and events, and every event has one row', () => {
    for (const rule of NRM_TRANSITIONS) {
      for (const s of rule.from) expect(NRM_WORKFLOW_STATES).toContain(s);
      if (rule.to !== 'previous') expect(NRM_WORKFLOW_STATES).toContain(rule.to);
      expect(rule.source.length).toBeGreaterThan(5);
    }
    expect(NRM_TRANSITIONS.map((r) => r.event).sort()).toEqual([...NRM_WORKFLOW_EVENTS].sort());
  });

  it('derives the state of a case that never went through the workflow from its NRM status', () => {
    expect(impliedWorkflowState('potential')).toBe('potential_victim');
    expect(impliedWorkflowState('identified')).toBe('identified_victim');
    expect(impliedWorkflowState(null)).toBe('screening');
  });

  it('walks a case from screening to closure, setting the NRM status only on recognition steps', () => {
    const open = planTransition(adultCase({ state: 'screening', nrm_status: null, has_transitions: false }), step('open'), police, rules);
    expect(open).toMatchObject({
      from: 'screening',
      to: 'potential_victim',
      status_change: { status: 'potential', date_field: 'potential_on' },
    });
    const consents = [{ purpose: 'referral' as const, given: true, recorded_on: '2024-03-01', withdrawn_on: null }];
    expect(planTransition(adultCase({ consents }), step('refer'), police, rules)).toMatchObject({ to: 'referred', status_change: null });
    expect(planTransition(adultCase({ state: 'referred' }), step('presume'), police, rules).status_change).toEqual({
      status: 'presumed',
      date_field: 'presumed_on',
    });
    expect(planTransition(adultCase({ state: 'presumed_victim', nrm_status: 'presumed' }), step('assist'), police, rules).to).toBe(
      'assisted',
    );
    const identified = planTransition(
      adultCase({ state: 'assisted', nrm_status: 'presumed' }),
      step('identify', { reason: 'Indicators of deceptive recruitment and debt bondage confirmed by interview' }),
      anitp,
      rules,
    );
    expect(identified).toMatchObject({ to: 'identified_victim', status_change: { status: 'identified', date_field: 'identified_on' } });
    const closed = planTransition(
      adultCase({ state: 'identified_victim', nrm_status: 'identified' }),
      step('close', { closure_reason: 'reintegrated', grounds: ['services_completed'] }),
      anitp,
      rules,
    );
    expect(closed).toMatchObject({ to: 'closed', anonymous_notification: false });
  });

  it('rejects a step the table does not allow, naming the allowed states', () => {
    const e = errorOf(() => planTransition(adultCase({ state: 'closed', closed_from: 'assisted' }), step('assist'), police, rules));
    expect(e.code).toBe('transition_not_allowed');
    expect(e.message).toContain('"closed"');
    // The refusal as a catalogued rule: the state and step are codes the web shows by their labels.
    expect(e.problem).toEqual({
      rule: 'workflow_step_not_allowed',
      params: { from: 'closed', event: 'assist', values: expect.any(String) },
    });
    expect(
      errorOf(() => planTransition(adultCase({ state: 'not_a_victim', nrm_status: 'not_a_victim' }), step('assist'), police, rules)).code,
    ).toBe('transition_not_allowed');
  });

  it('opens a case once, as its first step', () => {
    expect(errorOf(() => planTransition(adultCase({ state: 'screening', nrm_status: null }), step('open'), police, rules)).code).toBe(
      'already_opened',
    );
  });

  it('records a second referral or service of the same case as no step at all', () => {
    const plan = planTransition(adultCase({ state: 'assisted' }), step('refer'), police, rules);
    expect(plan).toMatchObject({ no_op: true, to: 'assisted' });
    expect(planTransition(adultCase({ state: 'assisted' }), step('assist'), police, rules).no_op).toBe(true);
  });

  it('reopens a closed case where it was closed from, with a reason', () => {
    expect(
      planTransition(
        adultCase({ state: 'closed', closed_from: 'presumed_victim' }),
        step('reopen', { reason: 'The person came back and consents' }),
        police,
        rules,
      ).to,
    ).toBe('presumed_victim');
    expect(errorOf(() => planTransition(adultCase({ state: 'closed', closed_from: 'referred' }), step('reopen'), police, rules)).code).toBe(
      'reasons_required',
    );
  });
});

describe('decisions: only by the competent body (Law 678/2001; CETS 197 art. 10)', () => {
  const presumed = adultCase({ state: 'presumed_victim', nrm_status: 'presumed' });
  const reasons = { reason: 'Interview and documents confirm the act, means and purpose' };

  it('refuses a decision from the organisation that only screened', () => {
    const e = errorOf(() => planTransition(presumed, step('identify', reasons), police, rules));
    expect(e.code).toBe('not_identifying_body');
    expect(e.message).toContain('screened');
  });

  it('lets an identifying body that also screened decide', () => {
    expect(planTransition(presumed, step('reject', reasons), { ...anitp, is_screening_organisation: true }, rules).to).toBe('not_a_victim');
  });

  it('requires written reasons', () => {
    const e = errorOf(() => planTransition(presumed, step('identify', { reason: 'ok' }), anitp, rules));
    expect([e.code, e.field]).toEqual(['reasons_required', 'reason']);
  });

  it('takes a decision once: an identified victim cannot be rejected, nor identified again', () => {
    const decided = adultCase({ state: 'assisted', nrm_status: 'identified' });
    const rejected = errorOf(() => planTransition(decided, step('reject', reasons), anitp, rules));
    expect(rejected.code).toBe('decision_taken');
    expect(rejected.problem).toMatchObject({
      rule: 'workflow_decision_taken',
      params: { status: 'identified', event: 'reject', sets: 'not_a_victim' },
    });
    expect(errorOf(() => planTransition(decided, step('presume'), anitp, rules)).code).toBe('decision_taken');
  });
});

describe('consent to referral (GDPR art. 6(1)(a), 9(2)(a))', () => {
  it('refers an adult only with consent holding on the day', () => {
    expect(errorOf(() => planTransition(adultCase(), step('refer'), police, rules)).code).toBe('consent_required');
    const refused = [{ purpose: 'referral' as const, given: false, recorded_on: '2024-02-01', withdrawn_on: null }];
    expect(errorOf(() => planTransition(adultCase({ consents: refused }), step('refer'), police, rules)).code).toBe('consent_required');
  });

  it('says whether consent is missing, refused or withdrawn, never "record consent" over a refusal', () => {
    const referTo = (consents: ConsentFacts[]) =>
      errorOf(() => planTransition(adultCase({ consents }), step('refer'), police, rules)).message;
    expect(referTo([])).toMatch(/^no consent to referral is recorded/);
    const refused = referTo([{ purpose: 'referral', given: false, recorded_on: '2024-02-01', withdrawn_on: null }]);
    expect(refused).toMatch(/^the person refused consent to referral/);
    expect(refused).not.toContain('record the answer first');
    expect(referTo([{ purpose: 'referral', given: true, recorded_on: '2024-02-01', withdrawn_on: '2024-02-10' }])).toMatch(
      /^the person withdrew their consent to referral/,
    );
  });

  it('refers a child without the child’s consent: child protection acts (Directive 2011/36/EU art. 14)', () => {
    expect(planTransition(adultCase({ is_child: true }), step('refer'), police, rules).to).toBe('referred');
  });
});

describe('children (Directive 2011/36/EU art. 13-16; UN CRC art. 3)', () => {
  it('notifies child protection on the first step of a child’s case, and only once', () => {
    const child = adultCase({ state: 'screening', nrm_status: null, is_child: true, has_transitions: false });
    expect(planTransition(child, step('open'), police, rules).notify_child_protection).toBe(true);
    expect(
      planTransition(
        { ...child, state: 'potential_victim', has_transitions: true, child_protection_notified: true },
        step('presume'),
        police,
        rules,
      ).notify_child_protection,
    ).toBe(false);
    expect(
      planTransition(adultCase({ state: 'screening', nrm_status: null, has_transitions: false }), step('open'), police, rules)
        .notify_child_protection,
    ).toBe(false);
  });

  it('presumes a child while the age is uncertain (Directive 2011/36/EU art. 13(2))', () => {
    const unknownAge = adultCase({ state: 'screening', nrm_status: null, is_child: null, has_transitions: false });
    expect(planTransition(unknownAge, step('open', { presumed_child: true }), police, rules).notify_child_protection).toBe(true);
    // a known adult is not made a child by the flag
    expect(
      planTransition({ ...unknownAge, is_child: false }, step('open', { presumed_child: true }), police, rules).notify_child_protection,
    ).toBe(false);
  });
});

describe('closure: assistance never conditional on criminal proceedings (Directive 2011/36/EU art. 11(3))', () => {
  const assisted = adultCase({ state: 'assisted', nrm_status: 'presumed' });

  it('rejects closing an assisted case as declined because the victim did not testify, naming the ground and its source', () => {
    const e = errorOf(() =>
      planTransition(assisted, step('close', { closure_reason: 'declined', grounds: ['did_not_testify'] }), anitp, rules),
    );
    expect(e.code).toBe('assistance_conditional_on_proceedings');
    expect(e.field).toBe('grounds.0');
    expect(e.message).toContain('never conditional on taking part in criminal proceedings');
    expect(e.message).toContain('2011/36/EU art. 11(3)');
  });

  it('requires a closure reason of the profile and grounds it lists', () => {
    expect(errorOf(() => planTransition(assisted, step('close'), anitp, rules)).code).toBe('closure_reason_required');
    expect(errorOf(() => planTransition(assisted, step('close', { closure_reason: 'bored' }), anitp, rules)).code).toBe(
      'unknown_closure_reason',
    );
    expect(errorOf(() => checkGrounds(['victim_request', 'whatever'], rules, 'grounds')).field).toBe('grounds.1');
  });

  it('keeps closure fields for the close step', () => {
    expect(errorOf(() => planTransition(assisted, step('assist', { closure_reason: 'declined' }), anitp, rules)).code).toBe(
      'transition_not_allowed',
    );
  });

  it('leaves an anonymous notification when an undecided adult declines, never for a child or a decided case', () => {
    const declined = step('close', { closure_reason: 'declined', grounds: ['victim_request'] });
    expect(planTransition(adultCase(), declined, police, rules).anonymous_notification).toBe(true);
    expect(planTransition(adultCase({ is_child: true }), declined, police, rules).anonymous_notification).toBe(false);
    expect(planTransition(adultCase({ state: 'assisted', nrm_status: 'identified' }), declined, police, rules).anonymous_notification).toBe(
      false,
    );
    expect(planTransition(adultCase(), step('close', { closure_reason: 'lost_contact' }), police, rules).anonymous_notification).toBe(
      false,
    );
  });
});
