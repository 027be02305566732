import { sql, type Kysely, type Transaction } from 'kysely';
import { decideErasure, RETENTION_RECORD_TYPES, type JurisdictionProfile, problem } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../accounts/sessions.repository.ts';
import type { AccessControl } from '../access/access-control.ts';
import { personFacts } from '../access/facts.ts';
import { accessHistoryForPerson, appendAuditEvent, auditActor } from '../audit/index.ts';
import { readIdentity, type Keyring } from '../security/crypto/index.ts';
import { ApiError, invalidField, notFound } from '../http/errors.ts';
import { newId } from '../shared/ids.ts';
import { assertNotAfterToday } from '../shared/not-after-today.ts';
import { anonymiseRecords, type PersonRecordType } from './anonymise.ts';
import { withGdprTables } from './gdpr-tables.ts';
import { CRIMINAL_CASE_OPEN } from './retention.repository.ts';
import type { ConsentView, ErasureRequest, ErasureResult, RecordConsent } from './gdpr.schemas.ts';

/**
 * Roles that may export everything held about a person or erase them: the
 * coordinator and case managers, who answer data-subject requests for the
 * controller. Checked here on top of the policy layer, which decides which
 * persons the user may reach at all (GdprRepository, #requirePerson).
 */
export const SUBJECT_RIGHTS_ROLES = ['coordinator', 'case_manager'] as const;
/** Roles that record and withdraw consent: whoever meets the person. */
export const CONSENT_ROLES = ['front_line_responder', 'case_worker', 'case_manager', 'coordinator'] as const;

/** The rule code an art. 17 erasure marks records with. */
export const ERASURE_RULE = 'erasure_art17';

/** Where the request came from, for the audit trail. */
export interface RequestOrigin {
  source_ip?: string | null;
  user_agent?: string | null;
  request_id?: string | null;
}

export interface GdprContext {
  db: Kysely<Database>;
  profile: JurisdictionProfile;
  actor: Actor;
  /** Opens identities for the subject-access export; without it the export says the identity is sealed. */
  keyring?: Keyring | undefined;
  origin?: RequestOrigin;
  /**
   * The request's access policy: a person is reachable only when the user may
   * read it, on the same facts as GET /persons/:id (docs/access-policy.md).
   */
  access: AccessControl;
}

function requireRole(actor: Actor, roles: readonly string[]): void {
  // 404, not 403: the answer must not tell a curious user that the person exists.
  if (!roles.includes(actor.role)) throw notFound();
}

const toConsent = (row: Record<string, unknown>): ConsentView => row as unknown as ConsentView;

/**
 * Consent records, the data-subject access export and erasure (GDPR art. 7,
 * 15, 17) for one person. Every method checks the role, works in one
 * transaction and writes its audit event in it.
 */
export class GdprRepository {
  readonly #ctx: GdprContext;
  constructor(ctx: GdprContext) {
    this.#ctx = ctx;
  }

  #event(
    action: 'read' | 'create' | 'update' | 'export' | 'erase',
    personId: string,
    recordType: string,
    recordId: string,
    fields: string[],
    reason?: string,
  ) {
    return {
      ...auditActor(this.#ctx.actor),
      source_ip: this.#ctx.origin?.source_ip ?? null,
      user_agent: this.#ctx.origin?.user_agent ?? null,
      request_id: this.#ctx.origin?.request_id ?? null,
      action,
      record_type: recordType,
      record_id: recordId,
      person_id: personId,
      fields,
      reason: reason ?? null,
    };
  }

  /**
   * The person exists and the user may read it (policy layer, the facts of
   * GET /persons/:id: a case of theirs, a referral to their organisation, a
   * person they recorded...). 404 otherwise, as for a person that does not
   * exist, so another organisation's person is not disclosed (no IDOR).
   */
  async #requirePerson(trx: Transaction<Database>, personId: string): Promise<void> {
    const access = this.#ctx.access;
    const row = await trx
      .selectFrom('person')
      .select('id')
      .where('id', '=', personId)
      .where((eb) => access.filter(eb, 'read', 'Person', personFacts(access)))
      .executeTakeFirst();
    if (!row) throw notFound();
  }

  /**
   * Records that the person gave or refused consent to a purpose.
   * @returns the consent record.
   * @throws ApiError 404 (no such person, one the user may not read, or a role that records no consent), 400 naming victim_case_id when the case is not the person's, or recorded_on after today (profile time zone).
   */
  async record(personId: string, input: RecordConsent): Promise<ConsentView> {
    requireRole(this.#ctx.actor, CONSENT_ROLES);
    assertNotAfterToday(input.recorded_on, 'body.recorded_on', this.#ctx.profile);
    return this.#ctx.db.transaction().execute(async (trx) => {
      await this.#requirePerson(trx, personId);
      if (input.victim_case_id) {
        const kase = await trx.selectFrom('victim_case').select('person_id').where('id', '=', input.victim_case_id).executeTakeFirst();
        if (kase?.person_id !== personId) throw invalidField('body.victim_case_id', problem('not_a_case_of_person'));
      }
      const row = await withGdprTables(trx)
        .insertInto('consent')
        .values({
          id: newId(),
          person_id: personId,
          victim_case_id: input.victim_case_id ?? null,
          purpose: input.purpose,
          given: input.given,
          recorded_on: input.recorded_on,
          recorded_by: this.#ctx.actor.user_id,
          method: input.method,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAuditEvent(trx, this.#event('create', personId, 'consent', row.id, ['purpose', 'given', 'recorded_on', 'method']));
      return toConsent(row);
    });
  }

  /**
   * Records the withdrawal of a consent (art. 7(3)); the record is kept.
   * @throws ApiError 404 (no such consent of the person, or a person the user may not read), 409 OPENNRM_INVALID_TRANSITION when it was a refusal or is already withdrawn, 400 when withdrawn_on is before recorded_on.
   */
  async withdraw(personId: string, consentId: string, withdrawnOn: string): Promise<ConsentView> {
    requireRole(this.#ctx.actor, CONSENT_ROLES);
    assertNotAfterToday(withdrawnOn, 'body.withdrawn_on', this.#ctx.profile);
    return this.#ctx.db.transaction().execute(async (trx) => {
      await this.#requirePerson(trx, personId);
      const db = withGdprTables(trx);
      const current = await db
        .selectFrom('consent')
        .selectAll()
        .where('id', '=', consentId)
        .where('person_id', '=', personId)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw notFound();
      if (!current.given) throw new ApiError('OPENNRM_INVALID_TRANSITION', problem('consent_refusal_not_withdrawable'));
      if (current.withdrawn_on !== null)
        throw new ApiError('OPENNRM_INVALID_TRANSITION', problem('consent_already_withdrawn', { date: current.withdrawn_on }));
      if (withdrawnOn < current.recorded_on)
        throw invalidField('body.withdrawn_on', problem('withdrawal_before_consent', { date: current.recorded_on }));
      const row = await db
        .updateTable('consent')
        .set({ withdrawn_on: withdrawnOn, withdrawn_by: this.#ctx.actor.user_id })
        .where('id', '=', consentId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAuditEvent(trx, this.#event('update', personId, 'consent', consentId, ['withdrawn_by', 'withdrawn_on']));
      return toConsent(row);
    });
  }

  /** Every consent record of the person, oldest first, withdrawals included. @throws ApiError 404 (no such person, or one the user may not read). */
  async list(personId: string): Promise<ConsentView[]> {
    requireRole(this.#ctx.actor, CONSENT_ROLES);
    return this.#ctx.db.transaction().execute(async (trx) => {
      await this.#requirePerson(trx, personId);
      const rows = await withGdprTables(trx)
        .selectFrom('consent')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('recorded_on')
        .orderBy('id')
        .execute();
      await appendAuditEvent(
        trx,
        this.#event('read', personId, 'consent', personId, ['purpose', 'given', 'recorded_on', 'method', 'withdrawn_on']),
      );
      return rows.map(toConsent);
    });
  }

  async #openCriminalCases(trx: Kysely<Database>, personId: string): Promise<string[]> {
    const { rows } = await sql<{ case_number: string }>`
      SELECT DISTINCT c.case_number FROM criminal_case_victim ccv
        JOIN victim_case v ON v.id = ccv.victim_case_id
        JOIN criminal_case c ON c.id = ccv.criminal_case_id
      WHERE v.person_id = ${personId} AND ${CRIMINAL_CASE_OPEN('c')}
      ORDER BY c.case_number`.execute(trx);
    return rows.map((r) => r.case_number);
  }

  /**
   * Everything held about one person (GDPR art. 15): the person, identity
   * (decrypted), victim cases, referrals, assistance, NRM workflow steps,
   * child-protection notifications, residence statuses, consents, criminal
   * cases they are linked to (case number, role, dates: not the suspects,
   * who are other data subjects), erasure requests, and who has accessed
   * their record (art. 15(1)(c)), with the retention rules that apply
   * (art. 15(1)(d)). Written to the audit trail as an export.
   * @throws ApiError 404 for no such person, one the user may not read, or a role other than coordinator or case manager.
   */
  async subjectAccessExport(personId: string): Promise<Record<string, unknown>> {
    requireRole(this.#ctx.actor, SUBJECT_RIGHTS_ROLES);
    return this.#ctx.db.transaction().execute(async (trx) => {
      await this.#requirePerson(trx, personId);
      const db = withGdprTables(trx);
      const person = await db.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirst();
      if (!person) throw notFound();
      const identity = this.#ctx.keyring ? ((await readIdentity(trx, this.#ctx.keyring, personId)) ?? null) : undefined;
      const sealed = await db
        .selectFrom('person_identity_secret' as never)
        .select(sql<number>`count(*)`.as('n'))
        .where('person_id' as never, '=', personId as never)
        .executeTakeFirst();
      const cases = await db.selectFrom('victim_case').selectAll().where('person_id', '=', personId).orderBy('created_at').execute();
      const caseIds = cases.map((c) => c.id);
      const none = caseIds.length === 0;
      const referrals = none
        ? []
        : await db.selectFrom('referral').selectAll().where('victim_case_id', 'in', caseIds).orderBy('sent_at').execute();
      const assistance = none
        ? []
        : await db.selectFrom('assistance').selectAll().where('victim_case_id', 'in', caseIds).orderBy('started_on').execute();
      const workflowSteps = none
        ? []
        : await db.selectFrom('nrm_transition').selectAll().where('victim_case_id', 'in', caseIds).orderBy('recorded_at').execute();
      const childProtection = none
        ? []
        : await db.selectFrom('child_protection_notification').selectAll().where('victim_case_id', 'in', caseIds).execute();
      const residenceStatuses = none
        ? []
        : await db.selectFrom('residence_status').selectAll().where('victim_case_id', 'in', caseIds).orderBy('starts_on').execute();
      const criminalCases = none
        ? []
        : await db
            .selectFrom('criminal_case_victim as ccv')
            .innerJoin('criminal_case as c', 'c.id', 'ccv.criminal_case_id')
            .select(['c.id', 'c.case_number', 'c.opened_on', 'c.offence_articles', 'ccv.victim_case_id', 'ccv.role'])
            .where('ccv.victim_case_id', 'in', caseIds)
            .execute();
      const consents = await db.selectFrom('consent').selectAll().where('person_id', '=', personId).orderBy('recorded_on').execute();
      const erasureRequests = await db
        .selectFrom('erasure_request')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('requested_at')
        .execute();
      const accessHistory = await accessHistoryForPerson(trx, personId, { limit: 5000 });
      const identityStatus = person.anonymised_on
        ? 'erased'
        : Number(sealed?.n ?? 0) === 0
          ? 'none'
          : identity === undefined
            ? 'sealed_key_unavailable'
            : 'included';
      await appendAuditEvent(
        trx,
        this.#event(
          'export',
          personId,
          'subject_access_export',
          personId,
          [
            'person',
            'identity',
            'victim_cases',
            'referrals',
            'assistance',
            'nrm_transitions',
            'child_protection_notifications',
            'residence_statuses',
            'consents',
            'criminal_cases',
            'erasure_requests',
            'access_history',
          ],
          'GDPR art. 15 data-subject access request',
        ),
      );
      return {
        format: 'opennrm-subject-access-export/1',
        generated_at: new Date().toISOString(),
        legal_basis: 'GDPR art. 15 (right of access by the data subject)',
        person,
        identity_status: identityStatus,
        identity: identity ?? null,
        victim_cases: cases,
        referrals,
        assistance,
        nrm_transitions: workflowSteps,
        child_protection_notifications: childProtection,
        residence_statuses: residenceStatuses,
        consents,
        criminal_cases: criminalCases,
        erasure_requests: erasureRequests,
        access_history: accessHistory,
        retention: this.#ctx.profile.retention.rules.map(({ code, record_type, months, runs_from, action, source }) => ({
          code,
          record_type,
          months,
          runs_from,
          action,
          source,
        })),
      };
    });
  }

  /**
   * Erasure on request (GDPR art. 17). Refused, with the exemption named,
   * while the person is linked to an open criminal case (art. 17(3)(e)) or
   * receives assistance without an end date (art. 17(3)(b)); the refusal is
   * recorded and audited. Otherwise the identity is erased and every other
   * record is anonymised as the retention purge does (what the statistics
   * count is kept anonymised: art. 17(3)(d), 89(1)), consents are deleted,
   * and every record changed gets an "erase" audit event.
   * @returns the request id, outcome and number of records changed.
   * @throws ApiError 404 (no such person, one the user may not read, or a role other than coordinator or case manager);
   *   409 OPENNRM_CONFLICT "erasure refused: GDPR art. 17(3)(e) ..." naming the exemption and the open criminal cases.
   */
  async erase(personId: string, request: ErasureRequest): Promise<ErasureResult> {
    requireRole(this.#ctx.actor, SUBJECT_RIGHTS_ROLES);
    const outcome = await this.#ctx.db.transaction().execute(async (trx) => {
      await this.#requirePerson(trx, personId);
      const db = withGdprTables(trx);
      const person = await db
        .selectFrom('person')
        .select(['id', 'anonymised_on'])
        .where('id', '=', personId)
        .forUpdate()
        .executeTakeFirst();
      if (!person) throw notFound();
      const ongoing = await db
        .selectFrom('assistance as a')
        .innerJoin('victim_case as v', 'v.id', 'a.victim_case_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('v.person_id', '=', personId)
        .where('a.ended_on', 'is', null)
        .executeTakeFirstOrThrow();
      const decision = decideErasure({
        open_criminal_cases: await this.#openCriminalCases(trx, personId),
        ongoing_assistance: Number(ongoing.n),
        anonymised: person.anonymised_on !== null,
      });
      const requestId = newId();
      await db
        .insertInto('erasure_request')
        .values({
          id: requestId,
          person_id: personId,
          requested_by: this.#ctx.actor.user_id,
          ground: request.legal_basis,
          reason: request.reason,
          outcome: decision.allowed ? 'erased' : 'refused',
          exemption: decision.allowed ? null : decision.exemption,
          article: decision.allowed ? null : decision.article,
        })
        .execute();
      const verdict = decision.allowed ? 'granted' : `refused under ${decision.article}`;
      await appendAuditEvent(
        trx,
        this.#event(
          'create',
          personId,
          'erasure_request',
          requestId,
          ['ground', 'outcome', 'reason'],
          `erasure request (${request.legal_basis}) ${verdict}: ${request.reason}`,
        ),
      );
      if (!decision.allowed) return { decision, requestId, changed: 0 };
      const today = new Date().toISOString().slice(0, 10);
      let changed = 0;
      const reason = `GDPR art. 17(1) erasure, ground ${request.legal_basis}, request ${requestId}`;
      const actor = { ...auditActor(this.#ctx.actor), ...this.#ctx.origin, actor_username: this.#ctx.actor.username };
      for (const type of RETENTION_RECORD_TYPES.filter((t): t is PersonRecordType => t !== 'audit_event' && t !== 'screening'))
        changed += await anonymiseRecords(
          trx,
          this.#ctx.profile,
          type,
          [personId],
          { rule: ERASURE_RULE, on: today, reason, action: 'erase' },
          actor,
        );
      return { decision, requestId, changed };
    });
    const { decision } = outcome;
    if (!decision.allowed)
      throw new ApiError('OPENNRM_CONFLICT', {
        ...decision.problem,
        params: { ...decision.problem.params, request_id: outcome.requestId },
      });
    return {
      request_id: outcome.requestId,
      person_id: personId,
      outcome: 'erased',
      already_anonymised: decision.already_anonymised,
      records_changed: outcome.changed,
    };
  }
}
