import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { RecordEventBody, StageChangeBody } from './proceedings-codes.ts';

/**
 * The criminal-case screens' server data (docs/proceedings.md): the case,
 * its offences, procedural events, cooperation and deadlines, and the
 * at-risk list. The server decides who reads what (a prosecutor their
 * organisation's cases, the coordinator all: docs/access-policy.md).
 */
const key = (id: string) => ['criminal-case', id] as const;

export function useCriminalCases(offset: number, limit: number) {
  return useQuery({
    queryKey: ['criminal-cases', offset, limit],
    queryFn: async () => unwrap(await api.GET('/api/v1/criminal-cases', { params: { query: { offset, limit } } })),
  });
}

export function useCriminalCase(id: string) {
  return useQuery({
    queryKey: key(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/criminal-cases/{id}', { params: { path: { id } } })),
  });
}

export function useOffences(id: string) {
  return useQuery({
    queryKey: [...key(id), 'offences'],
    queryFn: async () => unwrap(await api.GET('/api/v1/criminal-cases/{id}/offences', { params: { path: { id } } })),
  });
}

export function useEvents(id: string) {
  return useQuery({
    queryKey: [...key(id), 'events'],
    queryFn: async () => unwrap(await api.GET('/api/v1/criminal-cases/{id}/events', { params: { path: { id } } })),
  });
}

export function useCooperation(id: string) {
  return useQuery({
    queryKey: [...key(id), 'cooperation'],
    queryFn: async () => unwrap(await api.GET('/api/v1/criminal-cases/{id}/cooperation', { params: { path: { id } } })),
  });
}

export function useDeadlines(id: string) {
  return useQuery({
    queryKey: [...key(id), 'deadlines'],
    queryFn: async () => unwrap(await api.GET('/api/v1/criminal-cases/{id}/deadlines', { params: { path: { id } } })),
  });
}

/** Cases with a running deadline within `withinDays` days, soonest first (GET /criminal-cases/at-risk). */
export function useCasesAtRisk(withinDays: number) {
  return useQuery({
    queryKey: ['criminal-cases', 'at-risk', withinDays],
    queryFn: async () => unwrap(await api.GET('/api/v1/criminal-cases/at-risk', { params: { query: { within_days: withinDays } } })),
  });
}

/** After a change the case, its events and its deadlines (and every at-risk list) are read again. */
function useRefresh(id: string) {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: key(id) }), client.invalidateQueries({ queryKey: ['criminal-cases'] })]);
}

export function useRecordEvent(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: async (body: RecordEventBody) =>
      unwrap(await api.POST('/api/v1/criminal-cases/{id}/events', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useChangeStage(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: async (body: StageChangeBody) =>
      unwrap(await api.POST('/api/v1/criminal-cases/{id}/stage', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}
