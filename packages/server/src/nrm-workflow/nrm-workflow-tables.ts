import type { ColumnType } from 'kysely';

/**
 * Row types of migration 0011-nrm-workflow, as Kysely sees them (merged into
 * Database by one `extends`). Dates are ISO strings "YYYY-MM-DD"; instants are Date.
 */
type DateString = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type Instant = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** One step of a victim case through the NRM workflow (packages/domain/src/nrm/workflow.ts). */
export interface NrmTransitionTable {
  id: string;
  victim_case_id: string;
  event: string;
  from_state: string;
  to_state: string;
  occurred_on: DateString;
  recorded_at: Instant;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  reason: string | null;
  closure_reason: string | null;
  grounds: Defaulted<string[]>;
  /** The NRM status the step set, or null when it set none. */
  nrm_status: string | null;
  /** The record that caused the step, e.g. "referral" and its id. */
  source_type: string | null;
  source_id: string | null;
  anonymous_notification_id: string | null;
}

/** A county child-protection service told of a child's case; "unrouted" when the profile names none for the county. */
export interface ChildProtectionNotificationTable {
  id: string;
  victim_case_id: string;
  transition_id: string;
  region: string | null;
  organisation_id: string | null;
  status: 'sent' | 'unrouted';
  /** How many users were alerted in-app. */
  recipients: Defaulted<number>;
  notified_at: Instant;
}

/** An adult who declined, counted without any link to a person (issue 4, point 3). */
export interface AnonymousNotificationTable {
  id: string;
  notified_on: DateString;
  notifying_organisation_id: string | null;
  sex: Defaulted<string>;
  age_band: string | null;
  citizenships: Defaulted<string[]>;
  forms: Defaulted<string[]>;
  region: string | null;
  countries_of_exploitation: Defaulted<string[]>;
  /** Set when the person came back into the mechanism (their case counts instead). */
  withdrawn_on: NullableDate;
  synthetic: Defaulted<boolean>;
  created_at: Instant;
}

/** A foreign victim's residence status (issue 4, point 5; profile nrm_workflow.residence_statuses). */
export interface ResidenceStatusTable {
  id: string;
  victim_case_id: string;
  status: string;
  starts_on: DateString;
  expires_on: NullableDate;
  expiry_warned_on: NullableDate;
  recorded_by: string | null;
  synthetic: Defaulted<boolean>;
  created_at: Instant;
}

export interface NrmWorkflowTables {
  nrm_transition: NrmTransitionTable;
  child_protection_notification: ChildProtectionNotificationTable;
  anonymous_notification: AnonymousNotificationTable;
  residence_status: ResidenceStatusTable;
}
