import { describe, expect, it } from 'vitest';
import { serviceGapsMarkdown } from '../../src/service-directory/service-gaps-markdown.ts';

describe('gaps section of the Markdown report', () => {
  it('names the counties without a shelter, the unmet services and the licences running out', () => {
    const md = serviceGapsMarkdown({
      as_of: '2026-11-29',
      counties_without_shelter: [{ region: 'RO-VS', name: 'Vaslui' }],
      counties_without_child_shelter: [],
      unmet_services: {
        unmet_after_days: 30,
        by_service: [{ service: 'medical', referrals: 4, victim_cases: 3, declined: 1, accepted: 2, unanswered: 1 }],
        by_region: [],
      },
      licences: [
        {
          facility_id: '01900000-0000-7000-8000-000000000001',
          code: 'X',
          name: 'Casa X',
          organisation_code: 'NGO-X',
          region: 'RO-B',
          licence_expires_on: '2026-12-30',
          licence_status: 'expiring',
          licence_days_left: 31,
        },
      ],
    });
    expect(md).toContain('Counties without a shelter (1): Vaslui (RO-VS).');
    expect(md).toContain('Counties without a shelter for children (0): none.');
    expect(md).toContain('| medical | 4 | 3 | 1 | 2 | 1 |');
    expect(md).toContain('| Casa X | NGO-X | RO-B | 2026-12-30 | expiring |');
  });
});
