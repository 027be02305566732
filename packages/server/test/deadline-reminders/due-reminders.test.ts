import { describe, expect, it } from 'vitest';
import type { CaseDeadline } from '@opennrm/domain';
import { deadlineKey, leadTimeReached } from '../../src/deadline-reminders/due-reminders.ts';

const LEADS = [180, 90, 30, 7];
const deadline = (
  days_left: number | null,
  status: CaseDeadline['status'] = 'running',
  due_on: string | null = '2026-06-01',
): CaseDeadline => ({
  kind: 'limitation',
  subject: { offence_id: '0199a000-0000-7000-8000-000000000001' },
  due_on,
  days_left,
  status,
  explanation: '',
  reason: { key: 'x', values: {} },
  rule: { code: 'limitation_general', source: 'Criminal Code art. 154', verify: true },
});

describe('lead times', () => {
  it('reaches a lead time on the day days_left equals it, and gives the tightest reached', () => {
    expect([181, 180, 91, 90, 31, 30, 8, 7, 1, 0].map((d) => leadTimeReached(deadline(d), LEADS))).toEqual([
      null,
      180,
      180,
      90,
      90,
      30,
      30,
      7,
      7,
      7,
    ]);
  });

  it('reminds of nothing passed, without a date, or not running', () => {
    expect(leadTimeReached(deadline(-1, 'passed'), LEADS)).toBeNull();
    expect(leadTimeReached(deadline(null, 'none', null), LEADS)).toBeNull();
  });

  it('identifies a deadline by kind, subject and due date: a moved date is a new deadline', () => {
    expect(deadlineKey(deadline(10))).toBe('limitation:0199a000-0000-7000-8000-000000000001:-:-:2026-06-01');
    expect(deadlineKey(deadline(10, 'running', '2027-06-01'))).not.toBe(deadlineKey(deadline(10)));
  });
});
