import { describe, expect, it } from 'vitest';
import romania from '@svg-maps/romania';
import { shippedProfile } from '@opennrm/domain';

/**
 * The directory's map (src/directory/CountyMap.tsx) draws @svg-maps/romania
 * and shades each path by the profile region whose ISO 3166-2 code is the
 * path's id in capitals: every county of the profile must be on the map, and
 * nothing else, or a county's free places would silently go missing.
 */
describe('the county map', () => {
  const regions = shippedProfile('romania').regions.map((r) => r.code);
  const paths = romania.locations.map((l) => l.id.toUpperCase());

  it("has exactly one path for each of the profile's regions", () => {
    expect([...paths].sort()).toEqual([...regions].sort());
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('names each county as the profile does, up to the English "Bucharest" and diacritics', () => {
    const fold = (name: string) =>
      name
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .replace(/^Bucharest$|^Municipiul Bucuresti$|^Bucuresti$/, 'Bucuresti')
        .toLowerCase();
    const names = new Map(shippedProfile('romania').regions.map((r) => [r.code, fold(r.name)]));
    const mismatched = romania.locations.filter((l) => names.get(l.id.toUpperCase()) !== fold(l.name)).map((l) => l.name);
    expect(mismatched).toEqual([]);
  });
});
