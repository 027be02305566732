import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { paths } from '../api/schema.gen.ts';

/**
 * A linked victim's part in the proceedings and their compensation, as the
 * criminal case page shows them (issue 5; docs/proceedings.md): hearings
 * (GET/POST /victim-cases/:id/hearings) and compensation (GET
 * /victim-cases/:id/compensation, POST .../compensation-claims, .../compensation-claims/:claim_id/orders
 * and .../compensation-claims/:claim_id/payments).
 * The server decides who reads and records (rules victims_in_proceedings.*,
 * compensation.*, prosecutor.*: docs/access-policy.md); it answers 404 to a
 * user who may not, as for a case that does not exist.
 */
export type HearingBody = paths['/api/v1/victim-cases/{id}/hearings']['post']['requestBody']['content']['application/json'];
export type PaymentBody =
  paths['/api/v1/victim-cases/{id}/compensation-claims/{claim_id}/payments']['post']['requestBody']['content']['application/json'];

export type ClaimBody = paths['/api/v1/victim-cases/{id}/compensation-claims']['post']['requestBody']['content']['application/json'];
export type OrderBody =
  paths['/api/v1/victim-cases/{id}/compensation-claims/{claim_id}/orders']['post']['requestBody']['content']['application/json'];

const key = (victimCaseId: string) => ['victim-in-proceedings', victimCaseId] as const;

export function useHearings(victimCaseId: string) {
  return useQuery({
    queryKey: [...key(victimCaseId), 'hearings'],
    queryFn: async () => unwrap(await api.GET('/api/v1/victim-cases/{id}/hearings', { params: { path: { id: victimCaseId } } })),
  });
}

export function useCompensation(victimCaseId: string) {
  return useQuery({
    queryKey: [...key(victimCaseId), 'compensation'],
    queryFn: async () => unwrap(await api.GET('/api/v1/victim-cases/{id}/compensation', { params: { path: { id: victimCaseId } } })),
  });
}

/** Records a hearing; the answer's `warning` says how often the victim was already heard. The victim's lists are read again. */
export function useRecordHearing(victimCaseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: HearingBody) =>
      unwrap(await api.POST('/api/v1/victim-cases/{id}/hearings', { params: { path: { id: victimCaseId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: key(victimCaseId) }),
  });
}

/** Records a payment received on the claim `claimId`; the answer is the claim with what is still unpaid. */
export function useRecordPayment(victimCaseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ claimId, body }: { claimId: string; body: PaymentBody }) =>
      unwrap(
        await api.POST('/api/v1/victim-cases/{id}/compensation-claims/{claim_id}/payments', {
          params: { path: { id: victimCaseId, claim_id: claimId } },
          body,
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: key(victimCaseId) }),
  });
}

/** Files a compensation claim; the answer is the new claim. The victim's lists are read again. */
export function useFileClaim(victimCaseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: ClaimBody) =>
      unwrap(await api.POST('/api/v1/victim-cases/{id}/compensation-claims', { params: { path: { id: victimCaseId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: key(victimCaseId) }),
  });
}

/** Records a court order on the claim `claimId`; the answer is the claim with its totals (a pending claim becomes ordered). */
export function useRecordOrder(victimCaseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ claimId, body }: { claimId: string; body: OrderBody }) =>
      unwrap(
        await api.POST('/api/v1/victim-cases/{id}/compensation-claims/{claim_id}/orders', {
          params: { path: { id: victimCaseId, claim_id: claimId } },
          body,
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: key(victimCaseId) }),
  });
}
