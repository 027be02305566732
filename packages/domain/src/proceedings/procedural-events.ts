/**
 * The vocabulary of criminal proceedings (issue 6 point 1): the stages a
 * criminal case moves through, why a case is closed, and the procedural
 * events recorded on a case or on one suspect. Machine codes, stored in the
 * database and exchanged in the API; labels live in translations.
 *
 * Source: Romanian Code of Criminal Procedure (Law 135/2010): investigation
 * in rem then in personam (art. 305), indictment (art. 327), first instance,
 * appeal (art. 408) and final judgment (art. 551); closure grounds (art. 16).
 * HTCDS 2.0 has no proceedings entity: docs/htcds-mapping.md maps them to the
 * CTDC/UNODC perpetrator fields where one exists.
 */

/** Stages in the order a case normally moves; `closed` ends it at any stage before final judgment. */
export const CRIMINAL_CASE_STAGES = [
  'investigation_in_rem',
  'investigation_in_personam',
  'indicted',
  'first_instance',
  'appeal',
  'final_judgment',
  'closed',
] as const;
export type CriminalCaseStage = (typeof CRIMINAL_CASE_STAGES)[number];

/** Why a case was closed without a final judgment (CPP art. 16 grounds, grouped). */
export const CLOSURE_REASONS = ['no_offence', 'insufficient_evidence', 'statute_of_limitations', 'death', 'other'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/**
 * Procedural events. `case` events concern the whole case; `suspect` events
 * one suspect. `has_end` events carry an end date (a warrant's or a measure's
 * term); the deadline engine reads both.
 */
export const PROCEDURAL_EVENTS = {
  investigation_in_rem_started: { on: 'case', has_end: false },
  investigation_in_personam_started: { on: 'suspect', has_end: false },
  suspect_notified: { on: 'suspect', has_end: false },
  suspect_heard: { on: 'suspect', has_end: false },
  detained: { on: 'suspect', has_end: true },
  pretrial_detention_warrant: { on: 'suspect', has_end: true },
  house_arrest: { on: 'suspect', has_end: true },
  judicial_control: { on: 'suspect', has_end: true },
  indicted: { on: 'suspect', has_end: false },
  convicted_first_instance: { on: 'suspect', has_end: false },
  acquitted_first_instance: { on: 'suspect', has_end: false },
  appeal_filed: { on: 'case', has_end: false },
  convicted_final: { on: 'suspect', has_end: false },
  acquitted_final: { on: 'suspect', has_end: false },
  sentenced: { on: 'suspect', has_end: false },
  confiscation_ordered: { on: 'suspect', has_end: false },
  assets_seized: { on: 'suspect', has_end: false },
  case_closed: { on: 'case', has_end: false },
  /** A period in which a legal provision or an unavoidable circumstance prevented the criminal action (Romania: Criminal Code art. 156); `ends_on` unset while it lasts. */
  limitation_suspended: { on: 'case', has_end: true },
} as const satisfies Record<string, { on: 'case' | 'suspect'; has_end: boolean }>;
export type ProceduralEventKind = keyof typeof PROCEDURAL_EVENTS;
export const PROCEDURAL_EVENT_KINDS = Object.keys(PROCEDURAL_EVENTS) as ProceduralEventKind[];

/** International cooperation recorded on a case. */
export const COOPERATION_KINDS = [
  'joint_investigation_team',
  'mutual_legal_assistance_request',
  'european_investigation_order',
  'european_arrest_warrant',
] as const;
export type CooperationKind = (typeof COOPERATION_KINDS)[number];

/** Role of a victim in a criminal case. Assistance never depends on it (principle 1). */
export const VICTIM_ROLES_IN_PROCEEDINGS = ['injured_party', 'witness', 'civil_party'] as const;
export type VictimRoleInProceedings = (typeof VICTIM_ROLES_IN_PROCEEDINGS)[number];
