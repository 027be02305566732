import { z } from 'zod';

/**
 * Translations of a rule's `source` citation, by language code of the
 * profile's `languages` (e.g. `{ ro: "Codul penal (Legea 286/2009) art. 154",
 * uk: "...", hu: "..." }`). The English `source` stays the reference text;
 * a language missing here falls back to it (docs/web.md, "Languages").
 * Country rules are data (DEVELOPERS.md principle 3), so their translated
 * citations live beside them in the profile, not in the app's strings.
 */
export const sourceI18nSchema = z
  .record(z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a language code of the profile, e.g. "ro"'), z.string().min(3))
  .optional();

/** Citations of one source by language code; absent languages fall back to the English `source`. */
export type SourceI18n = Record<string, string>;

/**
 * The translations of several sources joined as their English texts are
 * (`separator`, "; " by default): a language is kept only when every part has
 * it, since a citation half in one language and half in another would be
 * neither. Undefined when no language is common to all parts.
 */
export function joinSourceI18n(parts: readonly (SourceI18n | undefined)[], separator = '; '): SourceI18n | undefined {
  if (parts.length === 0) return undefined;
  const first = parts[0] ?? {};
  const joined: Record<string, string> = {};
  for (const language of Object.keys(first)) {
    const texts = parts.map((p) => p?.[language]);
    if (texts.every((t): t is string => typeof t === 'string')) joined[language] = texts.join(separator);
  }
  return Object.keys(joined).length > 0 ? joined : undefined;
}
