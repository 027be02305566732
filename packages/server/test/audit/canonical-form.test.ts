import { describe, expect, it } from 'vitest';
import { auditEventHash, canonicalAuditEvent, GENESIS_HASH, type HashableAuditEvent } from '../../src/audit/canonical-form.ts';

// A vector for anyone re-implementing `verify` (docs/audit.md): the canonical
// text is spelled out byte for byte, and its SHA-256 was computed with
// `printf '%s' TEXT | sha256sum`, not with the code under test.
const EVENT: HashableAuditEvent = {
  id: 7,
  occurred_at: '2024-03-31T06:05:09.123456Z',
  actor_user_id: '0190f5b2-7c3e-7a10-8b2d-3f9e2c1a4b5d',
  actor_username: 'ana.popescu',
  actor_organisation_id: null,
  source_ip: '2001:db8::7',
  user_agent: 'Mozilla/5.0 "quoted" \\ ț',
  action: 'break_glass',
  record_type: 'person_identity',
  record_id: '0190f5b2-7c3e-7a10-8b2d-3f9e2c1a4b5e',
  person_id: '0190f5b2-7c3e-7a10-8b2d-3f9e2c1a4b5e',
  fields: ['documents.number', 'given_names'],
  reason: 'Victim in hospital,\nteam absent',
  request_id: null,
  prev_hash: GENESIS_HASH,
};
const TEXT =
  '["opennrm-audit-v1","7","2024-03-31T06:05:09.123456Z","0190f5b2-7c3e-7a10-8b2d-3f9e2c1a4b5d","ana.popescu",null,' +
  '"2001:db8::7","Mozilla/5.0 \\"quoted\\" \\\\ ț","break_glass","person_identity","0190f5b2-7c3e-7a10-8b2d-3f9e2c1a4b5e",' +
  '"0190f5b2-7c3e-7a10-8b2d-3f9e2c1a4b5e",["documents.number","given_names"],"Victim in hospital,\\nteam absent",null,' +
  '"0000000000000000000000000000000000000000000000000000000000000000"]';

describe('canonical form of an audit event', () => {
  it('is the documented JSON array, byte for byte', () => {
    expect(canonicalAuditEvent(EVENT)).toBe(TEXT);
  });

  it('hashes to the SHA-256 of that text', () => {
    expect(auditEventHash(EVENT)).toBe('0c4cb505d18f0baa934996622f7378cf84d8ce4e2cb1a49ef6f5dc5fbd401c6e');
  });

  it('changes with every field, and tells null from an empty string or list', () => {
    const base = auditEventHash(EVENT);
    const variants: Partial<HashableAuditEvent>[] = [
      { id: 8 },
      { occurred_at: '2024-03-31T06:05:09.123457Z' },
      { actor_user_id: null },
      { actor_username: 'ana.popescu2' },
      { actor_organisation_id: '0190f5b2-7c3e-7a10-8b2d-3f9e2c1a4b5f' },
      { source_ip: '2001:db8::8' },
      { user_agent: null },
      { action: 'read' },
      { record_type: 'victim_case' },
      { record_id: null },
      { person_id: null },
      { fields: ['given_names', 'documents.number'] },
      { fields: [] },
      { reason: 'Victim in hospital, team absent' },
      { request_id: '' },
      { prev_hash: 'f'.repeat(64) },
    ];
    const hashes = variants.map((v) => auditEventHash({ ...EVENT, ...v }));
    expect(new Set([base, ...hashes]).size).toBe(variants.length + 1);
  });

  it('refuses an id that is not a positive safe integer', () => {
    expect(() => canonicalAuditEvent({ ...EVENT, id: 0 })).toThrow(/positive integer/);
    expect(() => canonicalAuditEvent({ ...EVENT, id: 2 ** 53 })).toThrow(/positive integer/);
  });
});
