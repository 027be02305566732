import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '@opennrm/domain';
import { errorResponses, invalidField, notFound } from '../http/errors.ts';
import { idParams, organisationRef } from '../http/common.schemas.ts';
import type { CapabilityOptions } from '../http/capability.ts';
import { UsersRepository } from '../accounts/users.repository.ts';
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
      if (!user) throw invalidField('params.id', 'account vanished');
      return user;
    },
  );
};
