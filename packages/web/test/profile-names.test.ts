import { describe, expect, it } from 'vitest';
import { shippedProfile } from '@opennrm/domain/profiles';
import { nameInLanguage } from '../src/proceedings/profile-names.ts';

/**
 * Profile names the screens show (offence titles on the criminal case, institutions in the hearing form) read in
 * the user's language: a name with an English gloss in parentheses ("Instanțele judecătorești (courts of law)")
 * is said in every other language of the profile by its `name_i18n` / `title_i18n`, without the gloss.
 */
const PROFILE = shippedProfile('romania');
const OTHER_LANGUAGES = PROFILE.languages.map((l) => l.code).filter((code) => code !== 'en');
/** A parenthesised gloss in plain English words, as the profile writes them: "(trafficking in persons, adult victim)". */
const ENGLISH_GLOSS = /\([a-zA-Z ,'-]+\)$/;

const named = [
  ...PROFILE.offences.map((o) => ({ what: `offence ${o.article}`, name: o.title, translations: o.title_i18n })),
  ...PROFILE.institutions.map((i) => ({ what: `institution ${i.code}`, name: i.name, translations: i.name_i18n })),
].filter((n) => ENGLISH_GLOSS.test(n.name));

describe('profile names in the user language', () => {
  it('finds the glossed names (the check below has something to check)', () => {
    expect(named.map((n) => n.what)).toEqual(expect.arrayContaining(['offence 210', 'institution COURTS', 'institution DIICOT']));
  });

  it.each(OTHER_LANGUAGES)('says every glossed name in %s, without the English gloss', (language) => {
    for (const n of named) {
      const shown = nameInLanguage(n.name, n.translations, language);
      expect(shown, `${n.what} in ${language}`).not.toBe(n.name);
      expect(shown, `${n.what} in ${language}`).not.toMatch(ENGLISH_GLOSS);
    }
  });

  it('keeps the profile name for English readers and where no translation is given', () => {
    expect(nameInLanguage('Instanțele judecătorești (courts of law)', { ro: 'Instanțele judecătorești' }, 'en')).toBe(
      'Instanțele judecătorești (courts of law)',
    );
    expect(nameInLanguage('DGASPC Cluj', undefined, 'hu')).toBe('DGASPC Cluj');
    expect(nameInLanguage('Instanțele judecătorești (courts of law)', { ro: 'Instanțele judecătorești' }, 'ro')).toBe(
      'Instanțele judecătorești',
    );
  });
});
