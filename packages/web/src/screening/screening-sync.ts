import type { ScreeningSubmissionInput } from '@opennrm/domain';
import { api, setCsrfToken, type ApiErrorBody } from '../api/client.ts';
import { answersForSet } from './screening-steps.ts';
import { listDeviceScreenings, updateDeviceScreening, type DeviceScreening, type ScreeningDraft } from './device-screenings.ts';

/**
 * Sends finished screenings from this device to the server
 * (PUT /api/v1/screenings/:id; docs/web.md "Offline screening").
 *
 * - The id is the client's UUID and each finished revision is stored with its
 *   exact body, so a retry after a lost answer is a replay the server answers
 *   200 without storing twice (idempotent), never a second screening.
 * - Network failures and 5xx/429 retry with exponential backoff (5 s doubling
 *   up to 5 minutes), at once when the browser comes back online, and when
 *   the page becomes visible again.
 * - 401/403: the session ended; the revision waits, untouched, for sign-in.
 * - 400/409: the server refused the content (a field, or a conflict with a
 *   revision it holds); the screening stays on the device as typed and the
 *   responder sees the server's reason. Nothing typed is ever discarded.
 */

/** 403s that mean the session cannot send yet (docs/sign-in.md), not that the content is refused. */
const SESSION_NOT_READY = new Set(['OPENNRM_PASSWORD_CHANGE_REQUIRED', 'OPENNRM_TOTP_ENROLMENT_REQUIRED']);

const FIRST_RETRY_MS = 5_000;
const LAST_RETRY_MS = 5 * 60_000;

/** The body of a finished revision, as the API takes it (domain screeningSubmissionSchema). */
export function submissionOf(draft: ScreeningDraft, revision: number, recordedAt: string): ScreeningSubmissionInput {
  const { subject } = draft;
  return {
    revision,
    recorded_at: recordedAt,
    county: draft.county ?? '',
    context: draft.context ?? '',
    subject: {
      age_years: subject.age_years,
      ...(subject.age_group ? { age_group: subject.age_group } : {}),
      sex: subject.sex,
      citizenships: subject.citizenships,
    },
    exploitation: draft.exploitation ?? 'labour',
    answers: answersForSet(draft),
    ...(draft.notes.trim() ? { notes: draft.notes } : {}),
  };
}

/** Queues the draft as the next revision for the server and tries to send it at once. */
export async function finishRevision(id: string): Promise<DeviceScreening | undefined> {
  const queued = await updateDeviceScreening(id, (s) => {
    const revision = s.revision + 1;
    return {
      ...s,
      revision,
      outbox: submissionOf(s.draft, revision, new Date().toISOString()),
      edited_since_revision: false,
      sync: { state: 'waiting', attempts: 0, next_attempt_at: null, last_error: null },
    };
  });
  if (queued) void syncScreenings(queued.owner);
  return queued;
}

/** What the last pass found: the session is gone, so the user must sign in for sending to go on. */
export type SyncPass = { sent: number; waiting: number; needs_sign_in: boolean };

let pass: Promise<SyncPass> | null = null;

/** Sends every due revision of the owner's screenings; one pass at a time. */
export function syncScreenings(owner: string, force = false): Promise<SyncPass> {
  pass ??= runPass(owner, force).finally(() => {
    pass = null;
  });
  return pass;
}

async function runPass(owner: string, force: boolean): Promise<SyncPass> {
  const result: SyncPass = { sent: 0, waiting: 0, needs_sign_in: false };
  for (const screening of await listDeviceScreenings(owner)) {
    const { outbox, sync } = screening;
    if (!outbox || screening.sent_revision >= outbox.revision || sync?.state !== 'waiting') continue;
    if (!force && sync.next_attempt_at !== null && sync.next_attempt_at > Date.now()) {
      result.waiting++;
      continue;
    }
    const outcome = await send(screening.id, outbox);
    if (outcome === 'sent') result.sent++;
    else result.waiting++;
    if (outcome === 'needs_sign_in') {
      result.needs_sign_in = true;
      break;
    }
  }
  scheduleNextPass(owner);
  return result;
}

async function send(id: string, outbox: ScreeningSubmissionInput): Promise<'sent' | 'retry' | 'refused' | 'needs_sign_in'> {
  let response: Response;
  let error: ApiErrorBody | undefined;
  try {
    const answer = await api.PUT('/api/v1/screenings/{id}', { params: { path: { id } }, body: outbox as never });
    response = answer.response;
    error = answer.error as ApiErrorBody | undefined;
  } catch (failure) {
    await retryLater(id, outbox.revision, failure instanceof Error ? failure.message : String(failure));
    return 'retry';
  }
  if (response.ok) {
    await updateDeviceScreening(id, (s) =>
      s.revision === outbox.revision
        ? { ...s, sent_revision: outbox.revision, sync: { state: 'sent', at: new Date().toISOString() } }
        : { ...s, sent_revision: Math.max(s.sent_revision, outbox.revision) },
    );
    return 'sent';
  }
  const body = error ?? { code: `HTTP_${response.status}`, message: response.statusText };
  if (response.status === 401 || SESSION_NOT_READY.has(body.code)) {
    await retryLater(id, outbox.revision, body.code);
    return 'needs_sign_in';
  }
  if (body.code === 'OPENNRM_CSRF_TOKEN_INVALID') {
    setCsrfToken(null);
    await retryLater(id, outbox.revision, body.code);
    return 'retry';
  }
  if (response.status === 400 || response.status === 403 || response.status === 409) {
    await updateDeviceScreening(id, (s) =>
      s.revision === outbox.revision
        ? {
            ...s,
            sync: {
              state: 'refused',
              status: response.status,
              code: body.code,
              message: body.message,
              // The API's error body carries the rule beside the message (docs/errors.md, "Reasons").
              rule: (body as ApiErrorBody).rule,
              params: (body as ApiErrorBody).params,
              fields: body.fields ?? [],
            },
          }
        : s,
    );
    return 'refused';
  }
  await retryLater(id, outbox.revision, body.code);
  return 'retry';
}

function retryLater(id: string, revision: number, reason: string) {
  return updateDeviceScreening(id, (s) => {
    if (s.revision !== revision || s.sync?.state !== 'waiting') return s;
    const attempts = s.sync.attempts + 1;
    const delay = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LAST_RETRY_MS);
    return { ...s, sync: { state: 'waiting', attempts, next_attempt_at: Date.now() + delay, last_error: reason } };
  });
}

let timer: ReturnType<typeof setTimeout> | null = null;

function scheduleNextPass(owner: string): void {
  if (timer) clearTimeout(timer);
  void listDeviceScreenings(owner).then((screenings) => {
    const due = screenings
      .filter((s) => s.sync?.state === 'waiting' && s.sent_revision < s.revision)
      .map((s) => (s.sync?.state === 'waiting' ? (s.sync.next_attempt_at ?? Date.now()) : Infinity));
    if (due.length === 0) return;
    timer = setTimeout(() => void syncScreenings(owner), Math.max(0, Math.min(...due) - Date.now()));
  });
}

/**
 * Keeps sending while the app is open: now, whenever the browser reports it
 * is online again, and when the tab becomes visible. Returns a stop function.
 */
export function keepScreeningsSynced(owner: string): () => void {
  const now = () => void syncScreenings(owner, true);
  const visible = () => {
    if (document.visibilityState === 'visible') now();
  };
  window.addEventListener('online', now);
  document.addEventListener('visibilitychange', visible);
  now();
  return () => {
    window.removeEventListener('online', now);
    document.removeEventListener('visibilitychange', visible);
    if (timer) clearTimeout(timer);
  };
}
