import { v7 as uuidv7 } from 'uuid';

/**
 * A new record id: UUID version 7 (RFC 9562), time-ordered so that inserts
 * stay local in the primary-key index, and safe to generate on a phone
 * offline (no coordination needed).
 */
export function newId(): string {
  return uuidv7();
}
