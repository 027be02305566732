import type { Transaction } from 'kysely';
import {
  impliedWorkflowState,
  localToday,
  NrmWorkflowError,
  planTransition,
  reportingYear,
  victimCaseDateProblems,
  type JurisdictionProfile,
  type NrmStatus,
  type NrmWorkflowEvent,
  type NrmWorkflowState,
  type ConsentPurpose,
  problem,
  type CataloguedProblem,
} from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import type { AccessControl } from '../access/access-control.ts';
import { appendAuditEvents } from '../audit/append-audit-event.ts';
import { ApiError, invalidField, type ApiErrorCode } from '../http/errors.ts';
import { newId } from '../shared/ids.ts';
import { withGdprTables } from '../gdpr/gdpr-tables.ts';
import { notifyChildProtection, type ChildProtectionOutcome } from './child-protection.ts';
import { leaveAnonymousNotification, withdrawAnonymousNotification } from './anonymous-notifications.repository.ts';

/** What a caller asks the workflow to do to one case. */
export interface TransitionInput {
  victim_case_id: string;
  event: NrmWorkflowEvent;
  /** The day it happened, ISO "YYYY-MM-DD" (a decision's date); not in the future, in the profile's time zone. */
  occurred_on: string;
  reason?: string | null;
  closure_reason?: string | null;
  grounds?: readonly string[];
  presumed_child?: boolean;
  /** County (ISO 3166-2) the case is handled in; kept on the case. Needed to notify a child's county child-protection service. */
  region?: string | null;
  /** The record that caused the step, e.g. { type: "referral", id }. */
  source?: { type: string; id: string } | null;
}

/** A recorded step, as the timeline shows it. */
export interface RecordedTransition {
  id: string;
  victim_case_id: string;
  event: NrmWorkflowEvent;
  from_state: NrmWorkflowState;
  to_state: NrmWorkflowState;
  occurred_on: string;
  nrm_status: NrmStatus | null;
  child_protection: ChildProtectionOutcome[];
  anonymous_notification: boolean;
}

const ERROR_CODES: Partial<Record<NrmWorkflowError['code'], ApiErrorCode>> = {
  not_identifying_body: 'OPENNRM_NOT_IDENTIFYING_BODY',
  consent_required: 'OPENNRM_CONSENT_REQUIRED',
  assistance_conditional_on_proceedings: 'OPENNRM_ASSISTANCE_CONDITIONAL',
};
const FIELD_ERRORS: readonly NrmWorkflowError['code'][] = [
  'reasons_required',
  'closure_reason_required',
  'unknown_closure_reason',
  'unknown_ground',
];

/**
 * The API error for a refused step: 400 naming the body field, 403 not an identifying body, 409 for the rest; each
 * carries the step's catalogued rule and parameters (e.g. workflow_step_not_allowed with from and event).
 */
export function workflowApiError(error: NrmWorkflowError): ApiError {
  const path = error.field ? `body.${error.field}` : undefined;
  if (FIELD_ERRORS.includes(error.code)) return invalidField(path ?? 'body', error.problem);
  const code = ERROR_CODES[error.code] ?? 'OPENNRM_INVALID_TRANSITION';
  return new ApiError(code, error.problem, path ? [{ path, reason: error.message, ...error.problem }] : undefined);
}

/**
 * Records one step of a victim case through the NRM workflow, inside the
 * caller's transaction, and keeps the case's nrm_status, its decision dates,
 * identifying organisation and reporting year derived from it (the
 * statistics count those). Other capabilities call it: SERVICES when a
 * referral is sent ("refer") or the first service is delivered ("assist"),
 * SCREENING when a case is opened from a screening ("open").
 *
 * The caller has already applied the access policy to the record it acts on;
 * this function applies the workflow's rules (planTransition,
 * docs/nrm-workflow.md), notifies the county child-protection service of a
 * child (a notification row and in-app alerts; coordinators are alerted when
 * no service is found), leaves an anonymous notification when an undecided
 * adult declines, and appends the audit events.
 *
 * @param tx a transaction (or handle) on the NRM record.
 * @param access the acting user's access control: the step records their user and organisation.
 * @returns the recorded step, or null when the step changes nothing (refer or assist again).
 * @throws ApiError 404 when the case does not exist; OPENNRM_INVALID_TRANSITION (409) for a step the table
 *   forbids; OPENNRM_NOT_IDENTIFYING_BODY (403); OPENNRM_CONSENT_REQUIRED (409) for an adult's referral
 *   without consent; OPENNRM_ASSISTANCE_CONDITIONAL (409) for a forbidden closure ground;
 *   OPENNRM_VALIDATION (400) naming body.reason, body.closure_reason, body.grounds.N, body.occurred_on or body.region.
 */
export async function recordTransition(
  tx: Transaction<Database>,
  profile: JurisdictionProfile,
  access: AccessControl,
  input: TransitionInput,
): Promise<RecordedTransition | null> {
  const current = await tx
    .selectFrom('victim_case')
    .select([
      'id',
      'person_id',
      'nrm_status',
      'workflow_state',
      'is_child',
      'potential_on',
      'presumed_on',
      'identified_on',
      'not_a_victim_on',
      'registration_year',
      'identifying_organisation_id',
      'owner_organisation_id',
      'region',
    ])
    .where('id', '=', input.victim_case_id)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw new ApiError('OPENNRM_NOT_FOUND');
  const { actor } = access;
  const [transitions, notified, consents, organisation] = await Promise.all([
    tx
      .selectFrom('nrm_transition')
      .select(['event', 'from_state', 'anonymous_notification_id'])
      .where('victim_case_id', '=', current.id)
      .orderBy('recorded_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    tx.selectFrom('child_protection_notification').select('id').where('victim_case_id', '=', current.id).executeTakeFirst(),
    withGdprTables(tx)
      .selectFrom('consent')
      .select(['purpose', 'given', 'recorded_on', 'withdrawn_on'])
      .where('person_id', '=', current.person_id)
      .execute(),
    actor.organisation_id
      ? tx.selectFrom('organisation').select('functions').where('id', '=', actor.organisation_id).executeTakeFirst()
      : undefined,
  ]);
  const state = (current.workflow_state as NrmWorkflowState | null) ?? impliedWorkflowState(current.nrm_status as NrmStatus);
  const lastClose = state === 'closed' ? transitions.find((t) => t.event === 'close') : undefined;
  let plan;
  try {
    plan = planTransition(
      {
        state: transitions.length === 0 && input.event === 'open' && current.nrm_status === 'potential' ? 'screening' : state,
        nrm_status: current.nrm_status as NrmStatus,
        is_child: current.is_child,
        has_transitions: transitions.length > 0,
        child_protection_notified: notified !== undefined,
        closed_from: (lastClose?.from_state as NrmWorkflowState | undefined) ?? null,
        consents: consents.map((c) => ({ ...c, purpose: c.purpose as ConsentPurpose })),
      },
      input,
      {
        user_id: actor.user_id,
        organisation_id: actor.organisation_id,
        organisation_functions: organisation?.functions ?? [],
        is_screening_organisation: actor.organisation_id != null && actor.organisation_id === current.owner_organisation_id,
      },
      profile.nrm_workflow,
    );
  } catch (error) {
    if (error instanceof NrmWorkflowError) throw workflowApiError(error);
    throw error;
  }
  if (plan.no_op) return null;

  const today = localToday(profile.annual_report.time_zone);
  if (input.occurred_on > today) throw invalidField('body.occurred_on', problem('date_in_future', { date: today }));
  const region = input.region ?? current.region;
  if (input.region && !profile.regions.some((r) => r.code === input.region))
    throw invalidField('body.region', problem('region_not_in_profile', { region: input.region, profile: profile.name }));

  const dates = {
    nrm_status: current.nrm_status as NrmStatus,
    potential_on: current.potential_on,
    presumed_on: current.presumed_on,
    identified_on: current.identified_on,
    not_a_victim_on: current.not_a_victim_on,
  };
  const change = plan.status_change;
  if (change) {
    dates.nrm_status = change.status;
    dates[change.date_field] = input.occurred_on;
    const problems = victimCaseDateProblems(dates, today);
    // The step's date breaks the order of the case's decision dates (the only rule a forward step can break).
    const [first] = problems;
    if (first)
      throw invalidField(
        'body.occurred_on',
        first.rule === 'date_before_other_date'
          ? problem('step_date_before_other_date', { field: first.field, ...first.params })
          : (first as CataloguedProblem),
      );
  }
  const decided = change?.status === 'identified' || change?.status === 'not_a_victim';
  await tx
    .updateTable('victim_case')
    .set({
      workflow_state: plan.to,
      region,
      ...dates,
      identifying_organisation_id: decided ? actor.organisation_id : current.identifying_organisation_id,
      reporting_year: reportingYear(dates.identified_on, current.registration_year),
      updated_at: new Date(),
    })
    .where('id', '=', current.id)
    .execute();

  const anonymousId = plan.anonymous_notification
    ? await leaveAnonymousNotification(tx, current.id, actor.organisation_id, input.occurred_on)
    : null;
  if (plan.event === 'reopen' && lastClose?.anonymous_notification_id)
    await withdrawAnonymousNotification(tx, lastClose.anonymous_notification_id, input.occurred_on);

  const id = newId();
  await tx
    .insertInto('nrm_transition')
    .values({
      id,
      victim_case_id: current.id,
      event: plan.event,
      from_state: plan.from,
      to_state: plan.to,
      occurred_on: input.occurred_on,
      actor_user_id: actor.user_id,
      actor_organisation_id: actor.organisation_id,
      reason: input.reason?.trim() || null,
      closure_reason: input.closure_reason ?? null,
      grounds: [...(input.grounds ?? [])],
      nrm_status: change?.status ?? null,
      source_type: input.source?.type ?? null,
      source_id: input.source?.id ?? null,
      anonymous_notification_id: anonymousId,
    })
    .execute();

  const childProtection = plan.notify_child_protection
    ? await notifyChildProtection(tx, { victim_case_id: current.id, transition_id: id, region, actor_user_id: actor.user_id })
    : [];
  await appendAuditEvents(tx, [
    access.audit({
      action: 'update',
      record_type: 'victim_case',
      record_id: current.id,
      person_id: current.person_id,
      fields: ['workflow_state', ...(change ? ['nrm_status', change.date_field] : []), ...(input.region ? ['region'] : [])],
    }),
    access.audit({
      action: 'create',
      record_type: 'nrm_transition',
      record_id: id,
      person_id: current.person_id,
      fields: Object.keys(input),
    }),
  ]);
  return {
    id,
    victim_case_id: current.id,
    event: plan.event,
    from_state: plan.from,
    to_state: plan.to,
    occurred_on: input.occurred_on,
    nrm_status: change?.status ?? null,
    child_protection: childProtection,
    anonymous_notification: anonymousId !== null,
  };
}
