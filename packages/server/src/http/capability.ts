import type { FastifyRequest } from 'fastify';
import type { JurisdictionProfile } from '@opennrm/domain';
import type { NrmDatabase } from '../db/database.ts';
import { actorOf } from '../accounts/authentication.ts';
import type { RecordContext } from '../shared/record-context.ts';
import { accessOf } from '../access/install-access.ts';
import type { Keyring } from '../security/crypto/keyring.ts';

/** Options every capability plugin (persons, victim cases, ...) is registered with. */
export interface CapabilityOptions {
  nrm: NrmDatabase;
  profile: JurisdictionProfile;
  keyring: Keyring;
}

/** The repository context of a signed-in request. */
export function recordContext(options: CapabilityOptions, request: FastifyRequest): RecordContext {
  return { db: options.nrm.db, profile: options.profile, actor: actorOf(request), keyring: options.keyring, access: accessOf(request) };
}
