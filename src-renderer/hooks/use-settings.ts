/**
 * Settings and instances, the two things nearly every screen needs, with the update paths that
 * keep the cache in step before main's `data:changed` round-trip arrives.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { Instance, Settings } from '../../src-preload/contract';
import { apiQueryKey, useApiMutation, useApiQuery } from '../api';

export function useSettings() {
  return useApiQuery('settings:get');
}

export function useInstances() {
  return useApiQuery('instances:list');
}

/** Changes settings and puts main's answer (all settings) straight into the cache. */
export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useApiMutation('settings:update', {
    meta: { errorTitle: 'Settings were not saved' },
    onSuccess: (settings: Settings) => queryClient.setQueryData(apiQueryKey('settings:get'), settings),
  });
}

export interface ActiveInstanceView {
  active: Instance | null;
  instances: Instance[];
  isLoading: boolean;
}

/** The instance the screens show, resolved from `settings.activeInstanceId`. */
export function useActiveInstance(): ActiveInstanceView {
  const settings = useSettings();
  const instances = useInstances();
  const list = instances.data ?? [];
  const active = list.find((i) => i.id === settings.data?.activeInstanceId) ?? null;
  return { active, instances: list, isLoading: settings.isLoading || instances.isLoading };
}
