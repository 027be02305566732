import { describe, expect, it } from 'vitest';
import { advancePaymentCap, caseDeadlines, parseProfile, ProfileError, shippedProfile } from '../../src/index.ts';
import { joinSourceI18n } from '../../src/profile/source-i18n.ts';
import romania from '../../profiles/romania.json' with { type: 'json' };

// A profile's rule sources in its other languages (`source_i18n`, docs/web.md "Languages"): checked against
// the profile's languages, and carried to what the screens show (deadline rules, the advance payment's cap).

const RO = shippedProfile('romania');

describe('source_i18n in a profile', () => {
  it('refuses a citation in a language the profile does not offer, naming its path', () => {
    const data = structuredClone(romania);
    (data.offences[0] as { source_i18n: Record<string, string> }).source_i18n = { de: 'Rumänisches Strafgesetzbuch Art. 210' };
    try {
      parseProfile('romania-variant', data);
      expect.unreachable('a German citation in a profile without German was accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ProfileError);
      expect((error as ProfileError).issues).toContainEqual({
        path: 'offences.0.source_i18n.de',
        message: `"de" is not one of the profile's languages`,
      });
    }
  });

  it('joins several sources per language, keeping only the languages every part has', () => {
    expect(
      joinSourceI18n([
        { ro: 'Codul penal art. 154', hu: 'Btk. 154. cikk' },
        { ro: 'Codul penal art. 155', uk: 'КК ст. 155' },
      ]),
    ).toEqual({ ro: 'Codul penal art. 154; Codul penal art. 155' });
    expect(joinSourceI18n([{ ro: 'a b c' }, undefined])).toBeUndefined();
    expect(joinSourceI18n([])).toBeUndefined();
  });
});

describe('translated sources reach what the screens show', () => {
  it('a limitation deadline joins the translated citations of the rules it applied (art. 154, 67/2022)', () => {
    const [limitation] = caseDeadlines(RO, {
      as_of: '2026-11-29',
      offences: [{ id: 'O1', article: '210', committed_on: '2019-03-10', suspect_id: 'S1' }],
      events: [{ id: 'E1', kind: 'suspect_notified', on: '2019-11-05', suspect_id: 'S1' }],
    }).filter((d) => d.kind === 'limitation');
    expect(limitation!.rule.source).toContain('Criminal Code (Law 286/2009) art. 154(1)-(2)');
    expect(limitation!.rule.source_i18n?.ro).toContain('Codul penal (Legea 286/2009) art. 154 alin. (1)-(2)');
    expect(limitation!.rule.source_i18n?.ro).toContain('Decizia Înaltei Curți de Casație și Justiție nr. 67/2022');
    expect(limitation!.rule.source_i18n?.uk).toContain('ст. 154(1)-(2)');
    expect(limitation!.rule.source_i18n?.hu).toContain('154. cikk (1)-(2) bek.');
    // As many parts in each language as in English: no rule's citation left out.
    const parts = limitation!.rule.source.split('; ').length;
    for (const language of ['ro', 'uk', 'hu']) expect(limitation!.rule.source_i18n?.[language]?.split('; ').length).toBe(parts);
  });

  it("the advance payment's cap of 2023 carries its citation in Romanian", () => {
    expect(advancePaymentCap(RO, 2023)?.source_i18n?.ro).toContain('Legea 211/2004');
  });
});
