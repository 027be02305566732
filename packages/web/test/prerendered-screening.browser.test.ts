import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { translator } from './support/translations.ts';
import { startWebServer, type WebServer } from './support/web-server.ts';

/**
 * Issue 5 (the screening route's first paint on a slow phone): a signed-in
 * GET /screenings?new=1 arrives with the wizard's first step drawn by the
 * server in the user's language (packages/server/src/web/web-app.ts), the
 * app hydrates it without a mismatch or a CSP violation, the step answers at
 * once, and the new screening is kept on the device under /screenings/<id>.
 * A device that remembers another language than the browser's gets its own.
 */

let server: WebServer;
let browser: Browser;
let cookie: { name: string; value: string; url: string; httpOnly: boolean; sameSite: 'Strict' };

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchChromium()]);
  const officer = await server.account('front_line_responder', 'IGPF');
  const answer = await fetch(`${server.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: officer.username, password: officer.password }),
  });
  const token = ((await answer.json()) as { token: string }).token;
  cookie = { name: 'opennrm_session', value: token, url: server.url, httpOnly: true, sameSite: 'Strict' };
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A first visit (no service worker) with the session cookie; every console error and page error is collected. */
async function openNewScreening(locale: string, remembered?: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale, serviceWorkers: 'block' });
  await context.addCookies([cookie]);
  if (remembered) await context.addInitScript((language) => localStorage.setItem('opennrm.language', language), remembered);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/screenings?new=1`);
  return { context, page, errors };
}

describe('the new screening page, prerendered', () => {
  it('arrives with the first step in the browser language, hydrates without errors, answers and is kept on the device', async () => {
    const t = translator('ro');
    const response = await fetch(`${server.url}/screenings?new=1`, {
      headers: { cookie: `${cookie.name}=${cookie.value}`, 'accept-language': 'ro-RO,ro;q=0.9,en;q=0.5' },
    });
    const html = await response.text();
    expect(response.headers.get('cache-control')).toContain('private');
    expect(html).toContain('<html lang="ro"');
    expect(html).toMatch(new RegExp(`<h2[^>]*id="step-heading"[^>]*>${t('screening.steps.where')}</h2>`));
    expect(html).toContain(t('context.asylum_centre'));
    expect(html).not.toMatch(/<script(?![^>]*(type="module"|src=|type="application\/json"))/);

    const { context, page, errors } = await openNewScreening('ro-RO');
    const choice = page.getByRole('radio', { name: t('context.asylum_centre') });
    // Hydrated: React handles the radio (a click changes the app's state, which a static page would not save).
    await page.waitForFunction(() => {
      const radio = document.querySelector('#root input[type="radio"]');
      return radio !== null && Object.keys(radio).some((key) => key.startsWith('__reactProps$'));
    });
    await page.waitForURL(/\/screenings\/[0-9a-f-]{36}$/);
    await choice.check();
    // Kept on the device (IndexedDB "opennrm", store "screenings", by the id in the address) before the reload.
    const id = page.url().split('/').at(-1)!;
    await expect
      .poll(
        () =>
          page.evaluate(
            (key) =>
              new Promise<string | null>((resolve, reject) => {
                const open = indexedDB.open('opennrm');
                open.onerror = () => reject(open.error);
                open.onsuccess = () => {
                  const get = open.result.transaction('screenings').objectStore('screenings').get(key);
                  get.onsuccess = () => resolve((get.result as { draft: { context: string | null } } | undefined)?.draft.context ?? null);
                  get.onerror = () => reject(get.error);
                };
              }),
            id,
          ),
        // Vitest's poll gives up after 1 s by default: too short for a page load on a busy machine.
        { timeout: 30_000 },
      )
      .toBe('asylum_centre');
    await page.reload();
    await expect.poll(() => page.getByRole('radio', { name: t('context.asylum_centre') }).isChecked(), { timeout: 30_000 }).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the language this device remembers when it is not the browser language, drawn afresh without errors', async () => {
    const en = translator('en');
    const { context, page, errors } = await openNewScreening('ro-RO', 'hu');
    const hu = translator('hu');
    await page.getByRole('heading', { name: hu('screening.steps.where') }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('hu');
    expect(await page.getByText(en('screening.context')).count()).toBe(0);
    // The next page load is prerendered in it: the app told the server through its language cookie.
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'opennrm_language')?.value).toBe('hu');
    expect(errors).toEqual([]);
    await context.close();
  });
});
