import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client.ts';

export type UserAccount = Schemas['UserAccount'];
type Role = UserAccount['role'];

const USERS = ['users'] as const;

/** Every account (GET /api/v1/users; administrators only). */
export function useUsers() {
  return useQuery({ queryKey: USERS, queryFn: async () => unwrap(await api.GET('/api/v1/users')).items });
}

/** Changes an account's role, organisation (code; null for none) or state (PATCH /api/v1/users/:id), audited by the server. */
export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...body }: { id: string; role?: Role; organisation?: string | null; disabled?: boolean }) =>
      unwrap(await api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS }),
  });
}

/** Creates an account (POST /api/v1/users): the answer carries its one-time password, shown once. */
export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { username: string; display_name?: string; role: Role; organisation: string | null }) =>
      unwrap(await api.POST('/api/v1/users', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS }),
  });
}

/** Issues a new one-time password and ends the account's sessions (POST /api/v1/users/:id/one-time-password). */
export function useResetPassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/api/v1/users/{id}/one-time-password', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS }),
  });
}
