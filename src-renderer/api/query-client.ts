/**
 * The app's QueryClient. Freshness is driven by main's `data:changed` events rather than by
 * timers or window focus, and failures surface as notifications unless a caller opts out with
 * `meta: { silent: true }` (a form that shows the error next to its fields, for instance).
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { ApiCallError } from './api-call-error';
import { notifyError } from './notify-error';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiCallError;
    queryMeta: { silent?: boolean; errorTitle?: string };
    mutationMeta: { silent?: boolean; errorTitle?: string };
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (!query.meta?.silent) notifyError(error, query.meta?.errorTitle);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (!mutation.meta?.silent) notifyError(error, mutation.meta?.errorTitle);
      },
    }),
    defaultOptions: {
      queries: {
        // Calls are local IPC: a failure is an answer, not a flaky network.
        retry: false,
        refetchOnWindowFocus: false,
        // data:changed invalidates what changed; this is only a safety net for missed events.
        staleTime: 5 * 60_000,
      },
      mutations: { retry: false },
    },
  });
}
