import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { shippedProfile } from '@opennrm/domain';
import { launchChromium, screenshot, seriousAxeFindings } from './support/browser.ts';
import { apiToken, signInFirstTime } from './support/sign-in.ts';
import { fieldLabel, refusalText, translator } from './support/translations.ts';
import { startWebServer, type WebServer } from './support/web-server.ts';
import { nameInLanguage } from '../src/proceedings/profile-names.ts';

/**
 * Issue 6, "Done when": the at-risk dashboard lists a case whose limitation
 * falls within 90 days; issue 5: the criminal case page for prosecutors. The
 * demo prosecutor (demo.prosecutor, DIICOT) signs in with the printed
 * one-time password, opens "Deadlines at risk" (90 days by default), sees
 * the cases soonest first exactly as the API orders them, opens the first
 * (the demo's open pre-2021 case whose limitation falls soonest) and finds the
 * same deadline explained with its article; then opens its own case, whose
 * trafficking offence of early 2019 reaches its limitation within 90 days,
 * reads the deadline with its article and legal source, and records a
 * pre-trial detention warrant for the suspect (first sent incomplete: the
 * problems are named and nothing typed is lost); the warrant's own deadline
 * then appears. Then the linked victim's second hearing, warned that they were
 * heard before; their restitution claim filed and the court's order of
 * 5,000.00 RON of moral damages recorded on the page, then a payment on it,
 * each first sent incomplete, and all listed. Each run opens its own case through the API, so the four
 * runs (Romanian and English, 360 and 1280 px) do not depend on one another
 * or on which at-risk cases the demo data plans. axe-core on every screen.
 */

const PROFILE = shippedProfile('romania');
// The offence's title as the page shows it: in the page's language, without the English gloss (profile title_i18n).
const offence210 = PROFILE.offences.find((o) => o.article === '210')!;
/** Days from today to the limitation's last day of each run's case: inside the dashboard's default 90 days. */
const DAYS_TO_LIMITATION = 40;

let server: WebServer;
let browser: Browser;
let prosecutorToken: string;
/** The coordinator opens the victim cases the criminal cases link (a prosecutor cannot). */
let coordinatorToken: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startWebServer().then(async (started) => {
      await started.loadDemo();
      return started;
    }),
    launchChromium(),
  ]);
  prosecutorToken = await apiToken(server.url, await server.account('prosecutor', 'DIICOT'));
  coordinatorToken = await apiToken(server.url, await server.account('coordinator', 'ANITP'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Today on the profile's calendar (the server computes deadlines on it), plus `days`. */
function day(days: number, years = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: PROFILE.annual_report.time_zone }).format(new Date());
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y! + years, m! - 1, d! + days)).toISOString().slice(0, 10);
}

async function api<T>(method: string, path: string, body?: unknown, token = prosecutorToken): Promise<T> {
  const answer = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as T;
}

/**
 * A DIICOT case with one suspect and an art. 210 trafficking offence committed
 * so that its 8-year limitation (max penalty 10 years, Criminal Code art. 154)
 * ends DAYS_TO_LIMITATION days from today: committed before 2021, so subject
 * to limitation, and before 30 May 2022, so no act interrupts it. One victim
 * is linked (a case the coordinator opens), already heard once 30 days ago,
 * with no compensation claim yet (the page files it).
 */
async function caseAtRisk(caseNumber: string): Promise<{ id: string; suspectId: string; committedOn: string; victimCaseId: string }> {
  // The day the offence was committed counts (art. 186): the term ends the day before the anniversary.
  const committedOn = day(DAYS_TO_LIMITATION + 1, -8);
  const person = await api<{ id: string }>('POST', '/persons', { sex: 'female', citizenships: ['RO'] }, coordinatorToken);
  const victimCase = await api<{ id: string }>(
    'POST',
    '/victim-cases',
    { person_id: person.id, case_number: `V-${caseNumber}`, nrm_status: 'identified', identified_on: day(-300), forms: ['sexual'] },
    coordinatorToken,
  );
  const created = await api<{ id: string; suspects: { id: string }[] }>('POST', '/criminal-cases', {
    case_number: caseNumber,
    opened_on: day(-400),
    investigating_organisation: 'DIICOT',
    offence_articles: ['210'],
    organised_crime_group: true,
    suspects: [{ sex: 'male', age: 41, citizenships: ['RO'], role: 'recruiter' }],
  });
  // The coordinator shares the victim case with the office (a prosecutor links only victim cases they may read).
  await api('PUT', `/victim-cases/${victimCase.id}/criminal-cases/${created.id}`, { role: 'injured_party' }, coordinatorToken);
  await api('POST', `/criminal-cases/${created.id}/offences`, {
    article: '210',
    committed_on: committedOn,
    suspect_id: created.suspects[0]!.id,
  });
  await api('POST', `/victim-cases/${victimCase.id}/hearings`, {
    status: 'held',
    held_on: day(-30),
    body_organisation: 'DIICOT',
    criminal_case_id: created.id,
    counsel_present: true,
  });
  return { id: created.id, suspectId: created.suspects[0]!.id, committedOn, victimCaseId: victimCase.id };
}

describe.each([
  { language: 'ro', width: 360, height: 740 },
  { language: 'en', width: 1280, height: 900 },
  { language: 'en', width: 360, height: 740 },
  { language: 'ro', width: 1280, height: 900 },
])('criminal case and deadlines in $language at $width px', ({ language, width, height }) => {
  const t = translator(language);
  const p = translator(language, 'proceedings');
  const name = `${language}-${width}-criminal-case`;
  const phone = width < 768;
  let context: BrowserContext;
  let page: Page;
  const findings: Record<string, unknown[]> = {};
  const cspViolations: string[] = [];

  async function check(screen: string) {
    await screenshot(page, `${name}-${screen}`);
    const found = await seriousAxeFindings(page);
    if (found.length > 0) findings[screen] = found;
  }

  async function openMenu(label: string) {
    if (phone) await page.getByRole('button', { name: t('nav.menu') }).click();
    await page
      .getByRole('navigation', { name: t('nav.label') })
      .getByRole('link', { name: label })
      .click();
  }

  afterAll(async () => {
    await context?.close();
  });

  it('lists the case at risk soonest first, shows its deadline with the article, records a warrant, a victim hearing, a claim, its court order and a payment', async () => {
    const caseNumber = `DEMO-RISK-${language}-${width}`;
    const atRisk = await caseAtRisk(caseNumber);
    context = await browser.newContext({ viewport: { width, height }, locale: language === 'ro' ? 'ro-RO' : 'en-GB' });
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
    });

    // The demo prosecutor's first sign-in, with the printed one-time password.
    await signInFirstTime(page, t, server.url, {
      username: 'demo.prosecutor',
      oneTimePassword: await server.oneTimePassword('demo.prosecutor'),
      newPassword: `a long new passphrase for the prosecutor ${name}`,
    });

    // The dashboard: 90 days by default, soonest first, as the server orders them.
    await openMenu(t('nav.deadlines'));
    await page.getByRole('heading', { name: p('at_risk.title'), level: 1 }).waitFor();
    await page.locator('main [data-case]').first().waitFor();
    const listed = await api<{
      items: {
        case_number: string;
        deadline: { due_on: string; kind: string; days_left: number; reason: { values: Record<string, unknown> } };
      }[];
    }>('GET', '/criminal-cases/at-risk?within_days=90');
    const rows = await page.locator('main [data-case]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-case')));
    expect(rows).toEqual(listed.items.map((i) => i.case_number));
    const dues = listed.items.map((i) => i.deadline.due_on);
    expect(dues).toEqual([...dues].sort());
    const mine = listed.items.find((i) => i.case_number === caseNumber)!;
    expect(mine.deadline).toMatchObject({ kind: 'limitation', due_on: day(DAYS_TO_LIMITATION) });
    // The soonest deadline is the first row (on the demo data, one of its open pre-2021 trafficking cases), with
    // its days left in words; it opens its case, where the same deadline is explained with its article.
    const left = (days: number) => (days === 0 ? p('deadlines.today') : p('deadlines.days_left', { count: days }));
    const first = listed.items[0]!;
    const firstRow = page.locator('main [data-case]').first();
    expect(await firstRow.getByRole('link').textContent()).toBe(first.case_number);
    await firstRow.getByText(left(first.deadline.days_left)).waitFor();
    await check('dashboard');
    await firstRow.getByRole('link').click();
    await page.getByRole('heading', { name: p('case.title', { number: first.case_number }), level: 1 }).waitFor();
    const soonest = page.locator(`[data-deadline="${first.deadline.kind}"]`).first();
    await soonest.getByText(left(first.deadline.days_left)).waitFor();
    if (first.deadline.kind === 'limitation')
      await soonest
        .getByText(new RegExp(`art\\. ${first.deadline.reason.values.article}\\b`))
        .first()
        .waitFor();
    await check('soonest-case');
    await page.goBack();
    await page.getByRole('heading', { name: p('at_risk.title'), level: 1 }).waitFor();
    await page.locator(`main [data-case="${caseNumber}"]`).waitFor();

    // 30 days: the case (40 days away) is no longer listed; back to 90.
    const within30 = p('length_days', { count: 30 });
    await page.getByText(within30, { exact: true }).click();
    await page.locator('main caption, main p').filter({ hasText: within30 }).first().waitFor();
    expect(await page.locator(`main [data-case="${caseNumber}"]`).count()).toBe(0);
    await check('dashboard-30-days');
    await page.getByText(p('length_days', { count: 90 }), { exact: true }).click();
    await page.locator(`main [data-case="${caseNumber}"]`).waitFor();

    await page.getByRole('link', { name: caseNumber, exact: true }).click();
    await page.getByRole('heading', { name: p('case.title', { number: caseNumber }), level: 1 }).waitFor();

    // A refusal only the server can make (an event before the case opened), in the page's language: the field by
    // its label and the day the case opened as a date of that language, never "body.occurred_on" or an ISO date;
    // the typed date stays in the form.
    const openedOn = day(-400);
    const eventForm = page.getByRole('form', { name: p('event_form.title') });
    await eventForm.getByLabel(p('event_form.kind')).selectOption('appeal_filed');
    await eventForm.getByLabel(p('event_form.occurred_on')).fill(day(-401));
    await eventForm.getByRole('button', { name: p('event_form.submit') }).click();
    const refusal = refusalText(language, 'date_before_case_opened', { date: openedOn });
    const refusedLine = eventForm.getByText(`${fieldLabel(language, 'occurred_on')}: ${refusal}`, { exact: true });
    await refusedLine.waitFor();
    await eventForm.getByText(refusal, { exact: true }).waitFor();
    expect(await eventForm.textContent()).not.toMatch(language === 'en' ? /body\.occurred_on/ : /body\.occurred_on|must not be before/);
    expect(await eventForm.getByLabel(p('event_form.occurred_on')).inputValue()).toBe(day(-401));
    await check('event-refused-by-server');

    // The case: its deadline, why it falls then, with the article and its legal source.
    const limitation = page.locator('[data-deadline="limitation"]');
    await limitation.getByText(p('deadlines.kind.limitation')).waitFor();
    await limitation.getByText(p('deadlines.days_left', { count: DAYS_TO_LIMITATION })).waitFor();
    const explanation = limitation.getByText(/art\. 210/).first();
    await explanation.waitFor();
    expect(await explanation.textContent()).toContain(p('length_years', { count: 8 }));
    // The source in the page's language, as the profile cites it there (source_i18n), never English marked lang="en".
    const source = limitation.getByText(
      language === 'ro' ? /Codul penal \(Legea 286\/2009\) art\. 154 alin\. \(1\)-\(2\)/ : /Criminal Code \(Law 286\/2009\) art\. 154/,
    );
    await source.waitFor();
    expect(await limitation.locator('[lang="en"]').count()).toBe(0);
    await limitation.getByText(p('deadlines.verify')).waitFor();
    await page
      .getByText(p('offences.article', { article: '210', title: nameInLanguage(offence210.title, offence210.title_i18n, language) }))
      .waitFor();
    await page.getByText(p('flags.organised_crime'), { exact: true }).waitFor();
    await check('case');

    // A warrant sent without its suspect and last day: both named, the event chosen stays chosen.
    const form = page.getByRole('form', { name: p('event_form.title') });
    await form.getByLabel(p('event_form.kind')).selectOption('pretrial_detention_warrant');
    await form.getByLabel(p('event_form.occurred_on')).fill(day(-2));
    await form.getByRole('button', { name: p('event_form.submit') }).click();
    await form.getByText(p('event_form.required_suspect')).waitFor();
    await form.getByText(p('event_form.required_end')).waitFor();
    // The keyboard lands on the first field to fix.
    await expect.poll(() => form.getByLabel(p('event_form.suspect')).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await form.getByLabel(p('event_form.kind')).inputValue()).toBe('pretrial_detention_warrant');
    expect(await form.getByLabel(p('event_form.occurred_on')).inputValue()).toBe(day(-2));
    await check('event-problems');
    await form.getByLabel(p('event_form.suspect')).selectOption({ label: p('suspects.name', { number: 1 }) });
    await form.getByLabel(p('event_form.ends_on')).fill(day(20));
    await form.getByLabel(p('event_form.note')).fill('Încheierea nr. 12/2026');
    await form.getByRole('button', { name: p('event_form.submit') }).click();
    await form.getByText(p('event_form.done', { event: p('event.pretrial_detention_warrant') })).waitFor();

    // The warrant is on the suspect's timeline and its last day among the deadlines.
    const warrant = page.locator('[data-deadline="pretrial_detention_warrant"]');
    await warrant.getByText(p('deadlines.days_left', { count: 20 })).waitFor();
    await page
      .locator('[data-event="pretrial_detention_warrant"]')
      .getByText(p('event_info.note', { note: 'Încheierea nr. 12/2026' }))
      .waitFor();
    await check('event-recorded');

    // The investigation moves on to the suspect (CPP art. 305(3)): sent without its date, the stage chosen stays.
    const stageForm = page.getByRole('form', { name: p('stage_form.title') });
    await stageForm.getByLabel(p('stage_form.stage')).selectOption('investigation_in_personam');
    await stageForm.getByRole('button', { name: p('stage_form.submit') }).click();
    await stageForm.getByText(p('stage_form.date_required')).waitFor();
    expect(await stageForm.getByLabel(p('stage_form.stage')).inputValue()).toBe('investigation_in_personam');
    await stageForm.getByLabel(p('stage_form.on')).fill(day(-1));
    await stageForm.getByRole('button', { name: p('stage_form.submit') }).click();
    await stageForm.getByText(p('stage_form.done', { stage: p('stage.investigation_in_personam') })).waitFor();
    await page.getByText(p('stages.current', { stage: p('stage.investigation_in_personam') })).waitFor();
    await check('stage-changed');

    const events = await api<{ kind: string; suspect_id: string; occurred_on: string; ends_on: string; note: string }[]>(
      'GET',
      `/criminal-cases/${atRisk.id}/events`,
    );
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'pretrial_detention_warrant',
        suspect_id: atRisk.suspectId,
        occurred_on: day(-2),
        ends_on: day(20),
        note: 'Încheierea nr. 12/2026',
      }),
    ]);

    // The victim, already heard once: the form says so before a second hearing. Sent without saying whether counsel
    // was present, the problem is named, the keyboard lands on it and nothing typed is lost.
    const victim = page.locator('[data-victim="1"]');
    await victim.getByText(p('victims.role.injured_party')).waitFor();
    await victim.getByText(p('hearings.summary', { count: 1, date: 'DATE' }).split('DATE')[0]!).waitFor();
    const hearingForm = page.getByRole('form', { name: p('hearing_form.title', { number: 1 }) });
    await hearingForm.getByText(p('hearing_form.heard_before', { count: 1, date: 'DATE' }).split('DATE')[0]!).waitFor();
    await hearingForm.getByLabel(p('hearing_form.held_on')).fill(day(-1));
    expect(await hearingForm.getByLabel(p('hearing_form.body')).inputValue()).toBe('DIICOT');
    await hearingForm.getByLabel(p('hearings.setting.video_link')).check();
    await hearingForm.getByRole('button', { name: p('hearing_form.submit') }).click();
    await hearingForm.getByText(p('hearing_form.required_counsel')).waitFor();
    await expect.poll(() => hearingForm.getByLabel(p('hearing_form.counsel')).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await hearingForm.getByLabel(p('hearing_form.held_on')).inputValue()).toBe(day(-1));
    expect(await hearingForm.getByLabel(p('hearings.setting.video_link')).isChecked()).toBe(true);
    await check('hearing-problems');
    await hearingForm.getByLabel(p('hearing_form.counsel')).selectOption('yes');
    await hearingForm.getByRole('button', { name: p('hearing_form.submit') }).click();
    // The server's warning: the victim was heard again, once before.
    await hearingForm.getByText(p('hearing_form.done_heard_again', { count: 1, date: 'DATE' }).split('DATE')[0]!).waitFor();
    await expect.poll(() => victim.locator('[data-hearing="held"]').count()).toBe(2);
    const heard = victim.locator('[data-hearing="held"]').last();
    await heard.getByText(p('hearings.settings', { settings: p('hearings.setting.video_link') })).waitFor();
    await heard.getByText(p('hearings.counsel_present')).waitFor();
    await victim.getByText(p('hearings.summary', { count: 2, date: 'DATE' }).split('DATE')[0]!).waitFor();
    await check('hearing-recorded');

    // A payment on the restitution claim: sent without its amount, the problem is named and the day stays.
    const money = (amount: number) =>
      `${new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount)} RON`;
    // The victim has no claim: filing restitution without its route names the problem, the day stays.
    await victim.getByText(p('compensation.no_claims')).waitFor();
    const claimForm = page.getByRole('form', { name: p('claim_form.title', { number: 1 }) });
    await claimForm.getByLabel(p('claim_form.filed_on')).fill(day(-200));
    await claimForm.getByRole('button', { name: p('claim_form.submit') }).click();
    await claimForm.getByText(p('claim_form.required_route')).waitFor();
    await expect.poll(() => claimForm.getByLabel(p('claim_form.route')).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await claimForm.getByLabel(p('claim_form.filed_on')).inputValue()).toBe(day(-200));
    await check('claim-problems');
    await claimForm.getByLabel(p('claim_form.route')).selectOption('restitution_in_criminal_case');
    await claimForm.getByRole('button', { name: p('claim_form.submit') }).click();
    await claimForm.getByText(p('claim_form.done')).waitFor();
    const claim = victim.locator('[data-claim="restitution_in_criminal_case"]');
    await claim.getByText(p('compensation.no_orders')).waitFor();

    // The court's order on it: sent without its damage type, the problem is named and the amount stays.
    const orderForm = page.getByRole('form', { name: p('order_form.title', { number: 1 }) });
    await orderForm.getByLabel(p('order_form.ordered_on')).fill(day(-20));
    await orderForm.getByLabel(p('order_form.amount')).fill('5000.00');
    await orderForm.getByRole('button', { name: p('order_form.submit') }).click();
    await orderForm.getByText(p('order_form.required_damage')).waitFor();
    await expect.poll(() => orderForm.getByLabel(p('order_form.damage_type')).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await orderForm.getByLabel(p('order_form.amount')).inputValue()).toBe('5000.00');
    expect(await orderForm.getByLabel(p('event_form.currency')).inputValue()).toBe('RON');
    await orderForm.getByLabel(p('order_form.damage_type')).selectOption('moral');
    await orderForm.getByRole('button', { name: p('order_form.submit') }).click();
    await orderForm.getByText(p('order_form.done')).waitFor();
    await claim.getByText(p('compensation.ordered', { type: p('compensation.damage.moral'), amount: money(5000) })).waitFor();
    await claim.getByText(p('compensation.no_payments')).waitFor();
    const paymentForm = page.getByRole('form', { name: p('payment_form.title', { number: 1 }) });
    await paymentForm.getByLabel(p('payment_form.paid_on')).fill(day(-1));
    await paymentForm.getByLabel(p('payment_form.payer')).selectOption('offender');
    await paymentForm.getByRole('button', { name: p('payment_form.submit') }).click();
    await paymentForm.getByText(p('payment_form.required_amount')).waitFor();
    await expect.poll(() => paymentForm.getByLabel(p('payment_form.amount')).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await paymentForm.getByLabel(p('payment_form.paid_on')).inputValue()).toBe(day(-1));
    expect(await paymentForm.getByLabel(p('event_form.currency')).inputValue()).toBe('RON');
    await paymentForm.getByLabel(p('payment_form.amount')).fill('1500.00');
    await paymentForm.getByRole('button', { name: p('payment_form.submit') }).click();
    await paymentForm.getByText(p('payment_form.done')).waitFor();
    await claim.locator('[data-payment="offender"]').getByText(money(1500), { exact: false }).waitFor();
    await claim.getByText(p('compensation.unpaid', { amount: money(3500) })).waitFor();
    await check('payment-recorded');

    const hearings = await api<{ items: { held_on: string; settings: string[]; counsel_present: boolean }[]; hearings_held: number }>(
      'GET',
      `/victim-cases/${atRisk.victimCaseId}/hearings`,
    );
    expect(hearings.hearings_held).toBe(2);
    expect(hearings.items.at(-1)).toMatchObject({ held_on: day(-1), settings: ['video_link'], counsel_present: true });
    const compensation = await api<{
      claims: {
        route: string;
        criminal_case_id: string | null;
        filed_on: string;
        status: string;
        orders: { ordered_on: string; damage_type: string; amount: string; currency: string }[];
        payments: { paid_on: string; amount: string; currency: string; payer: string }[];
      }[];
    }>('GET', `/victim-cases/${atRisk.victimCaseId}/compensation`);
    expect(compensation.claims).toEqual([
      expect.objectContaining({
        route: 'restitution_in_criminal_case',
        criminal_case_id: atRisk.id,
        filed_on: day(-200),
        status: 'ordered',
      }),
    ]);
    expect(compensation.claims[0]!.orders).toEqual([
      expect.objectContaining({ ordered_on: day(-20), damage_type: 'moral', amount: '5000.00', currency: 'RON' }),
    ]);
    expect(compensation.claims[0]!.payments).toEqual([
      expect.objectContaining({ paid_on: day(-1), amount: '1500.00', currency: 'RON', payer: 'offender' }),
    ]);

    // The list of the prosecutor's criminal cases.
    await openMenu(t('nav.criminal_cases'));
    await page.getByRole('heading', { name: p('list.title'), level: 1 }).waitFor();
    await page.locator('table').first().waitFor();
    await check('list');

    expect(findings).toEqual({});
    expect(cspViolations).toEqual([]);
  });
});
