import { CronExpressionParser } from 'cron-parser';
import { createTransport } from 'nodemailer';

/** Sends one plain-text message; throws when the SMTP server does not accept it. */
export interface ReminderMailer {
  readonly from: string;
  send(message: { to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

/** How reminders run, from the environment (README, "Configuration"). */
export interface ReminderSettings {
  /** When the daily job runs: a cron expression in the profile's time zone. */
  cron: string;
  /** null: e-mail is off and reminders are in-app only. */
  mailer: ReminderMailer | null;
  /** The web application's address for links in e-mails; null: the e-mail says where to look instead. */
  public_url: string | null;
}

/** 06:00 every day: before the working day, so a reminder is waiting when the prosecutor starts. */
export const DEFAULT_REMINDER_CRON = '0 6 * * *';

/** A setting that cannot work; `setting` names the variable. */
export class ReminderSettingsError extends Error {
  readonly setting: string;
  constructor(setting: string, message: string) {
    super(`${setting}: ${message}`);
    this.name = 'ReminderSettingsError';
    this.setting = setting;
  }
}

/**
 * A nodemailer SMTP transport for `smtpUrl` (smtp://host:port, smtps://user:password@host:465;
 * nodemailer's URL form, https://nodemailer.com/smtp/).
 */
export function smtpMailer(smtpUrl: string, from: string): ReminderMailer {
  const transport = createTransport(smtpUrl);
  return {
    from,
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}

/** The SMTP server of a URL as logs may show it: host and port, never the credentials. */
export function smtpServerName(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.host}`;
}

/**
 * Reads OPENNRM_REMINDER_CRON, OPENNRM_SMTP_URL, OPENNRM_MAIL_FROM and
 * OPENNRM_PUBLIC_URL. E-mail is on only when OPENNRM_SMTP_URL is set.
 *
 * @throws ReminderSettingsError naming the variable: an SMTP URL that is not
 *   smtp:// or smtps://, OPENNRM_SMTP_URL without OPENNRM_MAIL_FROM, a public
 *   URL that is not http(s), a cron expression cron-parser refuses.
 */
export function reminderSettingsFromEnv(env: NodeJS.ProcessEnv): ReminderSettings {
  const cron = env.OPENNRM_REMINDER_CRON?.trim() || DEFAULT_REMINDER_CRON;
  try {
    CronExpressionParser.parse(cron);
  } catch (error) {
    throw new ReminderSettingsError(
      'OPENNRM_REMINDER_CRON',
      `"${cron}" is not a cron expression like "0 6 * * *" (minute hour day month weekday): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const publicUrl = env.OPENNRM_PUBLIC_URL?.trim() || null;
  if (publicUrl !== null && !/^https?:\/\/[^\s/]+/.test(publicUrl))
    throw new ReminderSettingsError('OPENNRM_PUBLIC_URL', `the web application's address, like https://nrm.example.ro, got "${publicUrl}"`);
  const smtpUrl = env.OPENNRM_SMTP_URL?.trim() || null;
  if (smtpUrl === null) return { cron, mailer: null, public_url: publicUrl };
  let protocol: string;
  try {
    protocol = new URL(smtpUrl).protocol;
  } catch {
    throw new ReminderSettingsError('OPENNRM_SMTP_URL', 'not a URL; write smtp://host:port or smtps://user:password@host:465');
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:')
    throw new ReminderSettingsError('OPENNRM_SMTP_URL', `must start with smtp:// or smtps://, got ${protocol}//`);
  const from = env.OPENNRM_MAIL_FROM?.trim();
  if (!from) throw new ReminderSettingsError('OPENNRM_MAIL_FROM', 'the sender address is required when OPENNRM_SMTP_URL is set');
  return { cron, mailer: smtpMailer(smtpUrl, from), public_url: publicUrl };
}
