/**
 * Whether the sync dialog is open. Several places open it (the header, a never-synced screen),
 * and one dialog is mounted in the layout, so the state lives outside any one of them.
 */
import { useSyncExternalStore } from 'react';

let opened = false;
const listeners = new Set<() => void>();

function set(next: boolean): void {
  if (opened === next) return;
  opened = next;
  for (const l of listeners) l();
}

export const openSyncDialog = (): void => set(true);
export const closeSyncDialog = (): void => set(false);

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

export function useSyncDialogOpened(): boolean {
  return useSyncExternalStore(subscribe, () => opened);
}
