import { AbilityBuilder, createMongoAbility, type MongoAbility, type MongoQuery } from '@casl/ability';
import { rulesToAST } from '@casl/ability/extra';

export { subject } from '@casl/ability';
import type { Role } from '../accounts/roles.ts';
import { IDENTITY_FIELDS, PERSON_FIELDS, PROSECUTOR_IDENTITY_FIELDS, SHAREABLE_FIELDS } from './fields.ts';

/**
 * The need-to-know policy of issue 3, point 1, as pure functions: one CASL
 * ability per signed-in user, deny-by-default (a user may do only what a rule
 * below grants). docs/access-policy.md is the matrix in prose.
 *
 * Rules decide on the actor (role, organisation, its kind) and on FACTS of a
 * record, never on its personal data. Facts are named fields of a subject
 * (VictimCaseFacts, ...). The server turns the same conditions into SQL, so a
 * list is filtered by the database and a record the user may not see is never
 * fetched (packages/server/src/access/).
 */

export const ACTIONS = ['create', 'read', 'update', 'break_glass', 'manage'] as const;
export type Action = (typeof ACTIONS)[number];

export const SUBJECTS = [
  'Person',
  'PersonIdentity',
  'VictimCase',
  'CaseTeam',
  'Referral',
  'Assistance',
  'CriminalCase',
  'Report',
  'ReportTrace',
  'AccessHistory',
  'AuditTrail',
  'User',
  'Organisation',
  'OwnAccount',
  'Alert',
  'AnonymousNotification',
  'ServiceFacility',
  'Screening',
  'VictimInProceedings',
  'Compensation',
  'ExchangeRate',
] as const;
export type SubjectType = (typeof SUBJECTS)[number];

/** The signed-in user as the policy sees them. */
export interface AccessActor {
  user_id: string;
  role: Role;
  organisation_id: string | null;
}

/**
 * Facts of a victim case that rules decide on. Arrays hold ids; a condition
 * `{ team_user_ids: id }` means "contains" (MongoDB semantics).
 */
export interface VictimCaseFacts {
  owner_organisation_id: string | null;
  created_by_user_id: string | null;
  nrm_status: string;
  /** Users on the case team (case_team). */
  team_user_ids: string[];
  /** Organisations with a sent (pending) or accepted referral for the case. */
  referred_organisation_ids: string[];
  /** Child-protection organisations notified of the case (child_protection_notification, migration 0011). */
  child_protection_organisation_ids?: string[];
  /** Investigating organisations of the criminal cases the victim case is linked to. */
  prosecuting_organisation_ids: string[];
  /** Users holding an unexpired break-glass grant. */
  break_glass_user_ids: string[];
  /** Users recorded as a suspect (suspect.app_user_id) in a linked criminal case. */
  suspect_user_ids: string[];
  /** Organisations under investigation in a linked criminal case. */
  investigated_organisation_ids: string[];
}

/** Facts of a person record. */
export interface PersonFacts {
  created_by_user_id: string | null;
  /** The user may read at least one victim case of the person. */
  case_readable: boolean;
  /** The user may read one of those cases whole, not only through a referral's shared fields. */
  case_readable_whole: boolean;
  /** The user may edit at least one victim case of the person (team, owning organisation, coordinator). */
  case_updatable: boolean;
  /** A victim case of the person has gone past presumed (identified or not a victim). */
  decided: boolean;
}

/** Facts of a referral or an assistance record: what the user may do with its victim case, and the organisations involved. */
export interface CaseChildFacts {
  case_readable: boolean;
  /** The user may read the case whole, not only through a referral's shared fields (a provider sees only its own referrals and assistance). */
  case_readable_whole: boolean;
  case_updatable: boolean;
  to_organisation_id: string | null;
}

export interface CriminalCaseFacts {
  investigating_organisation_id: string | null;
  suspect_user_ids: string[];
  institutions_under_investigation: string[];
  /** The user may read one of the linked victim cases (used by the coordinator rule: national overview). */
  case_readable: boolean;
}

/** Facts of a victim case as its hearings, counsel, programmes and protection measures (issue 6 point 4) are decided on. */
export interface VictimInProceedingsFacts {
  /** The user may read the case whole (not only through a referral's shared fields). */
  case_readable_whole: boolean;
  /** The user may edit the case (team, owning organisation, child protection, coordinator). */
  case_updatable: boolean;
  /** Investigating organisations of the criminal cases the victim case is linked to. */
  prosecuting_organisation_ids: string[];
}

export interface CaseTeamFacts {
  owner_organisation_id: string | null;
}

/** Facts of a screening (issue 4 point 1). */
export interface ScreeningFacts {
  organisation_id: string | null;
  recorded_by_user_id: string;
}

/** Facts of a facility of the service directory (not personal data). */
export interface ServiceFacilityFacts {
  /** The provider that runs it. */
  organisation_id: string;
}

export interface AlertFacts {
  recipient_user_id: string;
}

export interface AccessHistoryFacts {
  /** The user may read a victim case of the person the history is about. */
  case_readable: boolean;
}

/** A record as the policy sees it: its facts, tagged with its subject type (CASL's `subject()`). */
export type SubjectRecord = object;

export type AppAbility = MongoAbility<[Action, SubjectType | SubjectRecord]>;

type Builder = AbilityBuilder<AppAbility>;
type Grant = (b: Builder, actor: AccessActor) => void;

/** One rule of the policy: what it grants or forbids, why, and to whom. */
export interface PolicyRule {
  id: string;
  /** What the rule allows or forbids, in a caseworker's words. */
  description: string;
  /** Where the rule comes from. */
  source: string;
  grant: Grant;
}

/** CASL's reason marking a rule whose fields are narrowed further by referral.shared_fields. */
export const REFERRAL_SHARED_FIELDS = 'referral.shared_fields';

const CASE_ROLES: readonly Role[] = ['case_worker', 'case_manager'];
const BREAK_GLASS_ROLES: readonly Role[] = ['case_worker', 'case_manager', 'prosecutor', 'coordinator'];
const EARLY_STATUSES = ['potential', 'presumed'];
const SCREENING_ROLES: Role[] = ['front_line_responder', 'case_worker', 'case_manager', 'coordinator'];
const GDPR_MINIMISATION = 'GDPR art. 5(1)(c) data minimisation; art. 9 special categories';
const COMPLICITY =
  'Issue 3 point 5; 2024 TIP report on Romania: officials complicit in trafficking, social workers and school officials disclosing victims';

// CASL types conditions by subject class; ours are tagged plain objects, so the facts interfaces above type them instead.
const cond = <T>(q: MongoQuery<T>) => q as never;
const role = (actor: AccessActor, ...roles: Role[]) => roles.includes(actor.role);

/**
 * Every rule, in order. CASL gives later rules priority, so the "cannot"
 * rules of conflicts of interest come last and win over every grant.
 */
export const POLICY_RULES: readonly PolicyRule[] = [
  {
    id: 'everyone.own_account',
    description: 'Every user reads their own account, signs out, changes their password and reads their own alerts.',
    source: 'Issue 3 point 6',
    grant: (b, a) => {
      b.can('manage', 'OwnAccount');
      b.can('read', 'Alert', cond<AlertFacts>({ recipient_user_id: a.user_id }));
      b.can('update', 'Alert', cond<AlertFacts>({ recipient_user_id: a.user_id }));
    },
  },
  {
    id: 'everyone.organisation_directory',
    description: 'Every user reads the directory of organisations (not personal data): referrals name organisations.',
    source: 'OSCE/ODIHR NRM handbook ch. 4 (referral directory)',
    grant: (b) => b.can('read', 'Organisation'),
  },
  {
    id: 'everyone.service_directory',
    description: 'Every user reads the directory of service providers and their facilities (county, services, free places, licence).',
    source: 'Issue 4 point 4; OSCE/ODIHR NRM handbook ch. 4 (referral directory)',
    grant: (b) => b.can('read', 'ServiceFacility'),
  },
  {
    id: 'directory.manage_facilities',
    description: 'The coordinator and administrators add facilities and change any of their details.',
    source: 'Issue 4 point 4; Romanian Law 678/2001 art. 18^1 (ANITP coordinates the NRM)',
    grant: (b, a) => {
      if (!role(a, 'coordinator', 'administrator')) return;
      b.can(['create', 'update'], 'ServiceFacility');
    },
  },
  {
    id: 'service_provider.free_places',
    description: "Case workers and managers of a provider update their own facilities' free places, and nothing else of them.",
    source: 'Issue 4 point 4 (free places updated by the provider)',
    grant: (b, a) => {
      if (!CASE_ROLES.includes(a.role) || !a.organisation_id) return;
      b.can('update', 'ServiceFacility', ['free_places'], cond<ServiceFacilityFacts>({ organisation_id: a.organisation_id }));
    },
  },
  {
    id: 'front_line.record_screening',
    description: 'A front-line responder records persons and opens victim cases (screenings).',
    source: 'Issue 3 point 1; developers brief (front-line workers screen and refer)',
    grant: (b, a) => {
      if (!role(a, 'front_line_responder')) return;
      b.can('create', ['Person', 'PersonIdentity', 'VictimCase']);
    },
  },
  {
    id: 'front_line.own_early_cases',
    description: 'A front-line responder sees and edits the cases they opened while these are potential or presumed.',
    source: GDPR_MINIMISATION,
    grant: (b, a) => {
      if (!role(a, 'front_line_responder')) return;
      b.can(
        ['read', 'update'],
        'VictimCase',
        cond<VictimCaseFacts>({ created_by_user_id: a.user_id, nrm_status: { $in: EARLY_STATUSES } }),
      );
    },
  },
  {
    id: 'front_line.own_persons',
    description: 'A front-line responder sees and edits the persons they recorded until a case of theirs is decided.',
    source: GDPR_MINIMISATION,
    grant: (b, a) => {
      if (!role(a, 'front_line_responder')) return;
      b.can(['read', 'update'], ['Person', 'PersonIdentity'], cond<PersonFacts>({ created_by_user_id: a.user_id, decided: false }));
    },
  },
  {
    id: 'screening.record',
    description:
      'Front-line responders, case workers, case managers and the coordinator record screenings, and sync later revisions of their own.',
    source: 'Issue 4 points 1 and 6; developers brief (front-line workers screen, often offline)',
    grant: (b, a) => {
      if (!role(a, ...SCREENING_ROLES)) return;
      b.can('create', 'Screening');
      b.can('update', 'Screening', cond<ScreeningFacts>({ recorded_by_user_id: a.user_id }));
    },
  },
  {
    id: 'screening.own_organisation',
    description:
      "Screening roles read their organisation's screenings (no identifying data; analysts see screenings only in the statistics). " +
      'The team of a case opened from a screening belongs to the same organisation, so it reads the screening too.',
    source: `Issue 4 point 1; ${GDPR_MINIMISATION}`,
    grant: (b, a) => {
      if (!role(a, ...SCREENING_ROLES) || !a.organisation_id) return;
      b.can('read', 'Screening', cond<ScreeningFacts>({ organisation_id: a.organisation_id }));
    },
  },
  {
    id: 'case_roles.open_cases',
    description:
      'Case workers and case managers record persons and open victim cases (their organisation owns the case); they see the persons they recorded.',
    source: 'Issue 3 point 1',
    grant: (b, a) => {
      if (!CASE_ROLES.includes(a.role)) return;
      b.can('create', ['Person', 'PersonIdentity', 'VictimCase']);
      b.can(['read', 'update'], ['Person', 'PersonIdentity'], cond<PersonFacts>({ created_by_user_id: a.user_id }));
    },
  },
  {
    id: 'case_worker.team_cases',
    description: "A case worker sees and edits the cases whose team they are on (the team belongs to the case's organisation).",
    source: `Issue 3 point 1; ${GDPR_MINIMISATION}`,
    grant: (b, a) => {
      if (!role(a, 'case_worker')) return;
      b.can(['read', 'update'], 'VictimCase', cond<VictimCaseFacts>({ team_user_ids: a.user_id }));
    },
  },
  {
    id: 'case_manager.organisation_cases',
    description: 'A case manager sees and edits every case their organisation owns.',
    source: 'Issue 3 point 1',
    grant: (b, a) => {
      if (!role(a, 'case_manager') || !a.organisation_id) return;
      b.can(['read', 'update'], 'VictimCase', cond<VictimCaseFacts>({ owner_organisation_id: a.organisation_id }));
    },
  },
  {
    id: 'case_manager.case_teams',
    description: "A case manager reads and changes the teams of their organisation's cases.",
    source: 'Issue 3 point 1',
    grant: (b, a) => {
      if (!role(a, 'case_manager') || !a.organisation_id) return;
      b.can(['read', 'update'], 'CaseTeam', cond<CaseTeamFacts>({ owner_organisation_id: a.organisation_id }));
    },
  },
  {
    id: 'service_provider.referred_cases',
    description:
      'A case worker or manager of an organisation a case is referred to (referral sent or accepted) sees the case and its person, ' +
      'limited to the fields the referral shares (case facts, "person.<field>", "identity.<field>").',
    source: `Issue 3 point 1 (an NGO sees only cases referred to it); ${GDPR_MINIMISATION}`,
    grant: (b, a) => {
      if (!CASE_ROLES.includes(a.role) || !a.organisation_id) return;
      b.can('read', 'VictimCase', [...SHAREABLE_FIELDS], cond<VictimCaseFacts>({ referred_organisation_ids: a.organisation_id })).because(
        REFERRAL_SHARED_FIELDS,
      );
      b.can('read', 'Person', [...PERSON_FIELDS], cond<PersonFacts>({ case_readable: true })).because(REFERRAL_SHARED_FIELDS);
      b.can('read', 'PersonIdentity', [...IDENTITY_FIELDS], cond<PersonFacts>({ case_readable: true })).because(REFERRAL_SHARED_FIELDS);
    },
  },
  {
    id: 'child_protection.notified_cases',
    description:
      "Case workers and managers of a child-protection service notified of a child's case see and work it (it acts for the child).",
    source: 'Issue 4 point 2; Directive 2011/36/EU art. 14 and 16; UN CRC art. 3; Law 272/2004 (county DGASPC)',
    grant: (b, a) => {
      if (!CASE_ROLES.includes(a.role) || !a.organisation_id) return;
      b.can(['read', 'update'], 'VictimCase', cond<VictimCaseFacts>({ child_protection_organisation_ids: a.organisation_id }));
    },
  },
  {
    id: 'anonymous_notifications.notify',
    description: 'Whoever meets victims (front line, case workers and managers, the coordinator) records an anonymous notification.',
    source: 'Issue 4 point 3 (an adult who refuses is still counted)',
    grant: (b, a) => {
      if (!role(a, 'front_line_responder', 'case_worker', 'case_manager', 'coordinator')) return;
      b.can('create', 'AnonymousNotification');
    },
  },
  {
    id: 'anonymous_notifications.statistics',
    description: 'The coordinator and analysts list anonymous notifications (no person, no link to one).',
    source: 'Issue 4 points 3 and 7; GDPR art. 89 (statistics)',
    grant: (b, a) => {
      if (!role(a, 'coordinator', 'analyst')) return;
      b.can('read', 'AnonymousNotification');
    },
  },
  {
    id: 'case_readers.persons',
    description:
      'Whoever may read a victim case whole sees the person it is about (sex, year of birth, citizenships); ' +
      'a provider reading through a referral sees what the referral shares (service_provider.referred_cases).',
    source: `Issue 3 point 1; ${GDPR_MINIMISATION}`,
    grant: (b, a) => {
      if (!role(a, 'case_worker', 'case_manager', 'prosecutor', 'coordinator')) return;
      b.can('read', 'Person', cond<PersonFacts>({ case_readable_whole: true }));
    },
  },
  {
    id: 'case_team.identity',
    description: 'Case workers and managers who may read a case see and correct the identity of its person.',
    source: 'Issue 3 point 1',
    grant: (b, a) => {
      if (!CASE_ROLES.includes(a.role)) return;
      b.can(['read', 'update'], ['Person', 'PersonIdentity'], cond<PersonFacts>({ case_updatable: true }));
    },
  },
  {
    id: 'case_readers.referrals_and_assistance',
    description:
      'Whoever may read a case whole reads all its referrals and assistance (a provider reading through a referral: only its own, ' +
      'service_provider.answer_referrals); whoever may edit it refers and records assistance.',
    source: `Issue 3 point 1 (an NGO sees only what the referral shares); ${GDPR_MINIMISATION}`,
    grant: (b, a) => {
      if (!role(a, 'case_worker', 'case_manager', 'coordinator', 'front_line_responder', 'prosecutor')) return;
      b.can('read', ['Referral', 'Assistance'], cond<CaseChildFacts>({ case_readable_whole: true }));
      if (a.role === 'prosecutor') return;
      b.can(['create', 'update'], ['Referral', 'Assistance'], cond<CaseChildFacts>({ case_updatable: true }));
    },
  },
  {
    id: 'service_provider.answer_referrals',
    description:
      'The organisation a referral is sent to reads and answers it, records the assistance it gives on a case it may read, ' +
      'and reads the assistance it gave (not that of other providers).',
    source: 'OSCE/ODIHR NRM handbook ch. 4; Issue 3 point 1',
    grant: (b, a) => {
      if (!CASE_ROLES.includes(a.role) || !a.organisation_id) return;
      b.can(['read', 'update'], 'Referral', cond<CaseChildFacts>({ to_organisation_id: a.organisation_id }));
      // Only on a case the user may read: a colleague off the case team, or one blocked by a conflict, does not read it through the provider.
      b.can('read', 'Assistance', cond<CaseChildFacts>({ to_organisation_id: a.organisation_id, case_readable: true }));
      b.can('create', 'Assistance', cond<CaseChildFacts>({ to_organisation_id: a.organisation_id, case_readable: true }));
    },
  },
  {
    id: 'coordinator.national_cases',
    description: 'The national coordinator (ANITP) sees and decides every victim case and its person, nationally.',
    source: 'Issue 3 point 1; Romanian Law 678/2001 art. 18^1 (ANITP coordinates the NRM)',
    grant: (b, a) => {
      if (!role(a, 'coordinator')) return;
      b.can(['create', 'read', 'update'], ['VictimCase', 'Person', 'PersonIdentity']);
      b.can('read', 'CaseTeam');
    },
  },
  {
    id: 'prosecutor.criminal_cases',
    description: 'A prosecutor opens criminal cases and sees and edits those their organisation investigates.',
    source: 'Issue 3 point 1',
    grant: (b, a) => {
      if (!role(a, 'prosecutor') || !a.organisation_id) return;
      b.can('create', 'CriminalCase');
      b.can(['read', 'update'], 'CriminalCase', cond<CriminalCaseFacts>({ investigating_organisation_id: a.organisation_id }));
    },
  },
  {
    id: 'prosecutor.linked_victims',
    description:
      "A prosecutor sees the victim cases linked to their organisation's criminal cases, and only the identity needed to name the injured party.",
    source: `Issue 3 point 1; ${GDPR_MINIMISATION}`,
    grant: (b, a) => {
      if (!role(a, 'prosecutor') || !a.organisation_id) return;
      b.can('read', 'VictimCase', cond<VictimCaseFacts>({ prosecuting_organisation_ids: a.organisation_id }));
      b.can('read', 'PersonIdentity', [...PROSECUTOR_IDENTITY_FIELDS], cond<PersonFacts>({ case_readable: true }));
    },
  },
  {
    id: 'victims_in_proceedings.case_readers',
    description:
      "Whoever may read a victim case whole (team, owning organisation, child protection, coordinator, linked prosecutor) reads the victim's " +
      'hearings, legal counsel, programmes and protection measures; a provider that sees the case through a referral does not.',
    source: `Issue 6 point 4; ${GDPR_MINIMISATION}`,
    grant: (b, a) => {
      if (!role(a, 'case_worker', 'case_manager', 'coordinator', 'prosecutor')) return;
      b.can('read', 'VictimInProceedings', cond<VictimInProceedingsFacts>({ case_readable_whole: true }));
    },
  },
  {
    id: 'victims_in_proceedings.case_editors',
    description: "Whoever may edit a victim case records the victim's hearings, legal counsel, programmes and protection measures.",
    source: 'Issue 6 point 4',
    grant: (b, a) => {
      if (!CASE_ROLES.includes(a.role) && !role(a, 'coordinator')) return;
      b.can(['create', 'update'], 'VictimInProceedings', cond<VictimInProceedingsFacts>({ case_updatable: true }));
    },
  },
  {
    id: 'prosecutor.victims_in_proceedings',
    description:
      "A prosecutor records the hearings, counsel, programmes and protection measures of victims linked to their organisation's criminal cases " +
      '(the prosecutor hears the victim and orders protection).',
    source: 'Issue 6 point 4; Romanian Code of Criminal Procedure art. 113 and 126 (the prosecutor orders protection measures, verify)',
    grant: (b, a) => {
      if (!role(a, 'prosecutor') || !a.organisation_id) return;
      b.can(
        ['create', 'update'],
        'VictimInProceedings',
        cond<VictimInProceedingsFacts>({ prosecuting_organisation_ids: a.organisation_id }),
      );
    },
  },
  {
    id: 'coordinator.criminal_overview',
    description: 'The coordinator reads criminal cases (no edits) for the national statistics on prosecutions.',
    source: 'Issue 3 point 1; EU Directive 2011/36 art. 19 (national rapporteur)',
    grant: (b, a) => {
      if (!role(a, 'coordinator')) return;
      b.can('read', 'CriminalCase');
    },
  },
  {
    id: 'statistics.reports',
    description: 'Analysts and the coordinator read the annual statistics (aggregates, no identifying data).',
    source: `${GDPR_MINIMISATION}; art. 89 (statistics)`,
    grant: (b, a) => {
      if (!role(a, 'analyst', 'coordinator')) return;
      b.can('read', 'Report');
    },
  },
  {
    id: 'coordinator.report_traces',
    description:
      'The coordinator lists the records behind a published figure (pseudonymous ids and case numbers, no identity), to check what a number counts; analysts see aggregates only.',
    source: `DEVELOPERS.md principle 4 (every published number traces back to records); ${GDPR_MINIMISATION}`,
    grant: (b, a) => {
      if (!role(a, 'coordinator')) return;
      b.can('read', 'ReportTrace');
    },
  },
  {
    id: 'compensation.whole_case_readers',
    description:
      "Case workers, case managers, the coordinator and prosecutors read a victim's compensation claims, orders, payments and advance payments on cases they read whole.",
    source: `Issue 6 point 5; ${GDPR_MINIMISATION}`,
    grant: (b, a) => {
      if (!role(a, 'case_worker', 'case_manager', 'coordinator', 'prosecutor')) return;
      b.can('read', 'Compensation', cond<VictimInProceedingsFacts>({ case_readable_whole: true }));
    },
  },
  {
    id: 'compensation.case_editors',
    description:
      "Whoever may edit a victim case records the victim's compensation claims, court orders, payments received and state advance payments.",
    source: 'Issue 6 point 5; EU Directive 2011/36/EU art. 17 (access to compensation)',
    grant: (b, a) => {
      if (!CASE_ROLES.includes(a.role) && !role(a, 'coordinator')) return;
      b.can(['create', 'update'], 'Compensation', cond<VictimInProceedingsFacts>({ case_updatable: true }));
    },
  },
  {
    id: 'prosecutor.compensation',
    description:
      "A prosecutor records the compensation of victims linked to their organisation's criminal cases: claims, orders, payments and state advance payments (restitution is ordered in the criminal case).",
    source: 'Issue 6 point 5; Romanian Code of Criminal Procedure art. 19-20 (civil action in the criminal trial, verify)',
    grant: (b, a) => {
      if (!role(a, 'prosecutor') || !a.organisation_id) return;
      b.can(['create', 'update'], 'Compensation', cond<VictimInProceedingsFacts>({ prosecuting_organisation_ids: a.organisation_id }));
    },
  },
  {
    id: 'coordinator.exchange_rates',
    description:
      'The coordinator keeps the exchange-rate table the annual report converts compensation with; analysts read it (rates are not personal data).',
    source: 'Issue 6 point 5 (a rate table that records its source and date); Romanian Law 678/2001 art. 18^1 (ANITP coordinates the NRM)',
    grant: (b, a) => {
      if (role(a, 'coordinator')) b.can(['read', 'update'], 'ExchangeRate');
      if (role(a, 'analyst')) b.can('read', 'ExchangeRate');
    },
  },
  {
    id: 'auditor.audit_trail',
    description: "An auditor reads the audit trail, every person's access history and the unusual-access report, never identity.",
    source: 'GDPR art. 32(1)(d); ISO/IEC 27001:2022 A.8.15',
    grant: (b, a) => {
      if (!role(a, 'auditor')) return;
      b.can('read', ['AuditTrail', 'AccessHistory']);
    },
  },
  {
    id: 'case_leads.access_history',
    description: 'Case managers and the coordinator read "who has looked at this person" for persons of cases they may read.',
    source: 'Issue 3 point 4',
    grant: (b, a) => {
      if (!role(a, 'case_manager', 'coordinator')) return;
      b.can('read', 'AccessHistory', cond<AccessHistoryFacts>({ case_readable: true }));
    },
  },
  {
    id: 'administrator.accounts',
    description: 'An administrator manages users and organisations, and sees no victim data.',
    source: 'Issue 3 point 1; separation of duties (ISO/IEC 27001:2022 A.5.3)',
    grant: (b, a) => {
      if (!role(a, 'administrator')) return;
      b.can('manage', ['User', 'Organisation']);
    },
  },
  {
    id: 'break_glass.request',
    description: 'Case workers, case managers, prosecutors and the coordinator may open a case outside their team with a written reason.',
    source: 'Issue 3 point 5',
    grant: (b, a) => {
      if (!BREAK_GLASS_ROLES.includes(a.role)) return;
      b.can('break_glass', 'VictimCase');
    },
  },
  {
    id: 'break_glass.grant',
    description: 'A user holding an unexpired break-glass grant reads the case (not edits).',
    source: 'Issue 3 point 5',
    grant: (b, a) => {
      if (!BREAK_GLASS_ROLES.includes(a.role)) return;
      b.can('read', 'VictimCase', cond<VictimCaseFacts>({ break_glass_user_ids: a.user_id }));
    },
  },
  {
    id: 'conflict.suspect',
    description: 'A user recorded as a suspect in a linked criminal case is blocked from the case, whatever their role.',
    source: COMPLICITY,
    grant: (b, a) => {
      b.cannot(ACTIONS_ON_CASES, 'VictimCase', cond<VictimCaseFacts>({ suspect_user_ids: a.user_id }));
      b.cannot(ACTIONS_ON_CASES, 'CriminalCase', cond<CriminalCaseFacts>({ suspect_user_ids: a.user_id }));
    },
  },
  {
    id: 'conflict.institution',
    description: 'A user of an institution under investigation in a linked criminal case is blocked from the case, whatever their role.',
    source: COMPLICITY,
    grant: (b, a) => {
      if (!a.organisation_id) return;
      b.cannot(ACTIONS_ON_CASES, 'VictimCase', cond<VictimCaseFacts>({ investigated_organisation_ids: a.organisation_id }));
      b.cannot(ACTIONS_ON_CASES, 'CriminalCase', cond<CriminalCaseFacts>({ institutions_under_investigation: a.organisation_id }));
    },
  },
];

const ACTIONS_ON_CASES: Action[] = ['read', 'update', 'break_glass'];

/** Rules whose "cannot" answers 403 OPENNRM_CONFLICT_OF_INTEREST rather than 404. */
export const CONFLICT_RULE_IDS = ['conflict.suspect', 'conflict.institution'] as const;

export interface AbilityOptions {
  /** Ids of rules to leave out: only the mutation test of the authorization matrix uses it. */
  without?: readonly string[];
}

/**
 * The ability of one user: deny-by-default, granted by POLICY_RULES.
 *
 * @example
 * const ability = defineAbilityFor({ user_id, role: 'case_worker', organisation_id });
 * ability.can('read', subject('VictimCase', facts)); // team member? referred? conflicted?
 */
export function defineAbilityFor(actor: AccessActor, options: AbilityOptions = {}): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  for (const rule of POLICY_RULES) if (!options.without?.includes(rule.id)) rule.grant(builder, actor);
  return builder.build();
}

/** A condition tree of the policy (CASL/ucast AST): and, or, not, eq, in over facts. */
export type PolicyCondition = NonNullable<ReturnType<typeof rulesToAST>>;

/**
 * The condition under which `action` on records of `subjectType` is allowed,
 * as one tree (every granting rule OR-ed, every forbidding rule AND-NOT-ed),
 * for the server to translate into SQL. null: never allowed; an empty "and": always.
 */
export function permittedCondition(ability: AppAbility, action: Action, subjectType: SubjectType): PolicyCondition | null {
  const rules = ability.rulesFor(action, subjectType); // highest priority first
  const firstGrant = rules.findIndex((r) => !r.inverted);
  if (firstGrant < 0) return null;
  // When every forbidding rule outranks every granting one (POLICY_RULES puts conflicts last), the
  // condition is "some grant AND NOT any forbid": each forbidding test appears once, not once per grant.
  if (rules.slice(firstGrant).some((r) => r.inverted)) return rulesToAST(ability, action, subjectType);
  const tree = (operator: string, value: unknown) => ({ operator, value }) as unknown as PolicyCondition;
  const always = tree('and', []);
  const grants = rules.slice(firstGrant).map((r) => (r.ast as PolicyCondition | undefined) ?? always);
  const forbids = rules.slice(0, firstGrant).map((r) => (r.ast as PolicyCondition | undefined) ?? always);
  const granted = grants.length === 1 ? grants[0]! : tree('or', grants);
  return forbids.length === 0 ? granted : tree('and', [granted, tree('not', [tree('or', forbids)])]);
}

/** Condition under which a forbidding rule applies (conflicts of interest), or null when none can. */
export function forbiddenCondition(ability: AppAbility, action: Action, subjectType: SubjectType): PolicyCondition | null {
  const inverted = ability.rulesFor(action, subjectType).filter((r) => r.inverted);
  if (inverted.length === 0) return null;
  const asts = inverted.map((r) => r.ast ?? { operator: 'and', value: [] });
  return { operator: 'or', value: asts } as unknown as PolicyCondition;
}

/**
 * The condition under which the user may `action` records of `subjectType`
 * whole: by a granting rule other than one narrowed by referral.shared_fields,
 * and no forbidding rule. null: never (e.g. a provider that sees the case
 * only through a referral).
 */
export function wholeCondition(ability: AppAbility, action: Action, subjectType: SubjectType): PolicyCondition | null {
  const tree = (operator: string, value: unknown) => ({ operator, value }) as unknown as PolicyCondition;
  const grants = grantingRules(ability, action, subjectType).filter((r) => !r.narrowedByReferral);
  if (grants.length === 0) return null;
  const granted = tree(
    'or',
    grants.map((g) => g.condition ?? tree('and', [])),
  );
  const forbidden = forbiddenCondition(ability, action, subjectType);
  return forbidden ? tree('and', [granted, tree('not', [forbidden])]) : granted;
}

/** A granting rule as the field-level filter needs it: its condition, its fields (undefined: all) and whether a referral narrows them. */
export interface GrantingRule {
  condition: PolicyCondition | null;
  fields: readonly string[] | undefined;
  narrowedByReferral: boolean;
}

/** The granting rules for `action` on `subjectType`, for field-level filtering (permitted fields differ by rule). */
export function grantingRules(ability: AppAbility, action: Action, subjectType: SubjectType): GrantingRule[] {
  return ability
    .rulesFor(action, subjectType)
    .filter((r) => !r.inverted)
    .map((r) => ({
      condition: (r.ast as PolicyCondition | undefined) ?? null,
      fields: r.fields ? [...(Array.isArray(r.fields) ? r.fields : [r.fields])] : undefined,
      narrowedByReferral: r.reason === REFERRAL_SHARED_FIELDS,
    }));
}

/**
 * The fields a user may see of one record, given which granting rules matched
 * it (same order as grantingRules) and the fields its referrals share.
 * @returns undefined for every field; else the allowed names.
 */
export function permittedFields(
  rules: readonly GrantingRule[],
  matched: readonly boolean[],
  referralShared: readonly string[],
): Set<string> | undefined {
  const out = new Set<string>();
  for (const [i, rule] of rules.entries()) {
    if (!matched[i]) continue;
    if (!rule.fields) return undefined;
    for (const field of rule.fields) if (!rule.narrowedByReferral || referralShared.includes(field)) out.add(field);
  }
  return out;
}
