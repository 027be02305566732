import { describe, expect, it } from 'vitest';
import { reminderSettingsFromEnv, smtpServerName } from '../../src/deadline-reminders/reminder-settings.ts';

describe('reminder settings from the environment', () => {
  it('turns e-mail off without OPENNRM_SMTP_URL and runs at 06:00 by default', () => {
    expect(reminderSettingsFromEnv({})).toEqual({ cron: '0 6 * * *', mailer: null, public_url: null });
  });

  it('turns e-mail on with an SMTP URL and a sender', () => {
    const settings = reminderSettingsFromEnv({
      OPENNRM_SMTP_URL: 'smtp://mail.anitp.test:25',
      OPENNRM_MAIL_FROM: 'OpenNRM <nrm@anitp.test>',
      OPENNRM_REMINDER_CRON: '30 7 * * 1-5',
      OPENNRM_PUBLIC_URL: 'https://nrm.anitp.test',
    });
    expect([settings.cron, settings.mailer?.from, settings.public_url]).toEqual([
      '30 7 * * 1-5',
      'OpenNRM <nrm@anitp.test>',
      'https://nrm.anitp.test',
    ]);
    settings.mailer?.close();
  });

  it('refuses what cannot work, naming the variable', () => {
    expect(() => reminderSettingsFromEnv({ OPENNRM_SMTP_URL: 'smtp://mail.anitp.test' })).toThrow(
      'OPENNRM_MAIL_FROM: the sender address is required when OPENNRM_SMTP_URL is set',
    );
    expect(() => reminderSettingsFromEnv({ OPENNRM_SMTP_URL: 'mail.anitp.test', OPENNRM_MAIL_FROM: 'a@b.test' })).toThrow(
      /^OPENNRM_SMTP_URL: not a URL/,
    );
    expect(() => reminderSettingsFromEnv({ OPENNRM_REMINDER_CRON: 'every day' })).toThrow(
      /^OPENNRM_REMINDER_CRON: "every day" is not a cron expression/,
    );
    expect(() => reminderSettingsFromEnv({ OPENNRM_PUBLIC_URL: 'nrm.anitp.test' })).toThrow(/^OPENNRM_PUBLIC_URL: /);
  });

  it('never shows the SMTP credentials', () => {
    expect(smtpServerName('smtps://nrm:s3cret@mail.anitp.test:465')).toBe('smtps://mail.anitp.test:465');
  });
});
