/**
 * The current draft: the plan that actions anywhere in the app add to, one per instance, kept in
 * this window's local storage (it is a working choice, not a setting main needs). A plan that is
 * no longer a draft (submitted, discarded) stops being current by itself.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { useApiQuery } from '../../api';

const KEY = 'admin-desk.current-draft';
const listeners = new Set<() => void>();

function readAll(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The address of a plan on the Plans screen. */
export const draftHref = (planId: string) => `#/plans?plan=${encodeURIComponent(planId)}`;

/** Makes `planId` the current draft of the instance (null: none). */
export function setCurrentDraftId(instanceId: string, planId: string | null): void {
  const all = readAll();
  if (planId) all[instanceId] = planId;
  else delete all[instanceId];
  localStorage.setItem(KEY, JSON.stringify(all));
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface CurrentDraft {
  /** The current draft plan, when it exists and is still a draft. */
  draft: { id: string; title: string; operations: number } | null;
  /** The instance's draft plans, newest first, for a chooser. */
  drafts: { id: string; title: string; operations: number }[];
  setDraft: (planId: string | null) => void;
}

export function useCurrentDraft(instanceId: string | null): CurrentDraft {
  const storedId = useSyncExternalStore(subscribe, () => (instanceId ? (readAll()[instanceId] ?? null) : null));
  const plans = useApiQuery('plans:list', { instanceId: instanceId ?? '' }, { enabled: instanceId !== null });
  const drafts = (plans.data ?? [])
    .filter((p) => p.state === 'draft')
    .map((p) => ({ id: p.id, title: p.title, operations: p.operations }));
  const draft = drafts.find((d) => d.id === storedId) ?? null;
  const setDraft = useCallback(
    (planId: string | null) => {
      if (instanceId) setCurrentDraftId(instanceId, planId);
    },
    [instanceId],
  );
  return { draft, drafts, setDraft };
}
