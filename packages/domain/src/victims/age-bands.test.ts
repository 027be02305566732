import { describe, expect, it } from 'vitest';
import { CTDC_AGE_BANDS, ctdcAgeBand, toCtdcAgeBand } from './age-bands.ts';

describe('CTDC age bands', () => {
  it('puts every age from 0 to 120 in exactly one band, in list order', () => {
    const seen = Array.from({ length: 121 }, (_, age) => ctdcAgeBand(age));
    expect(seen.every((band) => band !== null)).toBe(true);
    expect([...new Set(seen)]).toEqual([...CTDC_AGE_BANDS]);
    expect([ctdcAgeBand(17), ctdcAgeBand(18), ctdcAgeBand(34), ctdcAgeBand(48)]).toEqual(['9--17', '18--20', '30--38', '48+']);
    expect([ctdcAgeBand(null), ctdcAgeBand(-1)]).toEqual([null, null]);
  });

  it('maps another band only when it lies inside one CTDC band', () => {
    expect(toCtdcAgeBand('9-17')).toBe('9--17');
    expect(toCtdcAgeBand('31-35')).toBe('30--38');
    expect(toCtdcAgeBand('55+')).toBe('48+');
    expect(toCtdcAgeBand('25--34')).toBeNull();
    expect(toCtdcAgeBand('18-24')).toBeNull();
    expect(toCtdcAgeBand('17--9')).toBeNull();
    expect(toCtdcAgeBand('Unknown')).toBeNull();
  });
});
