import { z } from 'zod';
import { ROLES, problem, problemText } from '@opennrm/domain';
import { patterned } from '../http/common.schemas.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords.ts';

export const userSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    display_name: z.string(),
    role: z.enum(ROLES),
    organisation_id: z.uuid().nullable(),
    organisation_code: z.string().nullable(),
    must_change_password: z.boolean().describe('true until the one-time password is changed; other routes answer 403 until then'),
    disabled: z.boolean(),
    created_at: z.iso.datetime(),
    last_sign_in_at: z.iso.datetime().nullable(),
  })
  .meta({ id: 'User' });

export const signInBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const sessionSchema = z.object({
  token: z
    .string()
    .describe('session token; send as "Authorization: Bearer <token>" (the same value is set as the opennrm_session cookie)'),
  expires_at: z.iso.datetime().describe('absolute end of the session'),
  idle_timeout_minutes: z.number().int().describe('the session ends after this many minutes without a request'),
  user: userSchema,
});

export const changePasswordBody = z
  .object({
    current_password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    new_password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
      .max(PASSWORD_MAX_LENGTH, `at most ${PASSWORD_MAX_LENGTH} characters`),
  })
  .refine((b) => b.current_password !== b.new_password, {
    path: ['new_password'],
    message: problemText(problem('password_must_change')),
    params: problem('password_must_change'),
  });

export const signedInSchema = sessionSchema
  .extend({
    totp_required: z.literal(false),
    csrf_token: z.string().describe('send as the X-CSRF-Token header with state-changing requests that use the session cookie'),
  })
  .meta({ id: 'SignedIn' });

export const totpChallengeSchema = z
  .object({
    totp_required: z.literal(true),
    challenge: z.string().describe('send with the code to POST /api/v1/auth/totp/verify'),
    expires_at: z.iso.datetime().describe('the challenge ends 5 minutes after the password was checked'),
  })
  .meta({ id: 'TotpChallenge' });

export const signInResultSchema = z.union([signedInSchema, totpChallengeSchema]);

const totpCode = patterned(/^\d{6}$/, problem('not_six_digits'));

export const totpVerifyBody = z.object({ challenge: z.string().min(20).max(128), code: totpCode });
export const totpConfirmBody = z.object({ code: totpCode });

export const totpEnrolmentSchema = z.object({
  secret: z.string().describe('base32 shared secret (RFC 6238), shown only now: type it into an authenticator app or use the URI'),
  otpauth_uri: z.string().describe('otpauth://totp/... URI to show as a QR code'),
});

export const csrfTokenSchema = z.object({ csrf_token: z.string() });
