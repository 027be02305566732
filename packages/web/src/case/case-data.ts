import { useQuery } from '@tanstack/react-query';
import { api, ApiRequestError, unwrap, type Schemas } from '../api/client.ts';
import type { User } from '../auth/session.ts';

/**
 * The case page's reads, one TanStack query each, every one a route the
 * server filters by need-to-know (docs/access-policy.md). A section whose
 * route the user's role never gets is not asked at all (`enabled: false`),
 * so the page makes no request that would only be refused and audited as
 * `access_denied`.
 */
type Role = User['role'];

/** Roles the GDPR consent routes accept (docs/gdpr.md, "Consent"). */
const CONSENT_ROLES: readonly Role[] = ['front_line_responder', 'case_worker', 'case_manager', 'coordinator'];
/** Roles that read criminal cases (docs/access-policy.md, need-to-know matrix). */
const CRIMINAL_CASE_ROLES: readonly Role[] = ['coordinator', 'prosecutor'];
/** Roles that read a person's access history (GET /persons/:id/access-history). */
const ACCESS_HISTORY_ROLES: readonly Role[] = ['case_manager', 'coordinator', 'auditor'];

export const mayReadConsents = (role: Role) => CONSENT_ROLES.includes(role);
export const mayReadCriminalCases = (role: Role) => CRIMINAL_CASE_ROLES.includes(role);
export const mayReadAccessHistory = (role: Role) => ACCESS_HISTORY_ROLES.includes(role);

export type VisibleCase = Schemas['VisibleVictimCase'];

/**
 * Whether the user reads the case only through a referral to their
 * organisation: the server then leaves out every field the referral does not
 * share, the owning organisation always among them (VisibleVictimCase).
 */
export const seenThroughReferral = (c: VisibleCase) => c.owner_organisation_id === undefined;

export const caseKeys = {
  all: (id: string) => ['victim-case', id] as const,
  case: (id: string) => ['victim-case', id, 'case'] as const,
  timeline: (id: string) => ['victim-case', id, 'timeline'] as const,
  referrals: (id: string) => ['victim-case', id, 'referrals'] as const,
  assistance: (id: string) => ['victim-case', id, 'assistance'] as const,
  criminal: (id: string) => ['victim-case', id, 'criminal-cases'] as const,
  person: (personId: string) => ['person', personId] as const,
  consents: (personId: string) => ['person', personId, 'consents'] as const,
  accessHistory: (personId: string) => ['person', personId, 'access-history'] as const,
};

/** A refusal the page explains in words rather than as an error: 403 (role) or 404 (no such case, or not one you may see). */
export const refused = (error: unknown, ...statuses: number[]) => error instanceof ApiRequestError && statuses.includes(error.status);

export function useVictimCase(id: string) {
  return useQuery({
    queryKey: caseKeys.case(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/victim-cases/{id}', { params: { path: { id } } })),
    retry: (count, error) => !refused(error, 400, 403, 404) && count < 1,
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: caseKeys.timeline(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/victim-cases/{id}/transitions', { params: { path: { id } } })),
  });
}

export function usePerson(personId: string | undefined) {
  return useQuery({
    queryKey: caseKeys.person(personId ?? ''),
    queryFn: async () => unwrap(await api.GET('/api/v1/persons/{id}', { params: { path: { id: personId! } } })),
    enabled: Boolean(personId),
  });
}

export function useConsents(personId: string | undefined, role: Role) {
  return useQuery({
    queryKey: caseKeys.consents(personId ?? ''),
    queryFn: async () => unwrap(await api.GET('/api/v1/persons/{id}/consents', { params: { path: { id: personId! } } })),
    enabled: Boolean(personId) && mayReadConsents(role),
  });
}

export function useReferrals(id: string) {
  return useQuery({
    queryKey: caseKeys.referrals(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/referrals', { params: { query: { victim_case_id: id, limit: 200, offset: 0 } } })),
  });
}

export function useAssistance(id: string) {
  return useQuery({
    queryKey: caseKeys.assistance(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/assistance', { params: { query: { victim_case_id: id, limit: 200, offset: 0 } } })),
  });
}

/**
 * Criminal cases this victim case is linked to, with their stage and the
 * victim's role in each: the role is on the criminal case itself (`victims`
 * of GET /criminal-cases/:id), so each linked case is read once.
 */
export type LinkedCriminalCase = Schemas['CriminalCase'] & {
  victim_role: Schemas['CriminalCaseDetail']['victims'][number]['role'] | null;
};

export function useCriminalCases(id: string, role: Role) {
  return useQuery({
    queryKey: caseKeys.criminal(id),
    queryFn: async (): Promise<LinkedCriminalCase[]> => {
      const page = unwrap(await api.GET('/api/v1/criminal-cases', { params: { query: { victim_case_id: id, limit: 200, offset: 0 } } }));
      return Promise.all(
        page.items.map(async (item) => {
          const detail = unwrap(await api.GET('/api/v1/criminal-cases/{id}', { params: { path: { id: item.id } } }));
          return { ...item, victim_role: detail.victims.find((v) => v.victim_case_id === id)?.role ?? null };
        }),
      );
    },
    enabled: mayReadCriminalCases(role),
  });
}

export function useAccessHistory(personId: string | undefined, role: Role) {
  return useQuery({
    queryKey: caseKeys.accessHistory(personId ?? ''),
    queryFn: async () => unwrap(await api.GET('/api/v1/persons/{id}/access-history', { params: { path: { id: personId! } } })),
    enabled: Boolean(personId) && mayReadAccessHistory(role),
  });
}
