import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, found } from '../http/errors.ts';
import { idParams } from '../http/common.schemas.ts';
import { recordContext, type CapabilityOptions } from '../http/capability.ts';
import { localDay } from '../service-directory/local-day.ts';
import { ProceedingsRepository } from './proceedings.repository.ts';
import { listCasesAtRisk } from './cases-at-risk.ts';
import { asOfQuery, atRiskQuery, caseDeadlinesSchema, casesAtRiskSchema } from './case-deadlines.schemas.ts';
import {
  addCooperationBody,
  addOffenceBody,
  cooperationParams,
  cooperationSchema,
  offenceSchema,
  proceduralEventSchema,
  recordEventBody,
  stageChangeBody,
  updateCooperationBody,
  victimLinkParams,
  victimLinkSchema,
  victimRoleBody,
} from './proceedings.schemas.ts';

const TAGS = ['criminal proceedings'];
const READ = { policy: { action: 'read', subject: 'CriminalCase' } } as const;
const UPDATE = { policy: { action: 'update', subject: 'CriminalCase' } } as const;
const ACCESS =
  "The investigating organisation's prosecutors record; the coordinator reads (docs/access-policy.md). A case the user may not see is 404.";

const stageSchema = z
  .object({ id: z.uuid(), stage: stageChangeBody.shape.stage, closed_on: z.iso.date().nullable(), closure_reason: z.string().nullable() })
  .meta({ id: 'CriminalCaseStage' });

/**
 * /api/v1/criminal-cases/...: the proceedings of a case (issue 6 point 1) and
 * its deadlines (point 2), plus the at-risk list of the dashboard (point 3).
 * docs/proceedings.md describes the rules.
 */
export const proceedingsRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, options) => {
  const proceedings = (request: Parameters<typeof recordContext>[1]) => new ProceedingsRepository(recordContext(options, request));
  const today = () => localDay(new Date(), options.profile.annual_report.time_zone);

  app.get(
    '/at-risk',
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: 'Cases at risk of a missed deadline',
        description:
          'Criminal cases the user may read with a running deadline (limitation of criminal liability, pre-trial detention, a ' +
          'profile term) due within within_days days (default 90) of as_of (default today, profile calendar), soonest first, ' +
          'each with its soonest deadline. A case whose deadlines could not be computed (facts the engine refuses) comes first with a ' +
          '"not_computed" deadline whose explanation says "deadline could not be computed: <reason>" and whose not_computable names the ' +
          'record, field and catalogued rule (rule, params) for translation; it is never dropped. ' +
          "Prosecutors see their organisation's cases, the coordinator all. Errors: 400 naming the query field, 401, 403.",
        querystring: atRiskQuery,
        response: { 200: casesAtRiskSchema, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => {
      const ctx = recordContext(options, request);
      const asOf = request.query.as_of ?? today();
      const items = await listCasesAtRisk(ctx.db, ctx.profile, ctx.access, { as_of: asOf, within_days: request.query.within_days });
      return { as_of: asOf, within_days: request.query.within_days, items };
    },
  );

  app.get(
    '/:id/deadlines',
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: "A case's legal deadlines",
        description:
          "Every deadline of the case at as_of (default today, profile calendar), soonest first: each offence's limitation " +
          '(Romanian Criminal Code art. 154-155; none for trafficking committed from 2021), each pre-trial detention warrant ' +
          "and the investigation total (CPP art. 236), the profile's further terms; each with its explanation and rule source. " +
          'Stored facts the engine refuses give one "not_computed" entry saying why (not_computable: record, field, rule, params). Errors: 400 (params.id, query.as_of), 401, 403 (conflict of interest), 404.',
        params: idParams,
        querystring: asOfQuery,
        response: { 200: caseDeadlinesSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => {
      const asOf = request.query.as_of ?? today();
      const deadlines = found(await proceedings(request).deadlines(request.params.id, asOf));
      return { criminal_case_id: request.params.id, as_of: asOf, deadlines };
    },
  );

  app.get(
    '/:id/events',
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: 'List procedural events',
        description: `The case's procedural events, oldest first. ${ACCESS} Errors: 400 (params.id), 401, 403, 404.`,
        params: idParams,
        response: { 200: z.array(proceduralEventSchema), ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => found(await proceedings(request).listEvents(request.params.id)),
  );

  app.post(
    '/:id/events',
    {
      config: UPDATE,
      schema: {
        tags: TAGS,
        summary: 'Record a procedural event',
        description:
          'Records an event of the case (investigation_in_rem_started, appeal_filed) or of one suspect (detention, pre-trial ' +
          'detention warrant with its last day, judicial control, indictment, verdicts, sentence in months, confiscation and ' +
          "seized assets with amount and currency). Indictment, first-instance verdicts and sentences also write the suspect's " +
          'prosecuted_on, verdict, verdict_on and sentence columns. Errors: 400 naming the field (suspect_id missing or of another ' +
          "case, ends_on on an event without an end or beyond the profile's maximum term, occurred_on after today or before the case opened), 401, 403, 404, " +
          '409 OPENNRM_INVALID_TRANSITION (closed case; a verdict before indictment, a final verdict before the first-instance one, ' +
          `a sentence before conviction). ${ACCESS}`,
        params: idParams,
        body: recordEventBody,
        response: { 201: proceduralEventSchema, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request, reply) => reply.code(201).send(found(await proceedings(request).recordEvent(request.params.id, request.body))),
  );

  app.post(
    '/:id/stage',
    {
      config: UPDATE,
      schema: {
        tags: TAGS,
        summary: 'Move a case to another stage, or close it',
        description:
          'Moves the case along investigation in rem, in personam (CPP art. 305), indictment (art. 327), first instance, appeal ' +
          '(art. 408), final judgment (art. 551); closes it at any stage before final judgment with a closure_reason (art. 16: ' +
          'no_offence, insufficient_evidence, statute_of_limitations, death, other), recording a case_closed event; reopens a ' +
          'closed investigation (art. 335). Errors: 400 (closure_reason missing on a closure or given on another move, on after ' +
          `today or before the case opened), 401, 403, 404, 409 OPENNRM_INVALID_TRANSITION naming body.stage (e.g. final_judgment before indictment). ${ACCESS}`,
        params: idParams,
        body: stageChangeBody,
        response: { 200: stageSchema, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request) => found(await proceedings(request).changeStage(request.params.id, request.body)),
  );

  app.get(
    '/:id/offences',
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: 'List dated offences',
        description: `The case's offences with the dates they were committed, oldest first. ${ACCESS} Errors: 400, 401, 403, 404.`,
        params: idParams,
        response: { 200: z.array(offenceSchema), ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => found(await proceedings(request).listOffences(request.params.id)),
  );

  app.post(
    '/:id/offences',
    {
      config: UPDATE,
      schema: {
        tags: TAGS,
        summary: 'Add a dated offence',
        description:
          'Adds an offence (an article of the jurisdiction profile) with the day it was committed and, for a continuing offence, ' +
          'its last day; the limitation period runs from them. The article joins offence_articles. Errors: 400 naming the field ' +
          `(article not in the profile, committed_until before committed_on, suspect_id of another case), 401, 403, 404. ${ACCESS}`,
        params: idParams,
        body: addOffenceBody,
        response: { 201: offenceSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request, reply) => reply.code(201).send(found(await proceedings(request).addOffence(request.params.id, request.body))),
  );

  app.get(
    '/:id/cooperation',
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: 'List international cooperation',
        description: `Joint investigation teams and international requests of the case, oldest first. ${ACCESS} Errors: 400, 401, 403, 404.`,
        params: idParams,
        response: { 200: z.array(cooperationSchema), ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => found(await proceedings(request).listCooperation(request.params.id)),
  );

  app.post(
    '/:id/cooperation',
    {
      config: UPDATE,
      schema: {
        tags: TAGS,
        summary: 'Record a joint investigation team or an international request',
        description:
          'kind: joint_investigation_team (Council Framework Decision 2002/465/JHA), mutual_legal_assistance_request, ' +
          'european_investigation_order (Directive 2014/41/EU), european_arrest_warrant (Framework Decision 2002/584/JHA); ' +
          'countries as ISO 3166-1 alpha-2. A team counts in the annual report in the year it concluded. ' +
          `Errors: 400 naming the field (concluded_on before opened_on, a date after today), 401, 403, 404. ${ACCESS}`,
        params: idParams,
        body: addCooperationBody,
        response: { 201: cooperationSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request, reply) => reply.code(201).send(found(await proceedings(request).addCooperation(request.params.id, request.body))),
  );

  app.patch(
    '/:id/cooperation/:cooperation_id',
    {
      config: UPDATE,
      schema: {
        tags: TAGS,
        summary: 'Update international cooperation',
        description: `Changes the countries or the conclusion date. Errors: 400 naming the field, 401, 403, 404. ${ACCESS}`,
        params: cooperationParams,
        body: updateCooperationBody,
        response: { 200: cooperationSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => found(await proceedings(request).updateCooperation(request.params.id, request.params.cooperation_id, request.body)),
  );

  app.put(
    '/:id/victims/:victim_case_id',
    {
      config: UPDATE,
      schema: {
        tags: TAGS,
        summary: 'Link a victim with their role',
        description:
          'Links a victim case to the criminal case as injured_party, witness or civil_party, or changes the role of a linked ' +
          'one. Never a condition of assistance (Directive 2011/36/EU art. 11(3)): a victim case needs no link. A link lets the ' +
          'investigating office read the victim case, so a new one needs a victim case the user may already read; another is 404 like a victim ' +
          'case that does not exist: its case manager or the coordinator links it (PUT ' +
          '/api/v1/victim-cases/{id}/criminal-cases/{criminal_case_id}). Errors: 400, 401, 403, 404 (criminal case, or victim case ' +
          `missing or unreadable). ${ACCESS}`,
        params: victimLinkParams,
        body: victimRoleBody,
        response: { 200: victimLinkSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => found(await proceedings(request).setVictimRole(request.params.id, request.params.victim_case_id, request.body.role)),
  );
};
