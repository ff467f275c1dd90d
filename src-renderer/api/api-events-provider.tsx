/**
 * The one subscription to main's events. `data:changed` invalidates exactly the queries whose
 * channel reads a changed table; `job:progress` feeds the live jobs map behind `useJobs`.
 * Mount it once, inside the QueryClientProvider.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { queryReadsAny } from './data-changed';
import { jobsStore } from './jobs-store';

export function ApiEventsProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();

  useEffect(() => {
    const offChanged = window.api.on('data:changed', ({ tables }) => {
      void queryClient.invalidateQueries({ predicate: (q) => queryReadsAny(q.queryKey, tables) });
    });
    const offProgress = window.api.on('job:progress', (job) => jobsStore.upsert(job));
    return () => {
      offChanged();
      offProgress();
    };
  }, [queryClient]);

  return children;
}
