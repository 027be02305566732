import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { shippedProfile } from '@opennrm/domain';
import {
  buildApp,
  createDemoAccounts,
  loadDemo,
  migrateToLatest,
  openDatabase,
  syncProfileOrganisations,
  type NrmDatabase,
} from '@opennrm/server';
import { UsersRepository } from '../../server/src/accounts/users.repository.ts';
import { sharedPath } from '../../server/test/support/shared-path.ts';
import { TEST_KEYRING } from '../../server/test/support/test-keyring.ts';
import { ARTIFACTS, launchChromium, screenshot, seriousAxeFindings } from './support/browser.ts';
import { signIn as signInAs } from './support/sign-in.ts';
import { translator } from './support/translations.ts';
import { WEB_DIST } from './support/web-server.ts';

/**
 * Issue 5, point 3: the statistics dashboard and administration. On the
 * Romania demo (docs/demo.md), the coordinator (demo.coordinator) opens the
 * dashboard for 2023 (one report asked for per year shown) and reads the
 * published figures of identified victims, investigations, convictions and
 * compensation, follows the first to the records it counts, and downloads the CSV; the analyst
 * (demo.analyst) reads the dashboard but cannot follow a figure to its records
 * and is offered no administration; the coordinator opens organisations,
 * roles and the profile; an administrator creates an account (its one-time
 * password shown once) and deactivates it after confirming. Romanian and
 * English, 360 px and 1280 px, axe-core on every screen, screenshots kept.
 */

const PUBLISHED = JSON.parse(await readFile(sharedPath('data', 'romania-published-figures.json'), 'utf8')) as {
  years: Record<string, { victims_identified: { total: number } }>;
};
const IDENTIFIED_2023 = PUBLISHED.years['2023']!.victims_identified.total;
const JUSTICE_2023 = PUBLISHED.years['2023'] as unknown as {
  investigations_new: { total: number };
  traffickers_convicted: { total: number };
  compensation_court_orders: { victims: number; moral_damages: Record<string, number> };
};

interface DemoServer {
  url: string;
  nrm: NrmDatabase;
  close(): Promise<void>;
}

/**
 * OpenNRM as `opennrm serve` runs it, with the demo loaded, serving its own copy of the built app: the browser
 * project's other files may rebuild packages/web/dist while this one runs, and a lazily loaded chunk must
 * not vanish from under the page.
 */
async function startDemoServer(): Promise<DemoServer> {
  const folder = await mkdtemp(join(tmpdir(), 'opennrm-dashboard-'));
  const manifest = JSON.parse(await readFile(join(WEB_DIST, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>;
  await cp(WEB_DIST, join(folder, 'web'), { recursive: true });
  const missing = Object.values(manifest).filter((chunk) => !existsSync(join(folder, 'web', chunk.file)));
  if (missing.length > 0) throw new Error(`the web app was being rebuilt while copied: ${missing.length} chunks missing`);
  const nrm = await openDatabase({ dataDir: join(folder, 'data') });
  await migrateToLatest(nrm.db);
  const profile = shippedProfile('romania');
  await syncProfileOrganisations(nrm.db, profile);
  await loadDemo(nrm, profile, 'romania', { keyring: TEST_KEYRING });
  await createDemoAccounts(nrm.db);
  const app = await buildApp({
    nrm,
    profile,
    keyring: TEST_KEYRING,
    signIn: { secure_cookies: false, totp_required_roles: [] },
    logger: false,
    web: { root: join(folder, 'web') },
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    nrm,
    async close() {
      await app.close();
      await nrm.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

let server: DemoServer;
let browser: Browser;
const passwords = new Map<string, string>();
let administrators = 0;

/** An administrator with a password of their own (the demo has none: `opennrm serve` creates the first). */
async function administrator(): Promise<{ username: string; password: string }> {
  const users = new UsersRepository(server.nrm.db);
  const username = `admin${++administrators}`;
  const { user } = await users.create({ username, role: 'administrator', organisation_code: null });
  await users.setPassword(user.id, `a long passphrase for ${username}`);
  return { username, password: `a long passphrase for ${username}` };
}

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startDemoServer().then(async (started) => {
      // The demo's one-time passwords are changed as a first sign-in would: these tests are about the screens after it.
      const users = new UsersRepository(started.nrm.db);
      for (const username of ['demo.coordinator', 'demo.analyst']) {
        const account = await users.credentials(username);
        const password = `a long passphrase for ${username}`;
        await users.setPassword(account!.id, password);
        passwords.set(username, password);
      }
      return started;
    }),
    launchChromium(),
  ]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each([
  { language: 'ro', width: 360, height: 740 },
  { language: 'en', width: 1280, height: 900 },
  { language: 'en', width: 360, height: 740 },
  { language: 'ro', width: 1280, height: 900 },
])('dashboard and administration in $language at $width px', ({ language, width, height }) => {
  const t = translator(language);
  const s = translator(language, 'statistics');
  const a = translator(language, 'admin');
  const number = (n: number) => new Intl.NumberFormat(language).format(n);
  const name = `${language}-${width}-dashboard`;
  const phone = width < 768;
  const contexts: BrowserContext[] = [];
  let page: Page;
  const findings: Record<string, unknown[]> = {};
  const cspViolations: string[] = [];

  async function check(screen: string) {
    await screenshot(page, `${name}-${screen}`);
    const found = await seriousAxeFindings(page);
    if (found.length > 0) findings[screen] = found;
  }

  async function signIn(username: string, password: string) {
    const context = await browser.newContext({
      viewport: { width, height },
      locale: language === 'ro' ? 'ro-RO' : 'en-GB',
      acceptDownloads: true,
    });
    contexts.push(context);
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await signInAs(page, t, server.url, { username, password });
  }

  /** The main menu's links (behind the menu button on a phone). */
  async function menuLinks(): Promise<string[]> {
    if (phone) await page.getByRole('button', { name: t('nav.menu') }).click();
    const links = await page
      .getByRole('navigation', { name: t('nav.label') })
      .getByRole('link')
      .allTextContents();
    if (phone) await page.getByRole('button', { name: t('nav.menu') }).click();
    return links;
  }

  async function openMenu(label: string) {
    if (phone) await page.getByRole('button', { name: t('nav.menu') }).click();
    await page
      .getByRole('navigation', { name: t('nav.label') })
      .getByRole('link', { name: label, exact: true })
      .click();
  }

  /**
   * The dashboard for 2023, its figures loaded: one report asked for each year shown (last year's, the default,
   * then 2023's), the four years before 2023 only when the comparison is opened.
   */
  async function openDashboard2023() {
    const years: string[] = [];
    const count = (request: { url(): string }) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/v1/reports/annual') years.push(url.searchParams.get('year')!);
    };
    page.on('request', count);
    await openMenu(t('nav.statistics'));
    await page.getByRole('heading', { name: s('title'), level: 1 }).waitFor();
    const lastYear = String(new Date().getFullYear() - 1);
    await expect.poll(() => years).toEqual([lastYear]);
    await page.getByLabel(s('year')).selectOption('2023');
    await page.getByRole('list', { name: s('headline', { year: 2023 }) }).waitFor();
    await page.getByRole('table', { name: s('table_caption', { title: s('section.compensation'), year: 2023 }) }).waitFor();
    expect(years).toEqual([lastYear, '2023']);
    await page.getByRole('button', { name: s('years.show', { from: 2019, to: 2023 }) }).click();
    await page.getByRole('table', { name: s('years.caption') }).waitFor();
    expect(years.toSorted()).toEqual(['2019', '2020', '2021', '2022', '2023', lastYear]);
    page.off('request', count);
  }

  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  it('shows the coordinator the 2023 figures, the records behind one, the CSV, and the administration screens', async () => {
    await signIn('demo.coordinator', passwords.get('demo.coordinator')!);
    expect(await menuLinks()).toEqual(expect.arrayContaining([t('nav.statistics'), t('nav.admin')]));
    await openDashboard2023();
    const headline = page.getByRole('list', { name: s('headline', { year: 2023 }) });
    // The figure's link: its visible number, then hidden words naming the figure for a screen reader.
    const identified = headline.locator('a[href="/statistics/trace?year=2023&figure=victims_identified.total"]');
    await expect
      .poll(() => identified.textContent(), { timeout: 60_000 })
      .toBe(`${number(IDENTIFIED_2023)}${s('trace.link_hidden', { figure: s('figure.identified') })}`);
    await page.getByRole('table', { name: s('table_caption', { title: s('section.forms'), year: 2023 }) }).waitFor();
    // Prosecutions and compensation, from the same report, in the same number formatting.
    const prosecution = page.getByRole('table', { name: s('table_caption', { title: s('section.prosecution'), year: 2023 }) });
    await prosecution
      .getByRole('row', { name: new RegExp(`^${s('figure.investigations')}`) })
      .getByText(number(JUSTICE_2023.investigations_new.total))
      .waitFor();
    await prosecution
      .getByRole('row', { name: new RegExp(`^${s('figure.convicted')}`) })
      .getByText(number(JUSTICE_2023.traffickers_convicted.total))
      .waitFor();
    const compensation = page.getByRole('table', { name: s('table_caption', { title: s('section.compensation'), year: 2023 }) });
    await compensation
      .getByRole('row', { name: new RegExp(`^${s('figure.compensated')}`) })
      .getByText(number(JUSTICE_2023.compensation_court_orders.victims))
      .waitFor();
    const moralRon = new Intl.NumberFormat(language, { style: 'currency', currency: 'RON' }).format(
      JUSTICE_2023.compensation_court_orders.moral_damages['RON']!,
    );
    await compensation
      .getByRole('row', { name: new RegExp(`^${s('figure.damages', { type: s('damage.moral'), currency: 'RON' })}`) })
      .getByText(moralRon)
      .waitFor();
    await check('statistics');

    // The CSV the API computes, with the same number.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: s('export.csv') }).click()]);
    expect(download.suggestedFilename()).toBe('opennrm-annual-report-2023.csv');
    await download.saveAs(`${ARTIFACTS}${name}-report-2023.csv`);
    const csv = await readFile(`${ARTIFACTS}${name}-report-2023.csv`, 'utf8');
    expect(csv.split('\n')).toContain(`victims_identified.total,${IDENTIFIED_2023}`);

    // The figure's trace: its rule and exactly the records it counts.
    await identified.click();
    await page.getByRole('heading', { name: s('trace.title', { year: 2023 }), level: 1 }).waitFor();
    await page.getByRole('heading', { name: s('trace.role.counted', { count: IDENTIFIED_2023 }) }).waitFor();
    const rows = page.getByRole('table', { name: s('trace.shown', { count: IDENTIFIED_2023, shown: 100 }) }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(101);
    expect(await rows.nth(1).textContent()).toMatch(/DEMO-NRM-/);
    await check('trace');
    await page.getByRole('button', { name: s('trace.show_more', { count: 100 }) }).click();
    await page.getByRole('table', { name: s('trace.shown', { count: IDENTIFIED_2023, shown: 200 }) }).waitFor();
    await page.getByRole('link', { name: s('trace.back', { year: 2023 }) }).click();
    await page.getByRole('heading', { name: s('title'), level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('year')).toBe('2023');

    // Administration: organisations, roles and profile; accounts are the administrators'.
    await openMenu(t('nav.admin'));
    await page.getByRole('heading', { name: a('title'), level: 1 }).waitFor();
    const tabs = page.getByRole('tablist', { name: a('tabs_label') });
    expect(await tabs.getByRole('tab').allTextContents()).toEqual([a('tab.organisations'), a('tab.roles'), a('tab.profile')]);
    await page
      .getByRole('cell', { name: 'DGASPC-CJ', exact: true })
      .or(page.getByRole('rowheader', { name: 'DGASPC-CJ', exact: true }))
      .waitFor();
    await check('admin-organisations');
    await tabs.getByRole('tab', { name: a('tab.roles') }).click();
    await page.getByRole('button', { name: a('role.coordinator.name') }).click();
    await page.getByText('coordinator.report_traces', { exact: false }).first().waitFor();
    await check('admin-roles');
    await tabs.getByRole('tab', { name: a('tab.profile') }).click();
    await page.getByRole('button', { name: a('profile.offences', { count: shippedProfile('romania').offences.length }) }).click();
    await page.getByRole('rowheader', { name: '210', exact: true }).waitFor();
    await check('admin-profile');
  });

  it('shows the analyst the figures without their records and without administration', async () => {
    await signIn('demo.analyst', passwords.get('demo.analyst')!);
    const links = await menuLinks();
    expect(links).toContain(t('nav.statistics'));
    expect(links).not.toContain(t('nav.admin'));
    await openDashboard2023();
    const headline = page.getByRole('list', { name: s('headline', { year: 2023 }) });
    await headline.getByText(number(IDENTIFIED_2023), { exact: true }).first().waitFor();
    expect(await headline.getByRole('link').count()).toBe(0);
    await check('analyst-statistics');
    await page.goto(`${server.url}/admin`);
    await page.getByText(a('not_for_role')).waitFor();
    await check('analyst-admin');
  });

  it('lets an administrator create an account, see its one-time password once, and deactivate it after confirming', async () => {
    const admin = await administrator();
    await signIn(admin.username, admin.password);
    await openMenu(t('nav.admin'));
    await page.getByRole('tab', { name: a('tab.users'), selected: true }).waitFor();
    await page.getByRole('table', { name: new RegExp(a('users.caption', { count: 9 }).replace(/\d+/, '\\d+')) }).waitFor();
    await check('admin-users');

    const username = `ui.${language}.${width}`;
    await page.getByRole('button', { name: a('users.new') }).click();
    const dialog = page.getByRole('dialog', { name: a('users.new') });
    await dialog.getByLabel(new RegExp(`^${a('users.username')}`)).fill(username);
    await dialog.getByLabel(a('users.display_name')).fill('Ioana Pop');
    await check('admin-new-account');
    await dialog.getByRole('button', { name: a('users.create') }).click();
    const shown = page.getByRole('dialog', { name: a('password.title', { username }) });
    const password = (await shown.getByTestId('one-time-password').textContent())!.trim();
    expect(password.length).toBeGreaterThanOrEqual(12);
    await check('admin-one-time-password');
    await shown.getByRole('button', { name: a('password.done') }).click();
    // Shown once: the list never carries it.
    await page.getByRole('rowheader', { name: new RegExp(`^${username.replace(/\./g, '\\.')}`) }).waitFor();
    expect(await page.getByText(password).count()).toBe(0);
    const created = (await new UsersRepository(server.nrm.db).list()).find((u) => u.username === username)!;
    expect(created).toMatchObject({ role: 'case_worker', must_change_password: true, disabled: false });

    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${username.replace(/\./g, '\\.')}`) }) });
    await row.getByRole('button', { name: `${a('users.deactivate')}${a('users.for', { username })}` }).click();
    const confirm = page.getByRole('dialog', { name: a('users.deactivate_title', { username }) });
    await check('admin-deactivate');
    await confirm.getByRole('button', { name: a('users.deactivate') }).click();
    await row.getByText(a('users.deactivated'), { exact: true }).waitFor();
    expect((await new UsersRepository(server.nrm.db).findById(created.id))!.disabled).toBe(true);
  });

  it('has no serious accessibility finding and no Content-Security-Policy violation on any screen', () => {
    expect(findings).toEqual({});
    expect(cspViolations).toEqual([]);
  });
});
