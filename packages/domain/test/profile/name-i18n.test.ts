import { describe, expect, it } from 'vitest';
import { parseProfile, ProfileError, shippedProfile } from '../../src/index.ts';
import romania from '../../profiles/romania.json' with { type: 'json' };

// Names in a profile's other languages (an institution's `name_i18n`, an offence's `title_i18n`, docs/web.md
// "Languages"): kept through parsing, and checked against the profile's languages like `source_i18n`.

describe('name_i18n and title_i18n in a profile', () => {
  it('keeps the names the Romania profile gives in Romanian, Ukrainian and Hungarian', () => {
    const profile = shippedProfile('romania');
    const courts = profile.institutions.find((i) => i.code === 'COURTS');
    expect(courts?.name_i18n).toEqual({ ro: 'Instanțele judecătorești', uk: 'Суди', hu: 'Bíróságok' });
    expect(profile.offences.find((o) => o.article === '210')?.title_i18n?.ro).toBe('Traficul de persoane');
  });

  it.each([
    ['institutions', 'name_i18n'],
    ['offences', 'title_i18n'],
  ] as const)('refuses a %s %s in a language the profile does not offer, naming its path', (list, key) => {
    const data = structuredClone(romania) as unknown as Record<string, Record<string, unknown>[]>;
    data[list]![0]![key] = { de: 'Name auf Deutsch' };
    try {
      parseProfile('romania-variant', data);
      expect.unreachable('a German name in a profile without German was accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ProfileError);
      expect((error as ProfileError).issues).toContainEqual({
        path: `${list}.0.${key}.de`,
        message: `"de" is not one of the profile's languages`,
      });
    }
  });
});
