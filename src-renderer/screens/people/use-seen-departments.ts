/**
 * Department names for the filter's suggestions. There is no channel that lists departments, so
 * these are the ones in the people pages already fetched (the filter itself is an exact name).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { SearchPeopleResult } from '../../../src-preload/contract';

export function useSeenDepartments(instanceId: string, enabled: boolean, current: string): string[] {
  const queryClient = useQueryClient();
  // Recomputed when the panel opens or the filter changes; cheap enough (cached pages only).
  return useMemo(() => {
    if (!enabled) return [];
    const seen = new Set<string>();
    for (const [key, data] of queryClient.getQueriesData<SearchPeopleResult>({ queryKey: ['people:search'] })) {
      const input = key[1] as { instanceId?: string } | undefined;
      if (input?.instanceId !== instanceId || !data) continue;
      for (const row of data.rows) if (row.department) seen.add(row.department);
    }
    if (current.trim()) seen.add(current.trim());
    return [...seen].sort((a, b) => a.localeCompare(b));
  }, [queryClient, instanceId, enabled, current]);
}
