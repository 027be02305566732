import type { CtdcAgeBand, ScreeningResult, ScreeningSubject } from '@opennrm/domain';
import type { PersonIdentityData } from '../db/schema.ts';
import type { PlannedAnonymousNotification, PlannedResidenceStatus } from './plan-nrm-workflow.ts';
import type { PlannedVictimsInProceedings } from './plan-victims-in-proceedings.ts';
import type { PlannedProceedings } from './plan-proceedings.ts';
import type { PlannedCompensation } from './plan-compensation.ts';

/**
 * What the demo creates, before any id or database exists: a pure value the
 * planner computes from a scenario and a seed, and the writer stores.
 * Organisations are named by their profile code; records refer to each other
 * by index in these lists.
 */
export interface DemoPlan {
  /** Synthetic NGO service providers created for the demo. */
  organisations: PlannedOrganisation[];
  victims: PlannedVictim[];
  referrals: PlannedReferral[];
  criminal_cases: PlannedCriminalCase[];
  /** Adults who declined, notified anonymously (plan-nrm-workflow.ts). */
  anonymous_notifications: PlannedAnonymousNotification[];
  /** Residence statuses of foreign victims (plan-nrm-workflow.ts). */
  residence_statuses: PlannedResidenceStatus[];
  /** Synthetic facilities of the service directory (plan-facilities.ts). */
  facilities: PlannedFacility[];
  /** Screenings with trafficking indicators (plan-screenings.ts). */
  screenings: PlannedScreening[];
  /** Hearings, legal counsel, witness programmes and protection measures (plan-victims-in-proceedings.ts). */
  victims_in_proceedings: PlannedVictimsInProceedings;
  /** Compensation claims, court orders, payments, advance payments and exchange rates (plan-compensation.ts). */
  compensation: PlannedCompensation;
}

export interface PlannedOrganisation {
  code: string;
  name: string;
  kind: 'ngo';
  functions: string[];
  /** ISO 3166-2 county code. */
  region: string;
}

/** A person and their victim case (one case per person in the demo). */
export interface PlannedVictim {
  person: {
    sex: 'female' | 'male';
    birth_year: number;
    /** ISO 3166-1 alpha-2 codes. */
    citizenships: string[];
    identity: PersonIdentityData;
    /** County code of residence (referrals of children go to its DGASPC). */
    home_region: string;
  };
  case_number: string;
  nrm_status: 'potential' | 'presumed' | 'identified' | 'not_a_victim';
  potential_on: string;
  presumed_on: string | null;
  identified_on: string | null;
  not_a_victim_on: string | null;
  registration_year: number;
  reporting_year: number | null;
  /** Profile code of the identifying (or, before identification, the first responding) organisation. */
  identifying_organisation: string;
  /** The report category the scenario placed the victim in. */
  category: string;
  forms: string[];
  sector: string | null;
  countries_of_exploitation: string[];
  regions_of_exploitation: string[];
  exploitation_started_on: string;
  age_at_exploitation_start: number;
  age_at_identification: number;
  /** CTDC band of the age at identification (the bands anonymous notifications use too). */
  age_band: CtdcAgeBand;
  is_child: boolean;
  recruitment_methods: string[];
  recruiter_relationship: string | null;
  means_of_control: string[];
}

/** A referral to assistance, with the services it led to. */
export interface PlannedReferral {
  victim: number;
  from: string;
  to: string;
  services: string[];
  status: 'sent' | 'accepted' | 'declined';
  /** ISO instant (UTC). */
  sent_at: string;
  responded_at: string | null;
  decline_reason: string | null;
  /** DECLINE_REASON_CODES of @opennrm/domain, beside the text. */
  decline_reason_code: string | null;
  started_on: string | null;
  assistance: PlannedAssistance[];
}

/** A facility of a provider (profile institution or demo NGO, by code). */
export interface PlannedFacility {
  organisation: string;
  code: string;
  name: string;
  /** ISO 3166-2 county code. */
  region: string;
  services: string[];
  accepts_children: boolean;
  accepts_adults: boolean;
  dedicated_to_trafficking: boolean;
  capacity: number | null;
  free_places: number | null;
  /** Day the free places were last updated (YYYY-MM-DD). */
  free_places_updated_on: string | null;
  licence_number: string | null;
  licence_authority: string | null;
  licence_expires_on: string | null;
}

export interface PlannedAssistance {
  provider: string;
  service: string;
  started_on: string;
  ended_on: string | null;
}

export interface PlannedCriminalCase {
  case_number: string;
  investigating_organisation: string;
  opened_on: string;
  offence_articles: string[];
  /** The report category of the case's forms ("unspecified" when none). */
  category: string;
  forms: string[];
  victims: { victim: number; role: 'injured_party' | 'witness' }[];
  suspects: PlannedSuspect[];
  /** Stage, dated offences, procedural events and cooperation (plan-proceedings.ts). */
  proceedings?: PlannedProceedings;
}

export interface PlannedSuspect {
  sex: 'female' | 'male';
  age: number;
  citizenships: string[];
  role: string;
  state_employee: boolean;
  prosecuted_on: string | null;
  verdict: 'convicted' | 'acquitted' | null;
  verdict_on: string | null;
  sentence_months: number | null;
  sentence_suspended: boolean | null;
}

/** A screening; `victim` is the victim whose case was opened from it, if any. */
export interface PlannedScreening {
  victim: number | null;
  /** ISO instant (UTC). */
  recorded_at: string;
  county: string;
  context: string;
  /** Profile code of the screening organisation. */
  organisation: string;
  subject: ScreeningSubject;
  exploitation: 'labour' | 'sexual';
  answers: Record<string, string>;
  /** The domain evaluator's result for these answers (what the server stores). */
  evaluation: ScreeningResult;
}
