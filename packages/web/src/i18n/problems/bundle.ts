/**
 * The "problems" namespace of one language (i18n.ts loads this module only when a refusal is first shown):
 * why the server refused something (docs/errors.md, "Reasons"). English is the domain catalogue itself
 * (english.ts); another language merges its areas' files (problems/<area>/<language>.json: common,
 * proceedings, cases), each loaded as its own chunk.
 */
const areaBundles = import.meta.glob<{ default: object }>('./*/*.json');

type Tree = { [key: string]: string | Tree };

/** Merges the areas' translations key by key (each area adds its rules, common also the field labels). */
function merge(into: Tree, from: Tree): Tree {
  for (const [key, value] of Object.entries(from))
    into[key] = typeof value === 'string' ? value : merge(typeof into[key] === 'object' ? into[key] : {}, value);
  return into;
}

/** The namespace's resources for `language` ("ro", "en", ...). */
export async function problemsBundle(language: string): Promise<Tree> {
  if (language === 'en') return (await import('./english.ts')).englishProblems() as unknown as Tree;
  const own = Object.entries(areaBundles).filter(([path]) => path.endsWith(`/${language}.json`));
  const bundles = await Promise.all(own.map(([, load]) => load()));
  return bundles.reduce<Tree>((all, bundle) => merge(all, bundle.default as Tree), {});
}
