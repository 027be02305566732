import { describe, expect, it } from 'vitest';
import { auditActor, AuditError, normaliseAuditEvent, type AuditEventInput } from '../../src/audit/audit-event.ts';

const READ: AuditEventInput = {
  action: 'read',
  actor_user_id: '0190F5B2-7C3E-7A10-8B2D-3F9E2C1A4B5D',
  actor_username: 'ana.popescu',
  source_ip: '192.0.2.1',
  record_type: 'person_identity',
  record_id: 'p-1',
  fields: ['given_names', 'documents.number', 'given_names'],
};

function refusal(input: AuditEventInput): AuditError {
  try {
    normaliseAuditEvent(input);
  } catch (error) {
    if (error instanceof AuditError) return error;
    throw error;
  }
  throw new Error('expected the event to be refused');
}

describe('normaliseAuditEvent', () => {
  it('fills every field, lower-cases UUIDs, and sorts and de-duplicates field names', () => {
    expect(normaliseAuditEvent(READ)).toEqual({
      action: 'read',
      actor_user_id: '0190f5b2-7c3e-7a10-8b2d-3f9e2c1a4b5d',
      actor_username: 'ana.popescu',
      actor_organisation_id: null,
      source_ip: '192.0.2.1',
      user_agent: null,
      record_type: 'person_identity',
      record_id: 'p-1',
      person_id: null,
      fields: ['documents.number', 'given_names'],
      reason: null,
      request_id: null,
    });
  });

  it('requires a written reason for break-glass, trimmed', () => {
    expect(refusal({ ...READ, action: 'break_glass' })).toMatchObject({ code: 'OPENNRM_AUDIT_REASON_REQUIRED', field: 'reason' });
    expect(refusal({ ...READ, action: 'break_glass', reason: '   short   ' }).code).toBe('OPENNRM_AUDIT_REASON_REQUIRED');
    expect(normaliseAuditEvent({ ...READ, action: 'break_glass', reason: '  Child at risk tonight\n' }).reason).toBe(
      'Child at risk tonight',
    );
  });

  it('refuses what would store a value, an unknown action, or no actor, naming the field', () => {
    const cases: [Partial<AuditEventInput>, string][] = [
      [{ action: 'peek' as never }, 'action'],
      [{ fields: ['Ion Popescu'] }, 'fields'],
      [{ fields: ['cnp=1900101123456'] }, 'fields'],
      [{ actor_user_id: 'ana' }, 'actor_user_id'],
      [{ person_id: '123' }, 'person_id'],
      [{ source_ip: '10.0.0.300' }, 'source_ip'],
      [{ source_ip: 'fe80::1%eth0' }, 'source_ip'],
      [{ record_type: 'Person' }, 'record_type'],
      [{ record_id: 'a\u0000b' }, 'record_id'],
      [{ request_id: 'x'.repeat(201) }, 'request_id'],
      [{ actor_username: 'bad\ud800' }, 'actor_username'],
      [{ actor_user_id: null, actor_username: null }, 'actor_username'],
    ];
    for (const [change, field] of cases)
      expect(refusal({ ...READ, ...change }), field).toMatchObject({ code: 'OPENNRM_AUDIT_INVALID_EVENT', field });
  });

  it('cuts a long user agent without splitting a character, and treats blanks as none', () => {
    const agent = `${'a'.repeat(511)}😀tail`;
    expect(normaliseAuditEvent({ ...READ, user_agent: agent }).user_agent).toBe('a'.repeat(511));
    expect(normaliseAuditEvent({ ...READ, user_agent: ' ', reason: '' })).toMatchObject({ user_agent: null, reason: null });
  });

  it('takes the actor fields from a signed-in user', () => {
    expect(auditActor({ user_id: 'u', username: 'ana', organisation_id: null })).toEqual({
      actor_user_id: 'u',
      actor_username: 'ana',
      actor_organisation_id: null,
    });
  });
});
