import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES, problem } from '@opennrm/domain';
import { errorResponses, invalidField, notFound } from '../http/errors.ts';
import { idParams, organisationRef } from '../http/common.schemas.ts';
import type { CapabilityOptions } from '../http/capability.ts';
import { AccountError, UsersRepository } from '../accounts/users.repository.ts';
import { resolveOrganisation } from '../organisations/organisations.repository.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { accessOf } from './install-access.ts';

const userSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    display_name: z.string(),
    role: z.enum(ROLES),
    organisation_id: z.uuid().nullable(),
    organisation_code: z.string().nullable(),
    must_change_password: z.boolean(),
    disabled: z.boolean(),
    created_at: z.iso.datetime(),
    last_sign_in_at: z.iso.datetime().nullable(),
  })
  .meta({ id: 'UserAccount' });

const updateUserBody = z
  .object({
    role: z.enum(ROLES).optional(),
    organisation: organisationRef.nullable().optional().describe('organisation code or id; null for none'),
    disabled: z.boolean().optional().describe('true ends every use of the account (sessions stop resolving)'),
  })
  .strict();

const newUserBody = z
  .object({
    username: z.string().describe('2-64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit'),
    display_name: z.string().min(1).max(200).optional().describe('the name colleagues know; the username when absent'),
    role: z.enum(ROLES),
    organisation: organisationRef.nullable().describe('organisation code or id; null for a national account such as an administrator'),
  })
  .strict();

const oneTimePasswordSchema = z
  .string()
  .describe('one-time password: shown once, stored only as an Argon2id hash, to be changed at first sign-in');

/**
 * /api/v1/users: accounts, for administrators (rule administrator.accounts).
 * A change of role, organisation or state is a permission change, audited
 * in the same transaction (issue 3 point 4).
 */
export const userRoutes: FastifyPluginAsyncZod<CapabilityOptions> = async (app, { nrm }) => {
  const users = new UsersRepository(nrm.db);

  app.get(
    '',
    {
      config: { policy: { action: 'manage', subject: 'User' } },
      schema: {
        tags: ['users'],
        summary: 'List accounts',
        description: 'Every account, by username (never a password hash). Administrators only. Errors: 401, 403.',
        response: { 200: z.object({ items: z.array(userSchema) }), ...errorResponses(401, 403, 500) },
      },
    },
    async () => ({ items: await users.list() }),
  );

  app.post(
    '',
    {
      config: { policy: { action: 'manage', subject: 'User' } },
      schema: {
        tags: ['users'],
        summary: 'Create an account',
        description:
          'Creates an account with a one-time password, returned once in this answer and never again (stored only as an ' +
          'Argon2id hash); the user must change it at first sign-in (docs/sign-in.md). Audited as create of app_user with the ' +
          'field names given, in the same transaction. Administrators only (rule administrator.accounts). Errors: 400 ' +
          '(body.username malformed or taken, body.organisation unknown), 401, 403.',
        body: newUserBody,
        response: {
          201: z.object({ user: userSchema, one_time_password: oneTimePasswordSchema }),
          ...errorResponses(400, 401, 403, 500),
        },
      },
    },
    async (request, reply) => {
      const access = accessOf(request);
      const { username, display_name, role, organisation } = request.body;
      const org = organisation === null ? null : await resolveOrganisation(nrm.db, organisation, 'body.organisation');
      const created = await nrm.db.transaction().execute(async (trx) => {
        let result;
        try {
          result = await new UsersRepository(trx).create({ username, role, organisation_code: org?.code ?? null, display_name });
        } catch (error) {
          if (error instanceof AccountError) throw invalidField(`body.${error.field}`, error.problem);
          throw error;
        }
        await appendAuditEvent(
          trx,
          access.audit({ action: 'create', record_type: 'app_user', record_id: result.user.id, fields: Object.keys(request.body) }),
        );
        return result;
      });
      // A password in the answer: no cache keeps it (as the TOTP secret, totp.routes.ts).
      return reply.code(201).header('cache-control', 'no-store').send({ user: created.user, one_time_password: created.password });
    },
  );

  app.post(
    '/:id/one-time-password',
    {
      config: { policy: { action: 'manage', subject: 'User' } },
      schema: {
        tags: ['users'],
        summary: "Reset an account's password",
        description:
          'Issues a new one-time password for a user who lost theirs: returned once in this answer, to be changed at next ' +
          'sign-in; every session of the account ends at once. Audited as password_change of app_user in the same transaction. ' +
          'Administrators only (rule administrator.accounts). Errors: 401, 403, 404.',
        params: idParams,
        response: { 200: z.object({ one_time_password: oneTimePasswordSchema }), ...errorResponses(401, 403, 404, 500) },
      },
    },
    async (request, reply) => {
      const access = accessOf(request);
      const user = await users.findById(request.params.id);
      if (!user) throw notFound();
      const password = await nrm.db.transaction().execute(async (trx) => {
        const issued = await new UsersRepository(trx).issueOneTimePassword(user.username);
        if (issued === null) throw notFound();
        await appendAuditEvent(
          trx,
          access.audit({
            action: 'password_change',
            record_type: 'app_user',
            record_id: user.id,
            fields: ['password'],
            reason: 'one-time password issued by an administrator',
          }),
        );
        return issued;
      });
      reply.header('cache-control', 'no-store');
      return { one_time_password: password };
    },
  );

  app.patch(
    '/:id',
    {
      config: { policy: { action: 'manage', subject: 'User' } },
      schema: {
        tags: ['users'],
        summary: "Change an account's role, organisation or state",
        description:
          'Audited as permission_change with the field names changed. Administrators only. Errors: 400 (body.organisation unknown), 401, 403, 404.',
        params: idParams,
        body: updateUserBody,
        response: { 200: userSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => {
      const access = accessOf(request);
      const { role, organisation, disabled } = request.body;
      const organisationId =
        organisation === undefined
          ? undefined
          : organisation === null
            ? null
            : (await resolveOrganisation(nrm.db, organisation, 'body.organisation')).id;
      const changed = await nrm.db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('app_user')
          .set({
            ...(role ? { role } : {}),
            ...(organisationId !== undefined ? { organisation_id: organisationId } : {}),
            ...(disabled !== undefined ? { disabled } : {}),
          })
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) return false;
        await appendAuditEvent(
          trx,
          access.audit({
            action: 'permission_change',
            record_type: 'app_user',
            record_id: request.params.id,
            fields: Object.keys(request.body),
          }),
        );
        return true;
      });
      if (!changed) throw notFound();
      const user = await users.findById(request.params.id);
      if (!user) throw invalidField('params.id', problem('account_vanished'));
      return user;
    },
  );
};
