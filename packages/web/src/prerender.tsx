import { prerenderToNodeStream } from 'react-dom/static';
import { createInstance, type i18n as I18n, type Resource } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { Router } from 'wouter';
import { Root, newQueryClient } from './app/Root.tsx';
import { SESSION_QUERY, type Session } from './auth/session.ts';
import { LANGUAGES, type LanguageCode } from './i18n/languages.ts';

// The server picks the language by the app's own rule and cookie.
export { chooseLanguage, LANGUAGE_COOKIE } from './i18n/languages.ts';

/**
 * The server's prerender of the screening wizard's first screen (issue 5:
 * the screening route's Largest Contentful Paint on a slow phone). Built by
 * `npm run build -w @opennrm/web` into dist/.prerender/prerender.js (vite.config.ts)
 * and called by `opennrm serve` for a signed-in GET /screenings?new=1
 * (packages/server/src/web/web-app.ts): the page arrives with the screen
 * drawn, in the user's language, and main.tsx hydrates it (the same tree,
 * app/Root.tsx) instead of waiting for the JavaScript to draw it.
 */
export interface PrerenderRequest {
  /** The address, as the browser's location has it: path ("/screenings") and query without "?" ("new=1"). */
  path: string;
  search: string;
  language: LanguageCode;
  /** The signed-in user the server rendered for; the browser starts from the same (main.tsx). */
  session: Extract<Session, { status: 'signed_in' }>;
}

// The strings the first screens need: the "app" namespace and the screening questions (as i18n.ts loads them).
const appStrings = import.meta.glob<{ default: Record<string, unknown> }>('./i18n/locales/app/*.json', { eager: true });
const instrumentStrings = import.meta.glob<{ default: Record<string, unknown> }>('./i18n/instrument/*.json', { eager: true });

const instances = new Map<LanguageCode, Promise<I18n>>();

/** One i18next instance per language, its strings loaded before the first render (i18n.ts's options, no backend). */
function translations(language: LanguageCode): Promise<I18n> {
  let instance = instances.get(language);
  if (!instance) {
    const resources: Resource = {};
    for (const { code } of LANGUAGES)
      resources[code] = {
        app: appStrings[`./i18n/locales/app/${code}.json`]?.default ?? {},
        // English instrument texts are the instrument's own `en` (the default value of every lookup).
        instrument: instrumentStrings[`./i18n/instrument/${code}.json`]?.default ?? {},
      };
    const i18n = createInstance();
    instance = i18n
      .init({
        resources,
        supportedLngs: LANGUAGES.map((l) => l.code),
        fallbackLng: 'en',
        lng: language,
        load: 'languageOnly',
        ns: ['app', 'instrument'],
        defaultNS: 'app',
        interpolation: { escapeValue: false },
        react: { useSuspense: true },
      })
      .then(() => i18n);
    instances.set(language, instance);
  }
  return instance;
}

async function text(stream: AsyncIterable<string | Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let html = '';
  for await (const chunk of stream) html += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return html + decoder.decode();
}

/**
 * The app's markup for that address, user and language: what goes inside index.html's `<div id="root">`.
 * @throws Error when the markup would need a script to finish (the page's CSP allows none inline).
 */
export async function prerender(request: PrerenderRequest): Promise<string> {
  const queryClient = newQueryClient();
  queryClient.setQueryData(SESSION_QUERY, request.session);
  const { prelude } = await prerenderToNodeStream(
    <Router ssrPath={request.path} ssrSearch={request.search}>
      <I18nextProvider i18n={await translations(request.language)}>
        <Root queryClient={queryClient} />
      </I18nextProvider>
    </Router>,
    // The whole screen in place: React would otherwise send a large Suspense boundary's content apart, with an inline
    // script to move it in.
    { progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  const html = await text(prelude);
  if (html.includes('<script')) throw new Error(`the prerender of ${request.path}?${request.search} needs a script to finish`);
  return html;
}
