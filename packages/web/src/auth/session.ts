import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiRequestError, setCsrfToken, unwrap, type Schemas } from '../api/client.ts';

/**
 * Who is signed in. The server is asked (GET /api/v1/auth/me); when the
 * network is down the last user seen on this device is assumed, so a
 * responder can keep screening offline (their screenings wait on the device
 * until the server accepts them under a live session). Only the username,
 * role and organisation are kept in localStorage: no personal data.
 */
export type User = Schemas['User'];

export type Session =
  | {
      status: 'signed_in';
      user: Pick<User, 'id' | 'username' | 'display_name' | 'role' | 'organisation_code' | 'must_change_password'>;
      offline: boolean;
    }
  | { status: 'signed_out' };

const LAST_USER_KEY = 'opennrm.last_user';

export const SESSION_QUERY = ['session'] as const;

type SessionUser = Extract<Session, { status: 'signed_in' }>['user'];

function rememberUser(user: User): SessionUser {
  const { id, username, display_name, role, organisation_code, must_change_password } = user;
  const kept = { id, username, display_name, role, organisation_code, must_change_password };
  localStorage.setItem(LAST_USER_KEY, JSON.stringify(kept));
  return kept;
}

function lastUser(): SessionUser | null {
  try {
    return JSON.parse(localStorage.getItem(LAST_USER_KEY) ?? 'null');
  } catch {
    return null;
  }
}

async function fetchSession(): Promise<Session> {
  try {
    const user = rememberUser(unwrap(await api.GET('/api/v1/auth/me')));
    return { status: 'signed_in', user, offline: false };
  } catch (error) {
    if (error instanceof ApiRequestError) {
      if (error.status === 401) {
        localStorage.removeItem(LAST_USER_KEY);
        return { status: 'signed_out' };
      }
      throw error;
    }
    // No network: the device's last user carries on offline.
    const user = lastUser();
    return user ? { status: 'signed_in', user, offline: true } : { status: 'signed_out' };
  }
}

export const sessionQuery = {
  queryKey: SESSION_QUERY,
  queryFn: fetchSession,
  networkMode: 'always',
  staleTime: 60_000,
  retry: false,
} as const;

export function useSession() {
  return useQuery(sessionQuery);
}

/** After a successful sign-in answer: keep the CSRF token and the user, refresh every query. */
export function useSignedIn() {
  const client = useQueryClient();
  return async (answer: { csrf_token: string; user: User }) => {
    setCsrfToken(answer.csrf_token);
    const user = rememberUser(answer.user);
    const next: Session = { status: 'signed_in', user, offline: false };
    client.setQueryData(SESSION_QUERY, next);
    await client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== SESSION_QUERY[0] });
  };
}

export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    await api.POST('/api/v1/auth/sign-out').catch(() => undefined);
    setCsrfToken(null);
    localStorage.removeItem(LAST_USER_KEY);
    const next: Session = { status: 'signed_out' };
    // The session query is kept and set, not cleared: its observers stay attached to it (after clear() they went on
    // showing the signed-in screens). Everything else the user read goes.
    client.setQueryData(SESSION_QUERY, next);
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_QUERY[0] });
  };
}
