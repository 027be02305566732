import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Answer, ExploitationType, ScreeningSubmissionInput, SubjectAgeGroup } from '@opennrm/domain';

/**
 * Screenings kept on this device (IndexedDB, via idb): every answer is written
 * here the moment it is given, so a lost network, a reload, a closed tab or
 * an expired session loses nothing (issue 4, point 6; docs/web.md, "Offline
 * screening"). A screening is sent to the server from here (screening-sync.ts)
 * and stays until it is sent; sent ones stay as the device's record of work.
 */

/** What the form holds while the responder fills it in; fields are empty until answered. */
export interface ScreeningDraft {
  county: string | null;
  context: string | null;
  subject: {
    age_years: number | null;
    age_group: SubjectAgeGroup | null;
    sex: 'female' | 'male' | 'other' | 'unknown';
    citizenships: string[];
  };
  exploitation: ExploitationType | null;
  answers: Record<string, Answer>;
  notes: string;
}

/** Where a finished revision is in its journey to the server. */
export type SyncState =
  | { state: 'waiting'; attempts: number; next_attempt_at: number | null; last_error: string | null }
  | { state: 'sent'; at: string }
  /** The server refused it (400 or 409): kept as typed until the responder edits it; message from the server. */
  | {
      state: 'refused';
      status: number;
      code: string;
      message: string;
      /** The refusal as a catalogued rule and its parameters, for the responder's language (app/problem-text.ts). */
      rule?: string | undefined;
      params?: Record<string, string | number> | undefined;
      fields: { path: string; reason: string; rule?: string | undefined; params?: Record<string, string | number> | undefined }[];
    };

export interface DeviceScreening {
  /** Client-generated UUID: the id on the server too (PUT /api/v1/screenings/:id). */
  id: string;
  /** Username of the responder; another user of the same device neither sees nor sends it. */
  owner: string;
  created_at: string;
  /** When the draft last changed (every answer). */
  updated_at: string;
  draft: ScreeningDraft;
  /** The step the responder was on ("where", "q:<indicator id>", ...), so a reload comes back to it. */
  step: string;
  /** The last revision queued for the server (0 before the first is finished); the API's revision counter. */
  revision: number;
  /** The exact body of that revision: a retry sends it byte for byte, so the server sees a replay, never a conflict. */
  outbox: ScreeningSubmissionInput | null;
  /** The revision the server has accepted (0 if none). */
  sent_revision: number;
  sync: SyncState | null;
  /** The draft changed after the last finished revision. */
  edited_since_revision: boolean;
}

interface DeviceSchema extends DBSchema {
  screenings: { key: string; value: DeviceScreening; indexes: { by_owner: string } };
}

const DB_NAME = 'opennrm';
let database: Promise<IDBPDatabase<DeviceSchema>> | null = null;

function db(): Promise<IDBPDatabase<DeviceSchema>> {
  database ??= openDB<DeviceSchema>(DB_NAME, 1, {
    upgrade(upgrade) {
      const store = upgrade.createObjectStore('screenings', { keyPath: 'id' });
      store.createIndex('by_owner', 'owner');
    },
  });
  return database;
}

const listeners = new Set<() => void>();

/** Calls `listener` after every change to the device's screenings (this tab). */
export function onDeviceScreeningsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(): void {
  for (const listener of listeners) listener();
}

export function emptyDraft(): ScreeningDraft {
  return {
    county: null,
    context: null,
    subject: { age_years: null, age_group: null, sex: 'unknown', citizenships: [] },
    exploitation: null,
    answers: {},
    notes: '',
  };
}

/** A new, blank screening with a new client UUID, not yet on the device (addDeviceScreening keeps it). */
export function newDeviceScreening(owner: string): DeviceScreening {
  const now = new Date().toISOString();
  return {
    id: crypto.randomUUID(),
    owner,
    created_at: now,
    updated_at: now,
    draft: emptyDraft(),
    step: 'where',
    revision: 0,
    outbox: null,
    sent_revision: 0,
    sync: null,
    edited_since_revision: false,
  };
}

/**
 * Keeps a new screening on this device. A saveDraft for it asked for after this
 * call lands after it: IndexedDB runs read-write transactions on one store in
 * the order they were made.
 */
export async function addDeviceScreening(screening: DeviceScreening): Promise<void> {
  await (await db()).put('screenings', screening);
  changed();
}

export async function getDeviceScreening(id: string): Promise<DeviceScreening | undefined> {
  return (await db()).get('screenings', id);
}

/** The user's screenings on this device, newest first. */
export async function listDeviceScreenings(owner: string): Promise<DeviceScreening[]> {
  const all = await (await db()).getAllFromIndex('screenings', 'by_owner', owner);
  return all.sort((a, b) => b.updated_at.localeCompare(a.updated_at));
}

/**
 * Changes one screening inside a transaction (read, change, write), so an
 * autosave and the sync loop never overwrite each other's fields.
 * @returns the screening as written, or undefined when it no longer exists.
 */
export async function updateDeviceScreening(
  id: string,
  change: (screening: DeviceScreening) => DeviceScreening,
): Promise<DeviceScreening | undefined> {
  const transaction = (await db()).transaction('screenings', 'readwrite');
  const current = await transaction.store.get(id);
  if (!current) {
    await transaction.done;
    return undefined;
  }
  const next = change(current);
  await transaction.store.put(next);
  await transaction.done;
  changed();
  return next;
}

/** Saves what the responder typed (called on every answer). */
export function saveDraft(id: string, draft: ScreeningDraft, step: string): Promise<DeviceScreening | undefined> {
  return updateDeviceScreening(id, (s) => ({
    ...s,
    draft,
    step,
    updated_at: new Date().toISOString(),
    edited_since_revision: s.revision > 0 ? true : s.edited_since_revision,
  }));
}

/** Removes a draft the responder abandons (never one with a revision the server has not accepted). */
export async function discardDraft(id: string): Promise<void> {
  const screening = await getDeviceScreening(id);
  if (!screening || screening.revision > screening.sent_revision) return;
  await (await db()).delete('screenings', id);
  changed();
}
