import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../http/errors.ts';
import { idParams } from '../http/common.schemas.ts';
import { recordContext, type CapabilityOptions } from '../http/capability.ts';
import { HearingsRepository } from './hearings.repository.ts';
import { VictimProtectionRepository, type ProtectionTable } from './protection.repository.ts';
import {
  counselBody,
  counselSchema,
  endBody,
  hearingBody,
  hearingList,
  hearingPatch,
  hearingRecorded,
  measureBody,
  measureSchema,
  programmeBody,
  programmeSchema,
  recordParams,
  type CounselView,
  type MeasureView,
  type ProgrammeView,
} from './proceedings.schemas.ts';

const TAGS = ['victims-in-proceedings'];
const WHO =
  'Recorded by whoever may edit the case and by prosecutors of its linked criminal cases; read by whoever may read the case whole ' +
  '(not a provider that sees it only through a referral). Every read and write is audited.';
const create = { config: { policy: { action: 'create', subject: 'VictimInProceedings' } } } as const;
const read = { config: { policy: { action: 'read', subject: 'VictimInProceedings' } } } as const;
const update = { config: { policy: { action: 'update', subject: 'VictimInProceedings' } } } as const;

/**
 * /api/v1/victim-cases/:id/hearings, /legal-counsel, /programmes, /protection-measures:
 * a victim in criminal proceedings (issue 6 point 4; docs/proceedings.md).
 */
export const victimsInProceedingsRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, options) => {
  type Request = Parameters<typeof recordContext>[1];
  const hearings = (request: Request) => new HearingsRepository(recordContext(options, request));
  const protection = (request: Request) => new VictimProtectionRepository(recordContext(options, request));

  app.post(
    '/:id/hearings',
    {
      ...create,
      schema: {
        tags: TAGS,
        summary: 'Record or plan a hearing of the victim',
        description:
          'A hearing or interview of the victim: planned (planned_on), held (held_on, not after today, and counsel_present) or cancelled; ' +
          'the body hearing them (a police, prosecution or court organisation: body_kind follows its kind), settings from profile ' +
          'victims_in_proceedings.hearing_settings (Romania: separate_room, video_link, closed_court, psychologist_present, ...), the ' +
          'interpreted language. When the victim was already heard, `warning` gives { hearings_so_far, last_held_on } and the case ' +
          "managers of the case's organisation get an in-app alert (kind victim_heard_again): fewer interviews are better (Directive " +
          '2011/36/EU art. 12(4)(c)). A hearing held without counsel where profile mandatory_counsel applies carries `counsel_breach` ' +
          '(Romania 2023: the stage is void) and, for translation, `counsel_breach_rule` (applies_to, consequence, source, verify). ' +
          WHO +
          ' Errors: 400 naming body.<field>, 401, 403 (role; OPENNRM_CONFLICT_OF_INTEREST), 404 (no such case or not yours).',
        params: idParams,
        body: hearingBody,
        response: { 201: hearingRecorded, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request, reply) => reply.code(201).send(await hearings(request).record(request.params.id, request.body)),
  );

  app.patch(
    '/:id/hearings/:record_id',
    {
      ...update,
      schema: {
        tags: TAGS,
        summary: 'Mark a hearing held or cancelled, or correct it',
        description:
          'Changes the fields given. Marking a planned hearing held needs held_on and counsel_present; the re-hearing warning and alert ' +
          'follow as on POST. ' +
          WHO +
          ' Errors: 400 naming body.<field>, 401, 403, 404.',
        params: recordParams,
        body: hearingPatch,
        response: { 200: hearingRecorded, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => hearings(request).update(request.params.id, request.params.record_id, request.body),
  );

  app.get(
    '/:id/hearings',
    {
      ...read,
      schema: {
        tags: TAGS,
        summary: "The victim's hearings, with how often they were heard",
        description:
          'Every hearing of the case, oldest first, with hearings_held (count), last_held_on and planned (count). ' +
          WHO +
          ' Errors: 400, 401, 403, 404.',
        params: idParams,
        response: { 200: hearingList, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => hearings(request).list(request.params.id),
  );

  const docs = (what: string, rules: string) => ({
    create: { tags: TAGS, summary: `Record ${what}`, description: `${rules} ${WHO} Errors: 400 naming body.<field>, 401, 403, 404.` },
    list: { tags: TAGS, summary: `List ${what}s`, description: `Oldest first. ${WHO} Errors: 400, 401, 403, 404.` },
    end: {
      tags: TAGS,
      summary: `End ${what}`,
      description: `Sets ended_on (the last day, inclusive; not before the start). ${WHO} Errors: 400 naming body.ended_on, 401, 403, 404.`,
    },
  });
  const errors = errorResponses(400, 401, 403, 404, 500);
  const list = async (request: Request, table: ProtectionTable) => ({
    items: await protection(request).list(table, (request.params as { id: string }).id),
  });
  const end = (request: Request, table: ProtectionTable) => {
    const params = request.params as { id: string; record_id: string };
    return protection(request).end(table, params.id, params.record_id, (request.body as { ended_on: string }).ended_on);
  };

  const counsel = docs(
    "the victim's legal counsel",
    "A lawyer assigned to the victim: an organisation of the directory (legal-aid NGO, law firm) or a bar, the lawyer's name, from " +
      'assigned_on; `mandatory` when appointed because the law makes counsel mandatory (profile mandatory_counsel).',
  );
  app.post(
    '/:id/legal-counsel',
    { ...create, schema: { ...counsel.create, params: idParams, body: counselBody, response: { 201: counselSchema, ...errors } } },
    async (request, reply) => reply.code(201).send(await protection(request).recordCounsel(request.params.id, request.body)),
  );
  app.get(
    '/:id/legal-counsel',
    { ...read, schema: { ...counsel.list, params: idParams, response: { 200: z.object({ items: z.array(counselSchema) }), ...errors } } },
    async (request) => (await list(request, 'legal_counsel_assignment')) as { items: CounselView[] },
  );
  app.patch(
    '/:id/legal-counsel/:record_id',
    { ...update, schema: { ...counsel.end, params: recordParams, body: endBody, response: { 200: counselSchema, ...errors } } },
    async (request) => (await end(request, 'legal_counsel_assignment')) as CounselView,
  );

  const programmes = docs(
    "the victim's participation in a programme",
    'A programme of profile victims_in_proceedings.programmes (Romania: victim_witness_coordination, witness_protection, Law ' +
      '682/2002) from started_on until ended_on (null: still in it). The annual report counts participants in every year the period overlaps.',
  );
  app.post(
    '/:id/programmes',
    { ...create, schema: { ...programmes.create, params: idParams, body: programmeBody, response: { 201: programmeSchema, ...errors } } },
    async (request, reply) => reply.code(201).send(await protection(request).recordProgramme(request.params.id, request.body)),
  );
  app.get(
    '/:id/programmes',
    {
      ...read,
      schema: { ...programmes.list, params: idParams, response: { 200: z.object({ items: z.array(programmeSchema) }), ...errors } },
    },
    async (request) => (await list(request, 'programme_participation')) as { items: ProgrammeView[] },
  );
  app.patch(
    '/:id/programmes/:record_id',
    { ...update, schema: { ...programmes.end, params: recordParams, body: endBody, response: { 200: programmeSchema, ...errors } } },
    async (request) => (await end(request, 'programme_participation')) as ProgrammeView,
  );

  const measures = docs(
    'a protection measure ordered for the victim',
    'A measure of profile victims_in_proceedings.protection_measures (Romania: Code of Criminal Procedure art. 126: residence ' +
      'surveillance, escort, identity protection, remote hearing, non-public hearing) ordered on ordered_on, by an organisation.',
  );
  app.post(
    '/:id/protection-measures',
    { ...create, schema: { ...measures.create, params: idParams, body: measureBody, response: { 201: measureSchema, ...errors } } },
    async (request, reply) => reply.code(201).send(await protection(request).recordMeasure(request.params.id, request.body)),
  );
  app.get(
    '/:id/protection-measures',
    { ...read, schema: { ...measures.list, params: idParams, response: { 200: z.object({ items: z.array(measureSchema) }), ...errors } } },
    async (request) => (await list(request, 'protection_measure')) as { items: MeasureView[] },
  );
  app.patch(
    '/:id/protection-measures/:record_id',
    { ...update, schema: { ...measures.end, params: recordParams, body: endBody, response: { 200: measureSchema, ...errors } } },
    async (request) => (await end(request, 'protection_measure')) as MeasureView,
  );
};
