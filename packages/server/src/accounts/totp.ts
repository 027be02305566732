import { generate, generateSecret, generateURI, verify } from 'otplib';

/**
 * TOTP, RFC 6238 with the parameters every authenticator app supports:
 * HMAC-SHA-1, 6 digits, 30-second steps, a 160-bit secret (RFC 4226 §4
 * recommends at least 160 bits). A code is accepted one step either side of
 * now for clock drift (RFC 6238 §5.2, "at most one time step").
 */
export const TOTP_PERIOD_SECONDS = 30;
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

/** A new shared secret, base32 (RFC 4648), 160 bits. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI an authenticator app reads from a QR code (Key Uri Format of Google Authenticator). */
export function totpUri(issuer: string, username: string, secret: string): string {
  return generateURI({ issuer, label: username, secret });
}

/** The current code (tests and the CLI use it; the server never sends codes). */
export function totpCode(secret: string, at: Date = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/**
 * Checks a code.
 * @param afterTimeStep the last accepted time step of this secret: codes of that
 *   step or earlier are refused, so a code works once (RFC 6238 §5.2: "the verifier
 *   MUST NOT accept the second attempt of the OTP after the successful validation").
 * @returns the time step the code belongs to, or null when it is wrong, stale or replayed.
 */
export async function checkTotp(secret: string, code: string, afterTimeStep: number | null, at: Date = new Date()): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(at.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
