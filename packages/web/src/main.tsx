import { createRoot, hydrateRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import { i18nReady, initialLanguage } from './i18n/i18n.ts';
import { Root, newQueryClient } from './app/Root.tsx';
import { SESSION_QUERY, sessionQuery, type Session } from './auth/session.ts';

const queryClient = newQueryClient();

/**
 * What the server put in the page with its prerendered first screen
 * (packages/server/src/web/web-app.ts): the session it rendered for and the
 * language. Absent on every other page, and when the service worker answers.
 */
interface Boot {
  session: Session;
  language: string;
}
const bootElement = document.getElementById('opennrm-boot');
const boot = bootElement ? (JSON.parse(bootElement.textContent ?? 'null') as Boot | null) : null;
// The server sent the rules its screen needs inline and only preloaded the stylesheet, so the first paint did not wait
// for it (packages/server/src/web/web-app.ts): it applies now, before the app draws anything else.
if (boot)
  for (const preload of document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="style"]')) {
    const stylesheet = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: preload.href, crossOrigin: '' });
    document.head.append(stylesheet);
  }
// The server's session is shown at once but counts as stale (updatedAt 0): it is asked for again below, as on any load.
if (boot) queryClient.setQueryData(SESSION_QUERY, boot.session, { updatedAt: 0 });

// Asked now, not after the language bundle arrives (the app waits for its strings): one round trip fewer on a slow network.
void queryClient.prefetchQuery(sessionQuery);

const container = document.getElementById('root')!;
if (boot && container.firstElementChild && boot.language === initialLanguage()) {
  // The prerendered screen stays on screen and becomes live: React keeps its nodes once the strings it shows are loaded
  // (the server preloads them with the page).
  void i18nReady.then(() => hydrateRoot(container, <Root queryClient={queryClient} />));
} else {
  // Prerendered in a language other than the one remembered on this device (or none): drawn afresh.
  container.replaceChildren();
  createRoot(container).render(<Root queryClient={queryClient} />);
}
