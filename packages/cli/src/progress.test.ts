import { describe, expect, it } from 'vitest';
import { throughput } from './progress.ts';

describe('throughput', () => {
  it('says "row" for one row and "rows" otherwise', () => {
    expect(throughput(1, 1000)).toBe('1 row in 1.0 s (1 rows/s)');
    expect(throughput(48_773, 3200)).toBe('48,773 rows in 3.2 s (15,242 rows/s)');
  });
});
