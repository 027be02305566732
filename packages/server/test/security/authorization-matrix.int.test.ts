import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { POLICY_RULES, shippedProfile } from '@opennrm/domain';
import { buildApp } from '../../src/http/app.ts';
import { SessionsRepository } from '../../src/accounts/sessions.repository.ts';
import { newId } from '../../src/shared/ids.ts';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { TEST_KEYRING } from '../support/test-keyring.ts';
import { TEST_SIGN_IN, testApi, type TestApi } from '../support/test-api.ts';

/**
 * The authorization matrix of issue 3, point 2: every operation of the
 * OpenAPI document, called by every role (users of two organisations, the
 * NGO "NGO-X" and the county child protection "DGASPC-CJ", plus ANITP and
 * DIICOT), against records owned by each, with the status each must get.
 *
 * Outcomes: a number is the exact status; "reach" means the route-level
 * policy let the request through (anything but 403: the handler answered). 404 is "not found or no access": an id the
 * user may not see must look like an id that does not exist (no IDOR).
 *
 * Then each policy rule is removed in turn and the matrix must notice.
 */

const ACTORS = ['fl', 'cw', 'cw_other', 'cm', 'ngo', 'coord', 'pros', 'analyst', 'auditor', 'admin', 'complicit'] as const;
/**
 * Outsiders to criminal case K1, tried only on the probes that say what they must get: a prosecutor of another prosecution
 * office, and a DIICOT prosecutor recorded as a suspect in K1 (a conflict of interest on K1 and its linked victim case C1).
 */
const OUTSIDERS = ['pros_other', 'pros_suspect'] as const;
type ActorName = (typeof ACTORS)[number] | (typeof OUTSIDERS)[number];
type Outcome = number | 'reach';

const ACCOUNTS: Record<ActorName, [role: string, organisation: string | null]> = {
  fl: ['front_line_responder', 'DGASPC-CJ'],
  cw: ['case_worker', 'DGASPC-CJ'],
  cw_other: ['case_worker', 'DGASPC-CJ'],
  cm: ['case_manager', 'DGASPC-CJ'],
  ngo: ['case_worker', 'NGO-X'],
  coord: ['coordinator', 'ANITP'],
  pros: ['prosecutor', 'DIICOT'],
  analyst: ['analyst', 'ANITP'],
  auditor: ['auditor', 'ANITP'],
  admin: ['administrator', null],
  // A case manager of DGASPC-CJ recorded as a suspect in the criminal case linked to C1.
  complicit: ['case_manager', 'DGASPC-CJ'],
  pros_other: ['prosecutor', 'PT-CJ'],
  pros_suspect: ['prosecutor', 'DIICOT'],
};

/** Ids of the fixture records. */
interface Fixture {
  users: Record<ActorName, { token: string; id: string }>;
  extraUserId: string;
  P1: string; // person of C1 (DGASPC-CJ, team: cw)
  P2: string; // person of C2 (NGO-X): another organisation's person for DGASPC-CJ
  P3: string; // person recorded by fl
  P6: string; // person of a case a DGASPC-CJ case manager opened (team: cm)
  C1: string; // DGASPC-CJ case, referred to NGO-X, linked to DIICOT's K1
  C2: string; // NGO-X case
  C3: string; // fl's potential case (owned by DGASPC-CJ)
  C4: string; // NGO-X case for break-glass
  C5: string; // NGO-X case linked to K2, which investigates NGO-X
  C6: string; // NGO-X child's case, notified to the child-protection service DGASPC-CJ
  R1: string;
  RD: string; // C1's referral to NGO-X, declined by NGO-X
  F1: string; // DGASPC-CJ facility of the service directory
  A1: string;
  /** Assistance NGO-X gave on C1 through its referral R1. */
  AX: string;
  K1: string;
  S1: string;
  SC1: string; // screening recorded by fl (DGASPC-CJ)
  SC2: string; // screening recorded by fl, a victim case opened from it
  H1: string; // a hearing of C1's victim, recorded by DIICOT's prosecutor
  J1: string; // a joint investigation team of K1
  LC1: string; // C1's legal counsel, programme place, protection measure and compensation claim, recorded by cw
  PG1: string;
  PM1: string;
  CL1: string;
}

interface Probe {
  /** "METHOD /api/v1/path/:id" as the OpenAPI document names the operation. */
  route: string;
  /** A name for the failure message when a route has several probes. */
  name?: string;
  url: (f: Fixture) => string;
  body?: (f: Fixture) => object;
  /** Expected outcome per actor; actors not listed get `otherwise`. */
  expect: Partial<Record<ActorName, Outcome>>;
  otherwise: Outcome;
  /** Only these actors are tried (conflict probes). */
  only?: readonly ActorName[];
  /** Give the actor a fresh session for this call (sign-out ends it). */
  freshSession?: boolean;
}

let serial = 0;
const unique = () => `${Date.now().toString(36)}-${++serial}`;
const all = (outcome: Outcome) => Object.fromEntries(ACTORS.map((a) => [a, outcome])) as Partial<Record<ActorName, Outcome>>;
const some = (actors: readonly ActorName[], outcome: Outcome) => Object.fromEntries(actors.map((a) => [a, outcome]));

const CASE_READERS: ActorName[] = ['fl', 'cw', 'cw_other', 'cm', 'ngo', 'coord', 'pros', 'complicit'];
const NO_VICTIM_DATA: ActorName[] = ['analyst', 'auditor', 'admin'];
const CJ_OUTSIDERS: ActorName[] = ['fl', 'cw_other'];
const SCREENERS: ActorName[] = ['fl', 'cw', 'cw_other', 'cm', 'ngo', 'coord', 'complicit'];
const CJ_SCREENERS: ActorName[] = ['fl', 'cw', 'cw_other', 'cm', 'complicit'];
/** A valid screening: an adult labour screening with one strong indicator (potential victim). */
const SCREENING = {
  revision: 1,
  recorded_at: '2024-03-01T10:00:00Z',
  county: 'RO-CJ',
  context: 'labour_inspection',
  subject: { age_years: 30, sex: 'male' },
  exploitation: 'labour',
  answers: { 'adult_labour.exploitative_conditions.excessive_hours': 'yes' },
};

/**
 * K1 and its linked victim case C1 as the outsiders get them: another prosecution office's prosecutor finds no such record (404);
 * a prosecutor recorded as a suspect in K1 is refused with the conflict of interest (403).
 */
const K1_OUTSIDERS = { pros_other: 404, pros_suspect: 403 } as const;

/** The matrix. Order matters where a probe depends on an earlier one (break-glass, then read). */
const PROBES: Probe[] = [
  { route: 'GET /api/v1/organisations', url: () => '/api/v1/organisations', expect: all(200), otherwise: 200 },
  { route: 'GET /api/v1/auth/me', url: () => '/api/v1/auth/me', expect: all(200), otherwise: 200 },
  { route: 'GET /api/v1/auth/csrf', url: () => '/api/v1/auth/csrf', expect: all(200), otherwise: 200 },
  {
    route: 'POST /api/v1/auth/change-password',
    url: () => '/api/v1/auth/change-password',
    body: () => ({ current_password: 'not-the-password-at-all', new_password: 'a-new-password-long-enough' }),
    expect: all(401),
    otherwise: 401,
  },
  {
    route: 'POST /api/v1/auth/totp/enrol',
    url: () => '/api/v1/auth/totp/enrol',
    body: () => ({}),
    expect: all('reach'),
    otherwise: 'reach',
  },
  {
    route: 'POST /api/v1/auth/totp/confirm',
    url: () => '/api/v1/auth/totp/confirm',
    body: () => ({ code: '000000' }),
    expect: all('reach'),
    otherwise: 'reach',
  },
  { route: 'POST /api/v1/auth/sign-out', url: () => '/api/v1/auth/sign-out', expect: all(204), otherwise: 204, freshSession: true },
  // Drafts are the user's own (subject OwnAccount): every role keeps its half-filled forms.
  {
    route: 'PUT /api/v1/drafts/:key',
    url: () => '/api/v1/drafts/matrix-form',
    body: () => ({ data: { step: 1 } }),
    expect: all('reach'),
    otherwise: 'reach',
  },
  { route: 'GET /api/v1/drafts', url: () => '/api/v1/drafts', expect: all(200), otherwise: 200 },
  { route: 'GET /api/v1/drafts/:key', url: () => '/api/v1/drafts/matrix-form', expect: all('reach'), otherwise: 'reach' },
  { route: 'DELETE /api/v1/drafts/:key', url: () => '/api/v1/drafts/matrix-form', expect: all('reach'), otherwise: 'reach' },
  { route: 'GET /api/v1/alerts', url: () => '/api/v1/alerts', expect: all(200), otherwise: 200 },
  { route: 'GET /api/v1/users', url: () => '/api/v1/users', expect: { admin: 200 }, otherwise: 403 },
  {
    route: 'PATCH /api/v1/users/:id',
    url: (f) => `/api/v1/users/${f.extraUserId}`,
    body: () => ({ role: 'case_worker' }),
    expect: { admin: 200 },
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/users',
    url: () => '/api/v1/users',
    body: () => ({ username: `matrix-${unique()}`, role: 'analyst', organisation: 'ANITP' }),
    expect: { admin: 201 },
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/users/:id/one-time-password',
    url: (f) => `/api/v1/users/${f.extraUserId}/one-time-password`,
    expect: { admin: 200 },
    otherwise: 403,
  },

  // Persons
  {
    route: 'POST /api/v1/persons',
    url: () => '/api/v1/persons',
    body: () => ({ sex: 'female', citizenships: ['RO'], identity: { family_name: 'Matrix' } }),
    expect: some(['fl', 'cw', 'cw_other', 'cm', 'ngo', 'coord', 'complicit'], 201),
    otherwise: 403,
  },
  { route: 'GET /api/v1/persons', url: () => '/api/v1/persons', expect: some(CASE_READERS, 200), otherwise: 403 },
  {
    route: 'GET /api/v1/persons/search',
    url: () => '/api/v1/persons/search?name=Popescu',
    expect: some(CASE_READERS, 200),
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/persons/:id',
    name: 'person of a DGASPC-CJ case referred to NGO-X and linked to DIICOT',
    url: (f) => `/api/v1/persons/${f.P1}`,
    expect: { ...some(['cw', 'cm', 'ngo', 'coord', 'pros', 'complicit'], 200), ...some(CJ_OUTSIDERS, 404) },
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/persons/:id',
    name: 'person recorded by the front-line responder',
    url: (f) => `/api/v1/persons/${f.P3}`,
    expect: { ...some(['fl', 'cm', 'coord', 'complicit'], 200), ...some(['cw', 'cw_other', 'ngo', 'pros'], 404) },
    otherwise: 403,
  },
  {
    route: 'PATCH /api/v1/persons/:id',
    url: (f) => `/api/v1/persons/${f.P1}`,
    body: () => ({ sex: 'female' }),
    expect: { ...some(['cw', 'cm', 'coord', 'complicit'], 200), ...some(['fl', 'cw_other', 'ngo'], 404) },
    otherwise: 403,
  },

  // Victim cases
  {
    route: 'POST /api/v1/victim-cases',
    url: () => '/api/v1/victim-cases',
    body: (f) => ({ person_id: f.P6, case_number: `M-${unique()}`, nrm_status: 'presumed', presumed_on: '2024-05-01' }),
    expect: { ...some(['cm', 'coord', 'complicit'], 201), ...some(['fl', 'cw', 'cw_other', 'ngo'], 400) },
    otherwise: 403,
  },
  { route: 'GET /api/v1/victim-cases', url: () => '/api/v1/victim-cases', expect: some(CASE_READERS, 200), otherwise: 403 },
  {
    route: 'GET /api/v1/victim-cases/:id',
    name: 'DGASPC-CJ case C1',
    url: (f) => `/api/v1/victim-cases/${f.C1}`,
    expect: { ...some(['cw', 'cm', 'ngo', 'coord', 'pros'], 200), ...some(CJ_OUTSIDERS, 404), complicit: 403, ...K1_OUTSIDERS },
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/victim-cases/:id',
    name: 'NGO-X case C2 (another organisation: no IDOR)',
    url: (f) => `/api/v1/victim-cases/${f.C2}`,
    expect: { ...some(['ngo', 'coord'], 200), ...some(['fl', 'cw', 'cw_other', 'cm', 'pros', 'complicit'], 404) },
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/victim-cases/:id',
    name: "front-line responder's potential case C3",
    url: (f) => `/api/v1/victim-cases/${f.C3}`,
    expect: { ...some(['fl', 'cm', 'coord', 'complicit'], 200), ...some(['cw', 'cw_other', 'ngo', 'pros'], 404) },
    otherwise: 403,
  },
  {
    route: 'PATCH /api/v1/victim-cases/:id',
    url: (f) => `/api/v1/victim-cases/${f.C1}`,
    body: () => ({ sector: 'agriculture' }),
    expect: { ...some(['cw', 'cm', 'coord'], 200), ...some(['fl', 'cw_other', 'ngo'], 404), complicit: 403 },
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/victim-cases/:id/team',
    url: (f) => `/api/v1/victim-cases/${f.C1}/team`,
    expect: { ...some(['cm', 'coord'], 200), complicit: 403 },
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/victim-cases/:id/team',
    url: (f) => `/api/v1/victim-cases/${f.C1}/team`,
    body: (f) => ({ user_id: f.extraUserId, role: 'member' }),
    expect: { cm: 200, complicit: 403 },
    otherwise: 403,
  },
  {
    route: 'DELETE /api/v1/victim-cases/:id/team/:user_id',
    url: (f) => `/api/v1/victim-cases/${f.C2}/team/${f.users.ngo.id}`,
    expect: some(['cm', 'complicit'], 404),
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/victim-cases/:id/break-glass',
    url: (f) => `/api/v1/victim-cases/${f.C4}/break-glass`,
    body: () => ({ reason: 'Police report of imminent danger to the victim tonight' }),
    expect: some(['cw', 'cw_other', 'cm', 'ngo', 'coord', 'pros', 'complicit'], 201),
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/victim-cases/:id',
    name: 'NGO-X case C4 after break-glass',
    url: (f) => `/api/v1/victim-cases/${f.C4}`,
    expect: { ...some(['cw', 'cw_other', 'cm', 'ngo', 'coord', 'pros', 'complicit'], 200), fl: 404 },
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/victim-cases/:id',
    name: 'NGO-X case C5, linked to a criminal case investigating NGO-X (conflict of interest)',
    url: (f) => `/api/v1/victim-cases/${f.C5}`,
    expect: { ngo: 403, coord: 200 },
    otherwise: 403,
    only: ['ngo', 'coord'],
  },

  // Referrals and assistance
  {
    route: 'POST /api/v1/referrals',
    url: () => '/api/v1/referrals',
    body: (f) => ({ victim_case_id: f.C1, from_organisation: 'DGASPC-CJ', to_organisation: 'NGO-X', services: ['shelter'] }),
    expect: { ...some(['cw', 'cm', 'coord'], 201), ...some(['fl', 'cw_other', 'ngo'], 400), complicit: 400 },
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/referrals',
    name: "from another organisation than the user's (only the coordinator, on its behalf)",
    url: () => '/api/v1/referrals',
    body: (f) => ({ victim_case_id: f.C1, from_organisation: 'IGPF', to_organisation: 'NGO-X', services: ['legal'] }),
    expect: { coord: 201, ...some(['fl', 'cw', 'cw_other', 'cm', 'ngo'], 400), complicit: 400 },
    otherwise: 403,
  },
  { route: 'GET /api/v1/referrals', url: () => '/api/v1/referrals', expect: some(CASE_READERS, 200), otherwise: 403 },
  {
    route: 'GET /api/v1/referrals/:id',
    url: (f) => `/api/v1/referrals/${f.R1}`,
    expect: { ...some(['cw', 'cm', 'ngo', 'coord', 'pros'], 200), ...some(CJ_OUTSIDERS, 404), complicit: 404 },
    otherwise: 403,
  },
  {
    route: 'PATCH /api/v1/referrals/:id',
    name: 'the answering side: the start of the service',
    url: (f) => `/api/v1/referrals/${f.R1}`,
    body: () => ({ started_on: null }),
    expect: { ...some(['cw', 'cm', 'coord', 'ngo'], 200), ...some(CJ_OUTSIDERS, 404), complicit: 404 },
    otherwise: 403,
  },
  {
    route: 'PATCH /api/v1/referrals/:id',
    name: "the referring side's services: not the provider's to change",
    url: (f) => `/api/v1/referrals/${f.R1}`,
    body: () => ({ services: ['shelter'] }),
    expect: { ...some(['cw', 'cm', 'coord'], 200), ngo: 403, ...some(CJ_OUTSIDERS, 404), complicit: 404 },
    otherwise: 403,
  },
  { route: 'GET /api/v1/referrals/waiting', url: () => '/api/v1/referrals/waiting', expect: some(CASE_READERS, 200), otherwise: 403 },
  {
    route: 'POST /api/v1/referrals/:id/resend',
    url: (f) => `/api/v1/referrals/${f.RD}/resend`,
    body: () => ({ to_organisation: 'ANITP' }),
    expect: { ...some(['cw', 'cm', 'coord'], 201), ngo: 400, ...some(CJ_OUTSIDERS, 404), complicit: 404 },
    otherwise: 403,
  },

  // Service directory (not personal data: everyone reads; the coordinator and administrators change it; a provider its free places)
  { route: 'GET /api/v1/service-facilities', url: () => '/api/v1/service-facilities', expect: all(200), otherwise: 200 },
  { route: 'GET /api/v1/service-facilities/:id', url: (f) => `/api/v1/service-facilities/${f.F1}`, expect: all(200), otherwise: 200 },
  { route: 'GET /api/v1/service-gaps', url: () => '/api/v1/service-gaps', expect: some(['analyst', 'coord'], 200), otherwise: 403 },
  {
    route: 'POST /api/v1/service-facilities',
    url: () => '/api/v1/service-facilities',
    body: () => ({ organisation: 'NGO-X', code: `FX-${unique()}`, name: 'Counselling', region: 'RO-B', services: ['legal'] }),
    expect: some(['coord', 'admin'], 201),
    otherwise: 403,
  },
  {
    route: 'PATCH /api/v1/service-facilities/:id',
    url: (f) => `/api/v1/service-facilities/${f.F1}`,
    body: () => ({ free_places: 1 }),
    expect: { ...some(['coord', 'admin', 'cw', 'cw_other', 'cm', 'complicit'], 200), ngo: 404 },
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/assistance',
    url: () => '/api/v1/assistance',
    body: (f) => ({ victim_case_id: f.C1, provider_organisation: 'DGASPC-CJ', service: 'shelter', started_on: '2024-05-02' }),
    // ngo sees C1 (referred to it) but records only its own services: 403 naming body.provider_organisation.
    expect: { ...some(['cw', 'cm', 'coord'], 201), ...some(['fl', 'cw_other', 'complicit'], 400), ngo: 403 },
    otherwise: 403,
  },
  { route: 'GET /api/v1/assistance', url: () => '/api/v1/assistance', expect: some(CASE_READERS, 200), otherwise: 403 },
  {
    route: 'GET /api/v1/assistance/:id',
    name: 'assistance NGO-X gave itself',
    url: (f) => `/api/v1/assistance/${f.AX}`,
    expect: { ...some(['cw', 'cm', 'ngo', 'coord', 'pros'], 200), ...some(CJ_OUTSIDERS, 404), complicit: 404 },
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/assistance/:id',
    url: (f) => `/api/v1/assistance/${f.A1}`,
    // NGO-X reads C1 through its referral: another provider's assistance (where the victim is sheltered) stays hidden.
    expect: { ...some(['cw', 'cm', 'coord', 'pros'], 200), ...some([...CJ_OUTSIDERS, 'ngo'], 404), complicit: 404 },
    otherwise: 403,
  },
  {
    route: 'PATCH /api/v1/assistance/:id',
    url: (f) => `/api/v1/assistance/${f.A1}`,
    body: () => ({ service: 'shelter' }),
    expect: { ...some(['cw', 'cm', 'coord'], 200), ...some(['fl', 'cw_other', 'ngo', 'complicit'], 404) },
    otherwise: 403,
  },

  // Screenings (issue 4 points 1 and 6)
  {
    route: 'PUT /api/v1/screenings/:id',
    name: 'a new screening (fresh client id)',
    url: () => `/api/v1/screenings/${newId()}`,
    body: () => SCREENING,
    expect: some(SCREENERS, 201),
    otherwise: 403,
  },
  {
    route: 'PUT /api/v1/screenings/:id',
    name: "replay of fl's screening: only its author syncs it",
    url: (f) => `/api/v1/screenings/${f.SC1}`,
    body: () => SCREENING,
    expect: { ...some(SCREENERS, 409), fl: 200 },
    otherwise: 403,
  },
  { route: 'GET /api/v1/screenings', url: () => '/api/v1/screenings', expect: some(SCREENERS, 200), otherwise: 403 },
  {
    route: 'GET /api/v1/screenings/:id',
    url: (f) => `/api/v1/screenings/${f.SC1}`,
    expect: { ...some(CJ_SCREENERS, 200), ...some(['ngo', 'coord'], 404) },
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/screenings/:id/case',
    url: (f) => `/api/v1/screenings/${f.SC2}/case`,
    expect: { ...some(CJ_SCREENERS, 200), ...some(['ngo', 'coord'], 404) },
    otherwise: 403,
  },

  // Criminal proceedings
  {
    route: 'POST /api/v1/criminal-cases',
    // A prosecutor opens cases their own office investigates: naming DIICOT is 403 for another office's prosecutor.
    url: () => '/api/v1/criminal-cases',
    body: () => ({ case_number: `K-${unique()}`, opened_on: '2024-01-10', investigating_organisation: 'DIICOT' }),
    expect: { ...some(['pros', 'pros_suspect'], 201), pros_other: 403 },
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/criminal-cases',
    url: () => '/api/v1/criminal-cases',
    expect: some(['pros', 'coord', 'pros_other', 'pros_suspect'], 200),
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/criminal-cases/:id',
    url: (f) => `/api/v1/criminal-cases/${f.K1}`,
    expect: { ...some(['pros', 'coord'], 200), ...K1_OUTSIDERS },
    otherwise: 403,
  },
  {
    route: 'PATCH /api/v1/criminal-cases/:id',
    url: (f) => `/api/v1/criminal-cases/${f.K1}`,
    body: () => ({ forms: ['sexual'] }),
    expect: { pros: 200, ...K1_OUTSIDERS },
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/criminal-cases/:id/suspects',
    url: (f) => `/api/v1/criminal-cases/${f.K1}/suspects`,
    body: () => ({ sex: 'male', role: 'recruiter' }),
    expect: { pros: 201, ...K1_OUTSIDERS },
    otherwise: 403,
  },
  {
    route: 'PATCH /api/v1/criminal-cases/:id/suspects/:suspect_id',
    url: (f) => `/api/v1/criminal-cases/${f.K1}/suspects/${f.S1}`,
    body: () => ({ age: 41 }),
    expect: { pros: 200, ...K1_OUTSIDERS },
    otherwise: 403,
  },
];

// Criminal proceedings (issue 6 points 1-3): they follow the case, its prosecutors record, the coordinator reads (docs/access-policy.md).
PROBES.push(
  {
    route: 'GET /api/v1/criminal-cases/at-risk',
    // A list: outsiders get only the cases they may read.
    url: () => '/api/v1/criminal-cases/at-risk?within_days=90',
    expect: some(['pros', 'coord', 'pros_other', 'pros_suspect'], 200),
    otherwise: 403,
  },
  ...(['deadlines', 'events', 'offences', 'cooperation'] as const).map((list): Probe => ({
    route: `GET /api/v1/criminal-cases/:id/${list}`,
    url: (f) => `/api/v1/criminal-cases/${f.K1}/${list}`,
    expect: { ...some(['pros', 'coord'], 200), ...K1_OUTSIDERS },
    otherwise: 403,
  })),
  {
    route: 'POST /api/v1/criminal-cases/:id/events',
    url: (f) => `/api/v1/criminal-cases/${f.K1}/events`,
    body: (f) => ({ kind: 'suspect_heard', suspect_id: f.S1, occurred_on: '2024-02-10' }),
    expect: { pros: 201, ...K1_OUTSIDERS },
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/criminal-cases/:id/stage',
    name: 'an illegal move: refused only once the policy let it through',
    url: (f) => `/api/v1/criminal-cases/${f.K1}/stage`,
    body: () => ({ stage: 'final_judgment', on: '2024-03-01' }),
    expect: { pros: 409, ...K1_OUTSIDERS },
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/criminal-cases/:id/offences',
    url: (f) => `/api/v1/criminal-cases/${f.K1}/offences`,
    body: () => ({ article: '210', committed_on: '2023-06-01' }),
    expect: { pros: 201, ...K1_OUTSIDERS },
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/criminal-cases/:id/cooperation',
    url: (f) => `/api/v1/criminal-cases/${f.K1}/cooperation`,
    body: () => ({ kind: 'european_investigation_order', countries: ['ES'], opened_on: '2024-02-12' }),
    expect: { pros: 201, ...K1_OUTSIDERS },
    otherwise: 403,
  },
  {
    route: 'PATCH /api/v1/criminal-cases/:id/cooperation/:cooperation_id',
    url: (f) => `/api/v1/criminal-cases/${f.K1}/cooperation/${f.J1}`,
    body: () => ({ countries: ['IT', 'ES'] }),
    expect: { pros: 200, ...K1_OUTSIDERS },
    otherwise: 403,
  },
  {
    route: 'PUT /api/v1/criminal-cases/:id/victims/:victim_case_id',
    url: (f) => `/api/v1/criminal-cases/${f.K1}/victims/${f.C1}`,
    body: () => ({ role: 'witness' }),
    expect: { pros: 200, ...K1_OUTSIDERS },
    otherwise: 403,
  },
  {
    route: 'PUT /api/v1/criminal-cases/:id/victims/:victim_case_id',
    name: "a victim case the prosecutor may not read (NGO-X's C2): linking it would open it to DIICOT",
    url: (f) => `/api/v1/criminal-cases/${f.K1}/victims/${f.C2}`,
    body: () => ({ role: 'witness' }),
    // 404 as for a victim case that does not exist: the answer must not tell that C2 exists (docs/errors.md).
    expect: { pros: 404 },
    otherwise: 403,
    only: ['pros'],
  },
  {
    route: 'PATCH /api/v1/criminal-cases/:id',
    name: 'victim_case_ids naming a victim case the prosecutor may not read',
    url: (f) => `/api/v1/criminal-cases/${f.K1}`,
    body: (f) => ({ victim_case_ids: [f.C1, f.C2] }),
    // 400 "no victim case with this id", as for an id that does not exist.
    expect: { pros: 400 },
    otherwise: 403,
    only: ['pros'],
  },
  {
    route: 'PUT /api/v1/victim-cases/:id/criminal-cases/:criminal_case_id',
    // Whoever may update the victim case shares it with the investigating office; nobody else learns the criminal case exists.
    url: (f) => `/api/v1/victim-cases/${f.C1}/criminal-cases/${f.K1}`,
    body: () => ({ role: 'injured_party' }),
    expect: { ...some(['cw', 'cm', 'coord'], 200), ...some(['fl', 'cw_other', 'ngo', 'complicit'], 404) },
    otherwise: 403,
  },
);

// Statistics and audit
PROBES.push(
  {
    route: 'GET /api/v1/reports/annual',
    url: () => '/api/v1/reports/annual?year=2024',
    expect: some(['analyst', 'coord'], 200),
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/reports/annual/export',
    url: () => '/api/v1/reports/annual/export?year=2024&format=csv',
    expect: some(['analyst', 'coord'], 200),
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/reports/annual/trace',
    url: () => '/api/v1/reports/annual/trace?year=2024&figure=victims_identified.total',
    expect: { coord: 200 },
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/persons/:id/access-history',
    url: (f) => `/api/v1/persons/${f.P1}/access-history`,
    expect: some(['auditor', 'cm', 'coord', 'complicit'], 200),
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/audit/unusual-access',
    url: () => '/api/v1/audit/unusual-access?from=2024-01-01&to=2035-01-01',
    expect: { auditor: 200 },
    otherwise: 403,
  },
);

/**
 * Routes of other capabilities whose per-record checks live in their own
 * repositories (GDPR): the matrix checks the route-level policy only, that
 * roles without access to identities are refused.
 */
const IDENTITY_ROUTE = (route: string, url: (f: Fixture) => string, body?: (f: Fixture) => object): Probe => ({
  route,
  url,
  ...(body ? { body } : {}),
  // Changing identity data is not a prosecutor's (they read the minimum identity only).
  expect: { ...some(NO_VICTIM_DATA, 403), ...(route.startsWith('POST') ? { pros: 403 } : {}) },
  otherwise: 'reach',
});
PROBES.push(
  IDENTITY_ROUTE('GET /api/v1/persons/:id/consents', (f) => `/api/v1/persons/${f.P1}/consents`),
  IDENTITY_ROUTE(
    'POST /api/v1/persons/:id/consents',
    (f) => `/api/v1/persons/${f.P1}/consents`,
    () => ({}),
  ),
  IDENTITY_ROUTE(
    'POST /api/v1/persons/:id/consents/:consent_id/withdrawal',
    (f) => `/api/v1/persons/${f.P1}/consents/${newId()}/withdrawal`,
    () => ({}),
  ),
  IDENTITY_ROUTE('GET /api/v1/persons/:id/subject-access-export', (f) => `/api/v1/persons/${f.P1}/subject-access-export`),
  IDENTITY_ROUTE(
    'POST /api/v1/persons/:id/erasure',
    () => `/api/v1/persons/${newId()}/erasure`,
    () => ({}),
  ),
);

// GDPR routes per record: only persons the user may read (as GET /persons/:id), 404 for another organisation's person.
const CONSENT = { purpose: 'data_sharing', given: true, recorded_on: '2024-03-01', method: 'written_form' };
const ERASURE = { reason: 'the person asked for erasure in writing', legal_basis: 'consent_withdrawn' };
PROBES.push(
  {
    route: 'GET /api/v1/persons/:id/consents',
    name: "another organisation's person (NGO-X's P2)",
    url: (f) => `/api/v1/persons/${f.P2}/consents`,
    expect: { ...some(['ngo', 'coord'], 200), ...some(['fl', 'cw', 'cw_other', 'cm', 'complicit', 'pros'], 404) },
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/persons/:id/consents',
    name: 'person of a DGASPC-CJ case, outside the team',
    url: (f) => `/api/v1/persons/${f.P1}/consents`,
    expect: { ...some(['cw', 'cm', 'ngo', 'coord', 'complicit'], 200), ...some(['fl', 'cw_other', 'pros'], 404) },
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/persons/:id/consents',
    name: "another organisation's person (NGO-X's P2)",
    url: (f) => `/api/v1/persons/${f.P2}/consents`,
    body: () => CONSENT,
    expect: { ...some(['ngo', 'coord'], 201), ...some(['fl', 'cw', 'cw_other', 'cm', 'complicit'], 404) },
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/persons/:id/subject-access-export',
    name: "another organisation's person (NGO-X's P2)",
    url: (f) => `/api/v1/persons/${f.P2}/subject-access-export`,
    expect: { coord: 200, ...some(['fl', 'cw', 'cw_other', 'cm', 'complicit', 'ngo', 'pros'], 404) },
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/persons/:id/subject-access-export',
    name: 'person of a DGASPC-CJ case',
    url: (f) => `/api/v1/persons/${f.P1}/subject-access-export`,
    expect: { ...some(['cm', 'coord', 'complicit'], 200), ...some(['fl', 'cw', 'cw_other', 'ngo', 'pros'], 404) },
    otherwise: 403,
  },
  {
    // Only users who must be refused: an allowed erasure would erase the fixture.
    route: 'POST /api/v1/persons/:id/erasure',
    name: "another organisation's person (NGO-X's P2)",
    url: (f) => `/api/v1/persons/${f.P2}/erasure`,
    body: () => ERASURE,
    expect: some(['cm', 'complicit'], 404),
    otherwise: 404,
    only: ['cm', 'complicit'],
  },
);

// The NRM workflow (issue 4 points 2 and 3): steps need the right to edit the case; the workflow's own rules answer 409.
PROBES.push(
  {
    route: 'POST /api/v1/victim-cases/:id/transitions',
    url: (f) => `/api/v1/victim-cases/${f.C1}/transitions`,
    body: () => ({ event: 'reopen', occurred_on: '2024-03-05', reason: 'a case that is not closed cannot be reopened' }),
    expect: { ...some(['cw', 'cm', 'coord'], 409), ...some(['fl', 'cw_other', 'ngo'], 404), complicit: 403 },
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/victim-cases/:id/transitions',
    url: (f) => `/api/v1/victim-cases/${f.C1}/transitions`,
    expect: { ...some(['cw', 'cm', 'ngo', 'coord', 'pros'], 200), ...some(CJ_OUTSIDERS, 404), complicit: 403, ...K1_OUTSIDERS },
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/victim-cases/:id',
    name: "NGO-X child's case C6, notified to DGASPC-CJ",
    url: (f) => `/api/v1/victim-cases/${f.C6}`,
    expect: { ...some(['cw', 'cw_other', 'cm', 'complicit', 'ngo', 'coord'], 200), ...some(['fl', 'pros'], 404) },
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/victim-cases/:id/residence-statuses',
    url: (f) => `/api/v1/victim-cases/${f.C1}/residence-statuses`,
    body: () => ({ status: 'asylum', starts_on: '2024-03-01' }),
    expect: { ...some(['cw', 'cm', 'coord'], 201), ...some(['fl', 'cw_other', 'ngo'], 404), complicit: 403 },
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/victim-cases/:id/residence-statuses',
    url: (f) => `/api/v1/victim-cases/${f.C1}/residence-statuses`,
    expect: { ...some(['cw', 'cm', 'ngo', 'coord', 'pros'], 200), ...some(CJ_OUTSIDERS, 404), complicit: 403 },
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/anonymous-notifications',
    url: () => '/api/v1/anonymous-notifications',
    body: () => ({ notified_on: '2024-03-01', sex: 'female', age_band: '24--26', citizenships: ['RO'], forms: ['labour'] }),
    expect: some(['fl', 'cw', 'cw_other', 'cm', 'ngo', 'coord', 'complicit'], 201),
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/anonymous-notifications',
    url: () => '/api/v1/anonymous-notifications',
    expect: some(['coord', 'analyst'], 200),
    otherwise: 403,
  },
);

// Victims in proceedings (issue 6 point 4): the case's editors and the linked prosecutor record; whole readers read; a provider reading
// through a referral, a colleague off the team and a complicit user do not.
const PROCEEDINGS_OUTSIDERS = { ...some(['cw_other', 'ngo'], 404), complicit: 403, ...K1_OUTSIDERS };
const PROCEEDINGS_WRITERS = { ...some(['cw', 'cm', 'coord', 'pros'], 201), ...PROCEEDINGS_OUTSIDERS };
const PROCEEDINGS_READERS = { ...some(['cw', 'cm', 'coord', 'pros'], 200), ...PROCEEDINGS_OUTSIDERS };
/**
 * A record of C1 addressed under NGO-X's case C2: whoever reaches the route gets 404, NGO-X and the coordinator (who may edit C2)
 * because the record is not C2's (no IDOR through the case in the path).
 */
const OTHER_CASE_RECORD = { ...some(['cw', 'cw_other', 'cm', 'ngo', 'coord', 'pros', 'complicit'], 404) };
PROBES.push(
  {
    route: 'POST /api/v1/victim-cases/:id/hearings',
    url: (f) => `/api/v1/victim-cases/${f.C1}/hearings`,
    body: () => ({ status: 'planned', planned_on: '2030-01-15', body_organisation: 'IGPR' }),
    expect: PROCEEDINGS_WRITERS,
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/victim-cases/:id/hearings',
    url: (f) => `/api/v1/victim-cases/${f.C1}/hearings`,
    expect: PROCEEDINGS_READERS,
    otherwise: 403,
  },
  {
    route: 'PATCH /api/v1/victim-cases/:id/hearings/:record_id',
    url: (f) => `/api/v1/victim-cases/${f.C1}/hearings/${f.H1}`,
    body: () => ({ interpreter_language: 'uk' }),
    expect: { ...some(['cw', 'cm', 'coord', 'pros'], 200), ...some(['cw_other', 'ngo'], 404), complicit: 403 },
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/victim-cases/:id/legal-counsel',
    url: (f) => `/api/v1/victim-cases/${f.C1}/legal-counsel`,
    body: () => ({ counsel_bar: 'Baroul Cluj', assigned_on: '2024-03-01' }),
    expect: PROCEEDINGS_WRITERS,
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/victim-cases/:id/legal-counsel',
    url: (f) => `/api/v1/victim-cases/${f.C1}/legal-counsel`,
    expect: PROCEEDINGS_READERS,
    otherwise: 403,
  },
  {
    route: 'PATCH /api/v1/victim-cases/:id/legal-counsel/:record_id',
    url: (f) => `/api/v1/victim-cases/${f.C1}/legal-counsel/${f.LC1}`,
    body: () => ({ ended_on: '2024-04-01' }),
    expect: { ...some(['cw', 'cm', 'coord', 'pros'], 200), ...PROCEEDINGS_OUTSIDERS },
    otherwise: 403,
  },
  {
    route: 'PATCH /api/v1/victim-cases/:id/legal-counsel/:record_id',
    name: "C1's record under C2",
    url: (f) => `/api/v1/victim-cases/${f.C2}/legal-counsel/${f.LC1}`,
    body: () => ({ ended_on: '2024-04-01' }),
    expect: OTHER_CASE_RECORD,
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/victim-cases/:id/programmes',
    url: (f) => `/api/v1/victim-cases/${f.C1}/programmes`,
    body: () => ({ programme: 'victim_witness_coordination', started_on: '2024-03-01' }),
    expect: PROCEEDINGS_WRITERS,
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/victim-cases/:id/programmes',
    url: (f) => `/api/v1/victim-cases/${f.C1}/programmes`,
    expect: PROCEEDINGS_READERS,
    otherwise: 403,
  },
  {
    route: 'PATCH /api/v1/victim-cases/:id/programmes/:record_id',
    url: (f) => `/api/v1/victim-cases/${f.C1}/programmes/${f.PG1}`,
    body: () => ({ ended_on: '2024-04-01' }),
    expect: { ...some(['cw', 'cm', 'coord', 'pros'], 200), ...PROCEEDINGS_OUTSIDERS },
    otherwise: 403,
  },
  {
    route: 'PATCH /api/v1/victim-cases/:id/programmes/:record_id',
    name: "C1's record under C2",
    url: (f) => `/api/v1/victim-cases/${f.C2}/programmes/${f.PG1}`,
    body: () => ({ ended_on: '2024-04-01' }),
    expect: OTHER_CASE_RECORD,
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/victim-cases/:id/protection-measures',
    url: (f) => `/api/v1/victim-cases/${f.C1}/protection-measures`,
    body: () => ({ measure: 'escort', ordered_on: '2024-03-01' }),
    expect: PROCEEDINGS_WRITERS,
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/victim-cases/:id/protection-measures',
    url: (f) => `/api/v1/victim-cases/${f.C1}/protection-measures`,
    expect: PROCEEDINGS_READERS,
    otherwise: 403,
  },
  {
    route: 'PATCH /api/v1/victim-cases/:id/protection-measures/:record_id',
    url: (f) => `/api/v1/victim-cases/${f.C1}/protection-measures/${f.PM1}`,
    body: () => ({ ended_on: '2024-04-01' }),
    expect: { ...some(['cw', 'cm', 'coord', 'pros'], 200), ...PROCEEDINGS_OUTSIDERS },
    otherwise: 403,
  },
  {
    route: 'PATCH /api/v1/victim-cases/:id/protection-measures/:record_id',
    name: "C1's record under C2",
    url: (f) => `/api/v1/victim-cases/${f.C2}/protection-measures/${f.PM1}`,
    body: () => ({ ended_on: '2024-04-01' }),
    expect: OTHER_CASE_RECORD,
    otherwise: 403,
  },
);

// Compensation (issue 6 point 5): the same need-to-know as victims in proceedings; the rate table is the coordinator's, analysts read it.
PROBES.push(
  {
    route: 'GET /api/v1/victim-cases/:id/compensation',
    url: (f) => `/api/v1/victim-cases/${f.C1}/compensation`,
    expect: PROCEEDINGS_READERS,
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/victim-cases/:id/compensation-claims',
    url: (f) => `/api/v1/victim-cases/${f.C1}/compensation-claims`,
    body: () => ({ route: 'civil_claim', filed_on: '2024-03-01' }),
    expect: PROCEEDINGS_WRITERS,
    otherwise: 403,
  },
  {
    route: 'PATCH /api/v1/victim-cases/:id/compensation-claims/:claim_id',
    url: (f) => `/api/v1/victim-cases/${f.C1}/compensation-claims/${f.CL1}`,
    body: () => ({ status: 'ordered' }),
    expect: { ...some(['cw', 'cm', 'coord', 'pros'], 200), ...PROCEEDINGS_OUTSIDERS },
    otherwise: 403,
  },
  {
    route: 'PATCH /api/v1/victim-cases/:id/compensation-claims/:claim_id',
    name: "C1's claim under C2",
    url: (f) => `/api/v1/victim-cases/${f.C2}/compensation-claims/${f.CL1}`,
    body: () => ({ status: 'withdrawn' }),
    expect: OTHER_CASE_RECORD,
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/victim-cases/:id/compensation-claims/:claim_id/orders',
    url: (f) => `/api/v1/victim-cases/${f.C1}/compensation-claims/${f.CL1}/orders`,
    body: () => ({ ordered_on: '2024-03-01', damage_type: 'moral', amount: '100.00', currency: 'RON' }),
    expect: PROCEEDINGS_WRITERS,
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/victim-cases/:id/compensation-claims/:claim_id/payments',
    url: (f) => `/api/v1/victim-cases/${f.C1}/compensation-claims/${f.CL1}/payments`,
    body: () => ({ paid_on: '2024-03-01', amount: '100.00', currency: 'RON', payer: 'offender' }),
    expect: PROCEEDINGS_WRITERS,
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/victim-cases/:id/compensation-claims/:claim_id/payments',
    name: "C1's claim under C2",
    url: (f) => `/api/v1/victim-cases/${f.C2}/compensation-claims/${f.CL1}/payments`,
    body: () => ({ paid_on: '2024-03-01', amount: '100.00', currency: 'RON', payer: 'offender' }),
    expect: OTHER_CASE_RECORD,
    otherwise: 403,
  },
  {
    route: 'POST /api/v1/victim-cases/:id/advance-payments',
    url: (f) => `/api/v1/victim-cases/${f.C1}/advance-payments`,
    // One leu a call: the matrix runs once per policy rule, and all its advances together stay under the 2023 cap.
    body: () => ({ requested_on: '2023-06-01', amount: '1.00', currency: 'RON', purpose: 'travel' }),
    expect: PROCEEDINGS_WRITERS,
    otherwise: 403,
  },
  {
    route: 'GET /api/v1/exchange-rates',
    url: () => '/api/v1/exchange-rates',
    expect: some(['coord', 'analyst'], 200),
    otherwise: 403,
  },
  {
    route: 'PUT /api/v1/exchange-rates',
    url: () => '/api/v1/exchange-rates',
    body: () => ({
      rates: [{ currency: 'EUR', reporting_currency: 'USD', rate: '1.08', valid_on: '2024-01-01', source: 'BNR reference rate' }],
    }),
    expect: { coord: 200 },
    otherwise: 403,
  },
);

/**
 * Runs every probe as every actor; returns one line per mismatch. With
 * `firstOnly`, stops at the first mismatch: to learn whether the matrix
 * notices a removed rule, one is enough, and a removal run then costs the
 * requests up to it (565 of some 1,400 on average) instead of all (42 rules, each run in full, took
 * 285 s per engine).
 */
async function runMatrix(app: FastifyInstance, f: Fixture, sessions: SessionsRepository, firstOnly = false): Promise<string[]> {
  const problems: string[] = [];
  for (const probe of PROBES) {
    for (const actor of probe.only ?? [...ACTORS, ...OUTSIDERS.filter((outsider) => outsider in probe.expect)]) {
      const expected = probe.expect[actor] ?? probe.otherwise;
      const token = probe.freshSession ? (await sessions.open(f.users[actor].id)).token : f.users[actor].token;
      const [method] = probe.route.split(' ');
      const res = await app.inject({
        method: method as 'GET',
        url: probe.url(f),
        headers: { authorization: `Bearer ${token}` },
        ...(probe.body ? { payload: probe.body(f) } : {}),
      });
      const ok = expected === 'reach' ? res.statusCode !== 403 : res.statusCode === expected;
      if (!ok) {
        problems.push(`${probe.route}${probe.name ? ` [${probe.name}]` : ''} as ${actor}: expected ${expected}, got ${res.statusCode}`);
        if (firstOnly) return problems;
      }
    }
  }
  return problems;
}

describe(`authorization matrix on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let f: Fixture;
  let sessions: SessionsRepository;

  beforeAll(async () => {
    api = await testApi();
    sessions = new SessionsRepository(api.nrm.db);
    await api.nrm.db.insertInto('organisation').values({ id: newId(), code: 'NGO-X', name: 'NGO X shelter', kind: 'ngo' }).execute();
    await api.nrm.db
      .insertInto('organisation')
      .values({ id: newId(), code: 'PT-CJ', name: 'Prosecution office of the Cluj tribunal', kind: 'prosecution' })
      .execute();
    const users = {} as Fixture['users'];
    for (const actor of [...ACTORS, ...OUTSIDERS]) users[actor] = await api.user(...ACCOUNTS[actor]);
    const extra = await api.user('case_worker', 'DGASPC-CJ');
    const call = async (actor: ActorName, method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object) => {
      const res = await api.as(users[actor].token, { method, url, payload });
      if (res.statusCode >= 300) throw new Error(`fixture ${method} ${url} as ${actor}: ${res.statusCode} ${res.body}`);
      return res.json().id as string;
    };
    const person = (actor: ActorName, family_name: string) =>
      call(actor, 'POST', '/api/v1/persons', {
        sex: 'female',
        identity: { given_names: 'Ana', family_name, contacts: [{ kind: 'phone', value: '+40 700 000 000' }] },
      });
    const victimCase = (actor: ActorName, person_id: string, nrm_status = 'presumed') =>
      call(actor, 'POST', '/api/v1/victim-cases', {
        person_id,
        case_number: `FX-${unique()}`,
        nrm_status,
        ...(nrm_status === 'presumed' ? { presumed_on: '2024-03-01' } : { potential_on: '2024-03-01' }),
        forms: ['labour'],
        recruiter_relationship: 'intimate_partner',
      });
    const P1 = await person('cw', 'Popescu');
    const C1 = await victimCase('cw', P1);
    await victimCase('cw', P1); // a second DGASPC-CJ case of P1, not linked to the criminal case
    const P6 = await person('cm', 'Radu');
    await victimCase('cm', P6);
    const P2 = await person('ngo', 'Ionescu');
    const C2 = await victimCase('ngo', P2);
    const P3 = await person('fl', 'Marin');
    const C3 = await victimCase('fl', P3, 'potential');
    const C4 = await victimCase('ngo', await person('ngo', 'Dobre'));
    const C5 = await victimCase('ngo', await person('ngo', 'Stan'));
    const C6 = await victimCase('ngo', await person('ngo', 'Vasile'), 'potential');
    await call('ngo', 'POST', `/api/v1/victim-cases/${C6}/transitions`, {
      event: 'open',
      occurred_on: '2024-03-01',
      region: 'RO-CJ',
      presumed_child: true,
    });
    // P1's age is unknown, so the workflow treats them as an adult: referred only with consent (docs/nrm-workflow.md).
    await call('cw', 'POST', `/api/v1/persons/${P1}/consents`, {
      purpose: 'referral',
      given: true,
      recorded_on: '2024-03-01',
      method: 'written_form',
      victim_case_id: C1,
    });
    const R1 = await call('cw', 'POST', '/api/v1/referrals', {
      victim_case_id: C1,
      from_organisation: 'DGASPC-CJ',
      to_organisation: 'NGO-X',
      services: ['shelter'],
      // Sent before the service it led to (2024-03-02): a service never starts before its referral was sent.
      sent_at: '2024-03-01T09:00:00Z',
    });
    const AX = await call('ngo', 'POST', '/api/v1/assistance', {
      victim_case_id: C1,
      referral_id: R1,
      provider_organisation: 'NGO-X',
      service: 'shelter',
      started_on: '2024-03-02',
    });
    const A1 = await call('cw', 'POST', '/api/v1/assistance', {
      victim_case_id: C1,
      provider_organisation: 'DGASPC-CJ',
      service: 'shelter',
      started_on: '2024-03-02',
    });
    const RD = await call('cw', 'POST', '/api/v1/referrals', {
      victim_case_id: C1,
      from_organisation: 'DGASPC-CJ',
      to_organisation: 'NGO-X',
      services: ['legal'],
    });
    await call('ngo', 'PATCH', `/api/v1/referrals/${RD}`, { status: 'declined', decline_reason_code: 'service_not_offered' });
    const F1 = await call('coord', 'POST', '/api/v1/service-facilities', {
      organisation: 'DGASPC-CJ',
      code: `F1-${unique()}`,
      name: 'Shelter',
      region: 'RO-CJ',
      services: ['shelter'],
      capacity: 5,
    });
    const K1 = await call('pros', 'POST', '/api/v1/criminal-cases', {
      case_number: `K1-${unique()}`,
      opened_on: '2024-02-01',
      investigating_organisation: 'DIICOT',
      suspects: [{ sex: 'male', role: 'recruiter', app_user_id: users.complicit.id }],
    });
    // The victims' managers link them (a prosecutor links only victim cases they may already read: victim-links.ts).
    await call('cw', 'PUT', `/api/v1/victim-cases/${C1}/criminal-cases/${K1}`, { role: 'injured_party' });
    const ngoId = (await api.nrm.db.selectFrom('organisation').select('id').where('code', '=', 'NGO-X').executeTakeFirstOrThrow()).id;
    const K2 = await call('pros', 'POST', '/api/v1/criminal-cases', {
      case_number: `K2-${unique()}`,
      opened_on: '2024-02-01',
      investigating_organisation: 'DIICOT',
      institutions_under_investigation: [ngoId],
    });
    await call('coord', 'PUT', `/api/v1/victim-cases/${C5}/criminal-cases/${K2}`, { role: 'injured_party' });
    const S1 = (await api.as(users.pros.token, { method: 'GET', url: `/api/v1/criminal-cases/${K1}` })).json().suspects[0].id as string;
    await call('pros', 'POST', `/api/v1/criminal-cases/${K1}/suspects`, {
      sex: 'female',
      role: 'recruiter',
      app_user_id: users.pros_suspect.id,
    });
    const SC1 = newId();
    const SC2 = newId();
    for (const id of [SC1, SC2]) {
      const res = await api.as(users.fl.token, { method: 'PUT', url: `/api/v1/screenings/${id}`, payload: SCREENING });
      if (res.statusCode !== 201) throw new Error(`fixture screening: ${res.statusCode} ${res.body}`);
    }
    await call('fl', 'POST', `/api/v1/screenings/${SC2}/case`, {});
    const H1 = await call('pros', 'POST', `/api/v1/victim-cases/${C1}/hearings`, {
      status: 'held',
      held_on: '2024-03-05',
      body_organisation: 'DIICOT',
      counsel_present: true,
    });
    const J1 = await call('pros', 'POST', `/api/v1/criminal-cases/${K1}/cooperation`, {
      kind: 'joint_investigation_team',
      countries: ['IT'],
      opened_on: '2024-02-10',
    });
    const LC1 = await call('cw', 'POST', `/api/v1/victim-cases/${C1}/legal-counsel`, {
      counsel_bar: 'Baroul Cluj',
      assigned_on: '2024-03-01',
    });
    const PG1 = await call('cw', 'POST', `/api/v1/victim-cases/${C1}/programmes`, {
      programme: 'victim_witness_coordination',
      started_on: '2024-03-01',
    });
    const PM1 = await call('cw', 'POST', `/api/v1/victim-cases/${C1}/protection-measures`, { measure: 'escort', ordered_on: '2024-03-01' });
    const CL1 = await call('cw', 'POST', `/api/v1/victim-cases/${C1}/compensation-claims`, {
      route: 'civil_claim',
      filed_on: '2024-03-01',
    });
    f = {
      users,
      extraUserId: extra.id,
      C6,
      P1,
      P2,
      P3,
      P6,
      C1,
      C2,
      C3,
      C4,
      C5,
      R1,
      RD,
      F1,
      A1,
      AX,
      K1,
      S1,
      SC1,
      SC2,
      H1,
      J1,
      LC1,
      PG1,
      PM1,
      CL1,
    };
  });
  afterAll(async () => {
    await api?.close();
  });

  it('covers every operation of the OpenAPI document, and every signed-in route declares a policy', async () => {
    const spec = (await api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, object>>;
    };
    const documented = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const open = new Set(api.app.registeredRoutes.filter((r) => r.public).map((r) => `${r.method} ${r.url}`));
    const probed = new Set(PROBES.map((p) => p.route));
    expect(documented.filter((op) => !open.has(op) && !probed.has(op))).toEqual([]);
    expect([...probed].filter((op) => !documented.includes(op))).toEqual([]);
    const withoutPolicy = api.app.registeredRoutes.filter((r) => !r.public && !r.policy).map((r) => `${r.method} ${r.url}`);
    expect(withoutPolicy).toEqual([]);
  });

  it('answers every role on every route as the policy says (deny-by-default, 404 for what a user may not see)', async () => {
    expect(await runMatrix(api.app, f, sessions)).toEqual([]);
  }, 600_000);

  it('filters lists in the database: each organisation counts only its own cases', async () => {
    const page = async (actor: ActorName) =>
      (await api.as(f.users[actor].token, { method: 'GET', url: '/api/v1/victim-cases?limit=200' })).json() as {
        items: { id: string }[];
        total: number;
      };
    const cw = await page('cw');
    expect(cw.items.map((c) => c.id)).toContain(f.C1);
    expect(cw.items.map((c) => c.id)).not.toContain(f.C2);
    expect(cw.total).toBe(cw.items.length);
    const other = await page('cw_other');
    expect(other.items.map((c) => c.id)).not.toContain(f.C1);
    const ngo = await page('ngo');
    expect(ngo.items.map((c) => c.id)).toEqual(expect.arrayContaining([f.C1, f.C2]));
    expect(ngo.items.map((c) => c.id)).not.toContain(f.C5);
    const limited = (await api.as(f.users.cw.token, { method: 'GET', url: '/api/v1/victim-cases?limit=1' })).json();
    expect(limited.items).toHaveLength(1);
    expect(limited.total).toBe(cw.total);
  });

  it('strips what a role may not see: the referral shares only its fields, a prosecutor gets the minimum identity', async () => {
    const ngoCase = (await api.as(f.users.ngo.token, { method: 'GET', url: `/api/v1/victim-cases/${f.C1}` })).json();
    expect(Object.keys(ngoCase).sort()).toEqual(['age_band', 'case_number', 'forms', 'id', 'is_child', 'nrm_status', 'person_id'].sort());
    const teamCase = (await api.as(f.users.cw.token, { method: 'GET', url: `/api/v1/victim-cases/${f.C1}` })).json();
    expect(teamCase.recruiter_relationship).toBe('intimate_partner');
    const ngoPerson = (await api.as(f.users.ngo.token, { method: 'GET', url: `/api/v1/persons/${f.P1}` })).json();
    expect(ngoPerson.identity).toEqual({
      given_names: 'Ana',
      family_name: 'Popescu',
      contacts: [{ kind: 'phone', value: '+40 700 000 000' }],
    });
    const prosPerson = (await api.as(f.users.pros.token, { method: 'GET', url: `/api/v1/persons/${f.P1}` })).json();
    expect(prosPerson.identity).toEqual({ given_names: 'Ana', family_name: 'Popescu' });
  });

  it('shows a break-glass access with its reason in the access history and alerts the case manager', async () => {
    const manager = await api.user('case_manager', 'NGO-X');
    const reason = 'Victim found at the border crossing, the shelter is closed';
    const person = await api.as(manager.token, { method: 'POST', url: '/api/v1/persons', payload: { sex: 'male' } });
    const opened = await api.as(manager.token, {
      method: 'POST',
      url: '/api/v1/victim-cases',
      payload: { person_id: person.json().id, case_number: `BG-${unique()}`, nrm_status: 'potential', potential_on: '2024-06-01' },
    });
    const caseId = opened.json().id as string;
    expect((await api.as(f.users.cw_other.token, { method: 'GET', url: `/api/v1/victim-cases/${caseId}` })).statusCode).toBe(404);
    const res = await api.as(f.users.cw_other.token, {
      method: 'POST',
      url: `/api/v1/victim-cases/${caseId}/break-glass`,
      payload: { reason },
    });
    expect(res.statusCode).toBe(201);
    expect((await api.as(f.users.cw_other.token, { method: 'GET', url: `/api/v1/victim-cases/${caseId}` })).statusCode).toBe(200);
    const personId = (await api.as(f.users.coord.token, { method: 'GET', url: `/api/v1/victim-cases/${caseId}` })).json().person_id;
    const history = (await api.as(f.users.auditor.token, { method: 'GET', url: `/api/v1/persons/${personId}/access-history` })).json();
    expect(history.items).toContainEqual(expect.objectContaining({ action: 'break_glass', reason, actor_user_id: f.users.cw_other.id }));
    const alerts = (await api.as(manager.token, { method: 'GET', url: '/api/v1/alerts' })).json();
    expect(alerts.items).toContainEqual(expect.objectContaining({ kind: 'break_glass', victim_case_id: caseId, reason }));
    const tooShort = await api.as(f.users.cw_other.token, {
      method: 'POST',
      url: `/api/v1/victim-cases/${caseId}/break-glass`,
      payload: { reason: 'urgent' },
    });
    expect(tooShort.statusCode).toBe(400);
  });

  it("lists only the cases at risk the user may read: not another prosecution office's, not to a suspect", async () => {
    // Trafficking committed before 2021 is subject to limitation (Criminal Code art. 154): K1 gets a running deadline.
    const offence = await api.as(f.users.pros.token, {
      method: 'POST',
      url: `/api/v1/criminal-cases/${f.K1}/offences`,
      payload: { article: '210', committed_on: '2015-06-01' },
    });
    expect(offence.statusCode).toBe(201);
    const deadlines = (await api.as(f.users.pros.token, { method: 'GET', url: `/api/v1/criminal-cases/${f.K1}/deadlines` })).json()
      .deadlines as { subject: { offence_id?: string }; due_on: string }[];
    const dueOn = deadlines.find((d) => d.subject.offence_id === offence.json().id)!.due_on;
    const monthBefore = new Date(Date.parse(dueOn) - 30 * 86_400_000).toISOString().slice(0, 10);
    const atRisk = async (actor: ActorName) => {
      const res = await api.as(f.users[actor].token, {
        method: 'GET',
        url: `/api/v1/criminal-cases/at-risk?as_of=${monthBefore}&within_days=3650`,
      });
      expect(res.statusCode).toBe(200);
      return (res.json().items as { criminal_case_id: string }[]).map((item) => item.criminal_case_id);
    };
    expect(await atRisk('pros')).toContain(f.K1);
    expect(await atRisk('coord')).toContain(f.K1);
    expect(await atRisk('pros_other')).not.toContain(f.K1);
    expect(await atRisk('pros_suspect')).not.toContain(f.K1);
  });

  it('blocks a suspect from the case with a stable code, break-glass included', async () => {
    const read = await api.as(f.users.complicit.token, { method: 'GET', url: `/api/v1/victim-cases/${f.C1}` });
    expect(read.statusCode).toBe(403);
    expect(read.json().code).toBe('OPENNRM_CONFLICT_OF_INTEREST');
    const glass = await api.as(f.users.complicit.token, {
      method: 'POST',
      url: `/api/v1/victim-cases/${f.C1}/break-glass`,
      payload: { reason: 'I need to check on this case urgently' },
    });
    expect(glass.statusCode).toBe(403);
    expect(glass.json().code).toBe('OPENNRM_CONFLICT_OF_INTEREST');
    const list = (await api.as(f.users.complicit.token, { method: 'GET', url: '/api/v1/victim-cases?limit=200' })).json();
    expect(list.items.map((c: { id: string }) => c.id)).not.toContain(f.C1);
  });

  it('notices the removal of any single policy rule', async () => {
    const undetected: string[] = [];
    for (const rule of POLICY_RULES) {
      const app = await buildApp({
        nrm: api.nrm,
        profile: shippedProfile('romania'),
        keyring: TEST_KEYRING,
        signIn: TEST_SIGN_IN,
        logger: false,
        policy: { without: [rule.id] },
      });
      try {
        if ((await runMatrix(app, f, sessions, true)).length === 0) undetected.push(rule.id);
      } finally {
        await app.close();
      }
    }
    expect(undetected).toEqual([]);
    // The records the runs created did not change the answers: the full policy still passes.
    expect(await runMatrix(api.app, f, sessions)).toEqual([]);
  }, 1_800_000);
});
