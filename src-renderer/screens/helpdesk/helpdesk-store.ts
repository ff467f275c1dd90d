/**
 * What the Help desk screen is looking at, kept while the administrator goes to Plans to approve
 * and apply a fix and comes back: the instance, the person, the target, and the outcome shown.
 */
import { useSyncExternalStore } from 'react';
import type { HelpdeskTargetKind } from '../../../src-preload/contract';

export interface HelpdeskView {
  instanceId: string | null;
  personId: number | null;
  /** The person as shown in the picker. */
  personLabel: string | null;
  targetKind: HelpdeskTargetKind;
  programId: number | null;
  roleId: number | null;
  outcomeId: number | null;
  tab: 'troubleshoot' | 'search' | 'history';
}

const EMPTY: HelpdeskView = {
  instanceId: null,
  personId: null,
  personLabel: null,
  targetKind: 'program',
  programId: null,
  roleId: null,
  outcomeId: null,
  tab: 'troubleshoot',
};

let view: HelpdeskView = EMPTY;
const listeners = new Set<() => void>();

/** Changes what the screen shows for an instance (another instance starts from empty). */
export function setHelpdeskView(instanceId: string, change: Partial<Omit<HelpdeskView, 'instanceId'>>): void {
  view = { ...(view.instanceId === instanceId ? view : { ...EMPTY, instanceId }), ...change };
  for (const l of listeners) l();
}

/** The view for this instance (a new instance starts empty). */
export function useHelpdeskView(instanceId: string): HelpdeskView {
  const current = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => view,
  );
  return current.instanceId === instanceId ? current : { ...EMPTY, instanceId };
}
