import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { shippedInstrument, shippedProfile, type Answer } from '@opennrm/domain';
import { launchChromium, screenshot, seriousAxeFindings } from './support/browser.ts';
import { apiToken, signIn } from './support/sign-in.ts';
import { questionText, translator } from './support/translations.ts';
import { startWebServer, type WebServer } from './support/web-server.ts';

/**
 * Issue 4, Done when: "A browser test fills a screening offline, reloads the
 * page, reconnects and finds exactly one screening on the server with every
 * answer." A border police officer signs in, loses the network, screens an
 * adult for labour exploitation (reloading the page twice on the way: once
 * half-way through the questions, once after finishing), reconnects, and the
 * server holds exactly one screening with every answer. On a 360 px phone
 * (one question a step) and a 1280 px desktop (a dimension a step), in
 * Romanian and English; axe-core on every screen; screenshots kept.
 */

const INSTRUMENT = shippedInstrument(shippedProfile('romania').screening_instrument);
const ADULT_LABOUR = INSTRUMENT.sets.find((s) => s.code === 'adult_labour')!;
const QUESTIONS = [
  ...INSTRUMENT.act_questions.map((q) => ({ id: q.id, key: q.question.key, en: q.question.en })),
  ...ADULT_LABOUR.indicators.map((i) => ({ id: i.id, key: i.question.key, en: i.question.en })),
];
/** A fixed mix of yes, no and don't know, so every answer's value is checked, not only its presence. */
const ANSWER_OF = (index: number): Answer => (['yes', 'no', 'unknown'] as const)[index % 3]!;
const NOTES = 'Met at Nădlac II; works 14 hours a day, employer keeps the passport.';

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each([
  { language: 'ro', width: 360, height: 740 },
  { language: 'en', width: 1280, height: 900 },
  { language: 'en', width: 360, height: 740 },
  { language: 'ro', width: 1280, height: 900 },
])('offline screening in $language at $width px', ({ language, width, height }) => {
  const t = translator(language);
  const question = questionText(language);
  const name = `${language}-${width}`;
  let context: BrowserContext;
  let page: Page;
  const findings: Record<string, unknown[]> = {};
  const cspViolations: string[] = [];

  async function check(screen: string) {
    await screenshot(page, `${name}-${screen}`);
    const found = await seriousAxeFindings(page);
    if (found.length > 0) findings[screen] = found;
  }

  afterAll(async () => {
    await context?.close();
  });

  it('signs in, screens with no network across reloads, and sends exactly one screening with every answer on reconnecting', async () => {
    const officer = await server.account('front_line_responder', 'IGPF');
    context = await browser.newContext({ viewport: { width, height }, locale: language === 'ro' ? 'ro-RO' : 'en-GB' });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
    });

    // Sign in (the browser's language picks the app's).
    await signIn(page, t, server.url, officer, () => check('sign-in'));
    await check('my-work');

    // The service worker has precached the app shell before the network goes.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);

    await context.setOffline(true);
    await page.getByText(t('network.offline')).waitFor();
    await page
      .getByRole('main')
      .getByRole('link', { name: t('screenings.new') })
      .click();
    await page.getByRole('heading', { name: t('screening.steps.where') }).waitFor();
    // The screening's own address (/screenings/<id>) once it is kept on the device: reloads come back to it.
    await page.waitForURL(/\/screenings\/[^/?]+$/);
    const screeningUrl = page.url();
    await check('where');

    // "Next" refused: the keyboard moves to the problem summary (GOV.UK's error summary), which names both problems;
    // its link to the county takes the keyboard to that field.
    await page.getByRole('button', { name: t('common.next') }).click();
    const summary = page.getByRole('alert').filter({ hasText: t('screening.problem_summary') });
    await summary.waitFor();
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement), { timeout: 10_000 }).toBe(true);
    expect(await summary.getByRole('link').allTextContents()).toEqual([t('screening.required.context'), t('screening.required.county')]);
    await check('where-problems');
    await summary.getByRole('link', { name: t('screening.required.county') }).click();
    await expect
      .poll(() => page.getByLabel(t('screening.county')).evaluate((el) => el === document.activeElement), { timeout: 10_000 })
      .toBe(true);
    await page.getByLabel(t('context.border')).check();
    await page.getByLabel(t('screening.county')).selectOption('RO-AR');
    await page.getByRole('button', { name: t('common.next') }).click();

    await page.getByRole('heading', { name: t('screening.steps.person') }).waitFor();
    await page.getByLabel(t('screening.age_years')).fill('34');
    await page.getByLabel(t('sex.female')).check();
    await check('person');
    await page.getByRole('button', { name: t('common.next') }).click();

    await page.getByRole('heading', { name: t('screening.steps.form') }).waitFor();
    await page.getByLabel(t('exploitation.labour')).check();
    await check('form');
    await page.getByRole('button', { name: t('common.next') }).click();

    // Form chosen, no question answered yet: the list says the screening is not finished, never "no indicators".
    await page.locator('[data-question]').first().waitFor();
    await page.getByText(t('sync.saved_on_device'), { exact: true }).waitFor();
    await page.goto(`${server.url}/screenings`);
    await page.getByRole('heading', { name: t('screenings.title') }).waitFor();
    await page.getByText(t('screenings.not_finished'), { exact: false }).waitFor();
    expect(await page.getByText(t('result.outcome.no_indicators'), { exact: false }).count()).toBe(0);
    await check('list-draft');
    await page.goto(screeningUrl);

    // The questions: one a step on a phone, a dimension a step on a desktop.
    const answered = new Set<string>();
    let reloaded = false;
    let checkedQuestions = false;
    while (answered.size < QUESTIONS.length) {
      const groups = page.locator('[data-question]');
      await groups.first().waitFor();
      const ids = await groups.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-question')!));
      if (width === 360) expect(ids).toHaveLength(1);
      for (const id of ids) {
        const index = QUESTIONS.findIndex((q) => q.id === id);
        const q = QUESTIONS[index]!;
        const group = page.locator(`[data-question="${id}"]`);
        await group.getByText(question(q.key, q.en), { exact: true }).waitFor();
        await group.getByLabel(t(`answer.${ANSWER_OF(index)}`), { exact: true }).check();
        answered.add(id);
      }
      if (!checkedQuestions) {
        await check('questions');
        checkedQuestions = true;
      }
      if (!reloaded && answered.size >= QUESTIONS.length / 2) {
        // Half-way, offline: once the device says the last answer is saved, the page reloads from the service
        // worker and comes back to this step with every answer.
        await page.getByText(t('sync.saved_on_device'), { exact: true }).waitFor();
        reloaded = true;
        await page.reload();
        const last = ids.at(-1)!;
        await page.locator(`[data-question="${last}"]`).waitFor();
        const index = QUESTIONS.findIndex((q) => q.id === last);
        expect(
          await page
            .locator(`[data-question="${last}"]`)
            .getByLabel(t(`answer.${ANSWER_OF(index)}`), { exact: true })
            .isChecked(),
        ).toBe(true);
        await page.getByText(t('network.offline')).waitFor();
      }
      await page.getByRole('button', { name: t('common.next') }).click();
    }

    await page.getByRole('heading', { name: t('screening.steps.notes') }).waitFor();
    await page.getByRole('textbox', { name: t('screening.notes') }).fill(NOTES);
    await page.getByRole('button', { name: t('common.next') }).click();

    // The result is computed in the browser before anything is sent.
    await page.getByRole('heading', { name: t('screening.steps.review') }).waitFor();
    await page.getByText(t('result.palermo_title')).waitFor();
    await check('result');
    await page.getByRole('button', { name: t('screening.finish') }).click();
    await page.getByText(t('sync.state.waiting'), { exact: true }).waitFor();

    // Reload offline: the finished screening is still there, waiting.
    await page.reload();
    await page.getByText(t('sync.state.waiting'), { exact: true }).waitFor();
    expect(page.url()).toBe(screeningUrl);
    await check('waiting-offline');

    // Reconnect: it is sent without anyone pressing anything.
    await context.setOffline(false);
    await page.getByText(t('sync.state.sent'), { exact: true }).waitFor({ timeout: 60_000 });
    await check('sent');

    // Finished, the list gives its result instead.
    await page.goto(`${server.url}/screenings`);
    await page.getByText(t('sync.state.sent'), { exact: true }).waitFor();
    expect(await page.getByText(t('screenings.not_finished'), { exact: false }).count()).toBe(0);
    const outcomes = ['no_indicators', 'potential_victim', 'presumed_victim'].map((o) => t(`result.outcome.${o}`));
    await page.getByText(new RegExp(outcomes.join('|'))).waitFor();

    // Exactly one screening on the server, with every answer as given.
    const token = await apiToken(server.url, officer);
    const listed = await fetch(`${server.url}/api/v1/screenings?recorded_by_user_id=${officer.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(listed.status).toBe(200);
    const page1 = (await listed.json()) as {
      total: number;
      items: {
        id: string;
        revision: number;
        answers: Record<string, string>;
        notes: string | null;
        county: string;
        context: string;
        subject: { age_years: number | null; sex: string };
      }[];
    };
    expect(page1.total).toBe(1);
    const [stored] = page1.items;
    expect(screeningUrl.endsWith(`/screenings/${stored!.id}`)).toBe(true);
    expect(stored).toMatchObject({
      revision: 1,
      county: 'RO-AR',
      context: 'border',
      notes: NOTES,
      subject: { age_years: 34, sex: 'female' },
    });
    expect(stored!.answers).toEqual(Object.fromEntries(QUESTIONS.map((q, i) => [q.id, ANSWER_OF(i)])));

    expect(findings).toEqual({});
    expect(cspViolations).toEqual([]);
  });
});
