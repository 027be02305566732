import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { translator } from './translations.ts';

/** The app's strings in the language of the page (translator(language)). */
type Strings = ReturnType<typeof translator>;

/** A password field by its label: the label ends with the required marker (*), and the visibility toggle is labelled too. */
const passwordField = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}\\s*\\*?$`));

/** Opens the app at `url` and waits for the sign-in page (the browser's language picks the app's). */
async function openSignIn(page: Page, t: Strings, url: string): Promise<void> {
  await page.goto(url);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 30_000 }).toBe(t('sign_in.title'));
}

async function submitCredentials(page: Page, t: Strings, username: string, password: string): Promise<void> {
  await page.getByLabel(t('sign_in.username')).fill(username);
  await passwordField(page, t('sign_in.password')).fill(password);
  await page.getByRole('button', { name: t('sign_in.submit') }).click();
}

/**
 * Signs in through the sign-in page with an account's own password (docs/sign-in.md) and waits for "my work".
 * `onSignInPage` runs on the sign-in page before anything is typed (a test's screenshot and axe check).
 */
export async function signIn(
  page: Page,
  t: Strings,
  url: string,
  account: { username: string; password: string },
  onSignInPage?: () => Promise<void>,
): Promise<void> {
  await openSignIn(page, t, url);
  await onSignInPage?.();
  await submitCredentials(page, t, account.username, account.password);
  await page.getByRole('heading', { name: t('work.title') }).waitFor();
}

/**
 * A first sign-in, as a new user makes it: the one-time password the administrator (or the demo) printed, then the
 * forced change to `newPassword`, then "my work". `onChangePassword` runs on the change-password page before anything
 * is typed there.
 */
export async function signInFirstTime(
  page: Page,
  t: Strings,
  url: string,
  account: { username: string; oneTimePassword: string; newPassword: string },
  onChangePassword?: () => Promise<void>,
): Promise<void> {
  await openSignIn(page, t, url);
  await submitCredentials(page, t, account.username, account.oneTimePassword);
  await page.getByRole('heading', { name: t('sign_in.change_password'), level: 1 }).waitFor();
  await onChangePassword?.();
  await passwordField(page, t('sign_in.current_password')).fill(account.oneTimePassword);
  await passwordField(page, t('sign_in.new_password')).fill(account.newPassword);
  await page.getByRole('button', { name: t('sign_in.change_password') }).click();
  await page.getByRole('heading', { name: t('work.title') }).waitFor();
}

/**
 * A bearer token for the API (POST /api/v1/auth/sign-in), for a test's own requests beside the browser's.
 * @throws Error naming the account and the answer when the sign-in is refused (sign-ins are rate limited per address).
 */
export async function apiToken(url: string, account: { username: string; password: string }): Promise<string> {
  const answer = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  if (!answer.ok) throw new Error(`sign-in of ${account.username}: ${answer.status} ${await answer.text()}`);
  return ((await answer.json()) as { token: string }).token;
}
