import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../http/errors.ts';
import { idParams } from '../http/common.schemas.ts';
import { recordContext, type CapabilityOptions } from '../http/capability.ts';
import { AdvancePaymentsRepository } from './advance-payments.repository.ts';
import { CompensationRepository } from './compensation.repository.ts';
import {
  advanceBody,
  advanceSchema,
  claimBody,
  claimParams,
  claimPatch,
  claimSchema,
  compensationSchema,
  orderBody,
  paymentBody,
} from './compensation.schemas.ts';

const TAGS = ['compensation'];
const WHO =
  'Recorded by whoever may edit the case and by prosecutors of its linked criminal cases; read by whoever may read the case whole ' +
  '(not a provider that sees it only through a referral). Every read and write is audited.';
const create = { config: { policy: { action: 'create', subject: 'Compensation' } } } as const;
const update = { config: { policy: { action: 'update', subject: 'Compensation' } } } as const;
const ERRORS = errorResponses(400, 401, 403, 404, 500);

/**
 * /api/v1/victim-cases/:id/compensation, /compensation-claims, /advance-payments:
 * a victim's compensation (issue 6 point 5; docs/proceedings.md, "Compensation").
 */
export const compensationRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, options) => {
  const compensation = (request: Parameters<typeof recordContext>[1]) => new CompensationRepository(recordContext(options, request));

  app.get(
    '/:id/compensation',
    {
      config: { policy: { action: 'read', subject: 'Compensation' } },
      schema: {
        tags: TAGS,
        summary: "A victim's compensation",
        description:
          'Claims (route with its legal source, status, renunciation), each with its court orders (moral or material, amount in its ' +
          'ISO 4217 currency), payments received (payer) and the totals ordered, paid and still unpaid by currency; state advance ' +
          `payments; and this year's advance payment cap (Romania: 15,000 RON in 2023). Amounts are decimal strings. ${WHO} ` +
          'Errors: 400, 401, 403, 404.',
        params: idParams,
        response: { 200: compensationSchema, ...ERRORS },
      },
    },
    async (request) => compensation(request).read(request.params.id),
  );

  app.post(
    '/:id/compensation-claims',
    {
      ...create,
      schema: {
        tags: TAGS,
        summary: 'File a compensation claim',
        description:
          'A claim by one of the profile routes: restitution_in_criminal_case (needs criminal_case_id, a criminal case the victim ' +
          `case is linked to), civil_claim, state_compensation. ${WHO} Errors: 400 naming body.route, body.criminal_case_id or ` +
          'body.filed_on, 401, 403, 404.',
        params: idParams,
        body: claimBody,
        response: { 201: claimSchema, ...ERRORS },
      },
    },
    async (request, reply) => reply.code(201).send(await compensation(request).fileClaim(request.params.id, request.body)),
  );

  app.patch(
    '/:id/compensation-claims/:claim_id',
    {
      ...update,
      schema: {
        tags: TAGS,
        summary: "Change a claim's status or record its renunciation",
        description:
          'Status, or the day the victim renounced the claim and whether counsel had told them what that meant (2024 TIP report: ' +
          `victims "could unknowingly renounce compensation claims"). ${WHO} Errors: 400 naming body.renounced_on or ` +
          'body.renounced_informed, 401, 403, 404.',
        params: claimParams,
        body: claimPatch,
        response: { 200: claimSchema, ...ERRORS },
      },
    },
    async (request) => compensation(request).updateClaim(request.params.id, request.params.claim_id, request.body),
  );

  app.post(
    '/:id/compensation-claims/:claim_id/orders',
    {
      ...create,
      schema: {
        tags: TAGS,
        summary: 'Record a court order on a claim',
        description:
          'What a court ordered: damage type (profile: moral, material), amount (decimal string, at most the currency minor unit of ' +
          'decimals) in any ISO 4217 currency, the court. A pending claim becomes ordered. Returns the claim with its totals. ' +
          `${WHO} Errors: 400 naming body.damage_type, body.amount, body.ordered_on or body.court_organisation, 401, 403, 404.`,
        params: claimParams,
        body: orderBody,
        response: { 201: claimSchema, ...ERRORS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await compensation(request).recordOrder(request.params.id, request.params.claim_id, request.body)),
  );

  app.post(
    '/:id/compensation-claims/:claim_id/payments',
    {
      ...create,
      schema: {
        tags: TAGS,
        summary: 'Record a payment received on a claim',
        description:
          'Money the victim received: day, amount and currency, payer (offender, state, seized_assets_fund), optionally the order ' +
          `paid. Returns the claim with what is still unpaid. ${WHO} Errors: 400 naming body.amount, body.paid_on or body.order_id, ` +
          '401, 403, 404.',
        params: claimParams,
        body: paymentBody,
        response: { 201: claimSchema, ...ERRORS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await compensation(request).recordPayment(request.params.id, request.params.claim_id, request.body)),
  );

  app.post(
    '/:id/advance-payments',
    {
      ...create,
      schema: {
        tags: TAGS,
        summary: 'Record a state advance payment',
        description:
          "The state's advance of compensation for emergency expenses. With the case's earlier advances it may not exceed the " +
          "profile's cap for the year it was requested (Romania: five times the minimum wage, 15,000 RON in 2023; 2024 TIP report): " +
          `above it the 400 names the cap, the year and its source. ${WHO} Errors: 400 naming body.amount, body.currency, ` +
          'body.requested_on or body.granted_on, 401, 403, 404.',
        params: idParams,
        body: advanceBody,
        response: { 201: advanceSchema, ...ERRORS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await new AdvancePaymentsRepository(recordContext(options, request)).record(request.params.id, request.body)),
  );
};
