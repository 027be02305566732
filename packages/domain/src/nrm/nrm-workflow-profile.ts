import { z } from 'zod';

/**
 * The NRM workflow's country rules (profile key `nrm_workflow`): why a case
 * may be closed, the grounds on which assistance may never be refused or
 * ended, the residence statuses of foreign victims and how early their expiry
 * is warned of. Every entry carries its source (principle 3: country rules are data).
 */

const code = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'a lower-case code such as "lost_contact"');
const source = z.string().min(3, 'name the law article, standard or publication the rule comes from');

export const closureReasonSchema = z.object({
  code,
  name: z.string().min(2),
  source,
});

/**
 * A ground given for closing a case or ending assistance. A `forbidden`
 * ground is rejected whatever the closure reason: assistance is never
 * conditional on taking part in criminal proceedings (Directive 2011/36/EU
 * art. 11(3); CETS 197 art. 12(6)).
 */
export const closureGroundSchema = z.object({
  code,
  name: z.string().min(2),
  forbidden: z.boolean(),
  source,
});

/** A residence status a foreign victim may hold (e.g. reflection period, tolerated stay). */
export const residenceStatusRuleSchema = z.object({
  code,
  name: z.string().min(2),
  /** Usual length of the status, days; null when the law sets none (asylum). A recorded expiry overrides it. */
  duration_days: z.number().int().positive().nullable(),
  /** Whether the status gives a right to victim services; false is flagged on the case (e.g. tolerated stay). */
  entitles_to_services: z.boolean(),
  source,
  verify_against_national_law: z.boolean().default(false),
});

export const nrmWorkflowSchema = z.object({
  closure_reasons: z.array(closureReasonSchema).min(1),
  closure_grounds: z.array(closureGroundSchema).default([]),
  residence_statuses: z.array(residenceStatusRuleSchema).default([]),
  /** How many days before a residence status expires its warning is raised. */
  residence_expiry_warning_days: z.number().int().min(1).max(365).default(30),
  /** Where the workflow's rules come from (the national referral mechanism's legal basis). */
  source,
});

export type NrmWorkflowRules = z.infer<typeof nrmWorkflowSchema>;
export type ClosureGround = z.infer<typeof closureGroundSchema>;
export type ResidenceStatusRule = z.infer<typeof residenceStatusRuleSchema>;

const DIRECTIVE = 'Directive 2011/36/EU art. 11(3); Council of Europe Convention on Action against Trafficking (CETS 197) art. 12(6)';

/**
 * The rules a profile without `nrm_workflow` gets: the closure reasons of
 * issue 4 and the grounds EU law forbids; no residence statuses (those are national).
 */
export const DEFAULT_NRM_WORKFLOW: NrmWorkflowRules = {
  closure_reasons: [
    { code: 'reintegrated', name: 'Reintegrated', source: 'OSCE/ODIHR NRM handbook (2nd ed., 2022), ch. 5' },
    { code: 'returned', name: 'Returned to the country of origin', source: 'OSCE/ODIHR NRM handbook (2nd ed., 2022), ch. 6' },
    { code: 'lost_contact', name: 'Contact lost', source: 'OSCE/ODIHR NRM handbook (2nd ed., 2022), ch. 5' },
    { code: 'declined', name: 'The person declined assistance', source: 'Directive 2011/36/EU art. 11(5) (informed consent)' },
  ],
  closure_grounds: [
    { code: 'did_not_testify', name: 'The victim did not testify', forbidden: true, source: DIRECTIVE },
    { code: 'no_criminal_complaint', name: 'The victim filed no criminal complaint', forbidden: true, source: DIRECTIVE },
    { code: 'victim_request', name: 'At the victim’s own request', forbidden: false, source: 'Directive 2011/36/EU art. 11(5)' },
  ],
  residence_statuses: [],
  residence_expiry_warning_days: 30,
  source: 'Directive 2011/36/EU art. 11; OSCE/ODIHR NRM handbook (2nd ed., 2022)',
};
