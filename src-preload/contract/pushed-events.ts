/** The events main pushes to the renderer (on the one IPC channel names.ts names). */
import type { JobInfo } from './jobs';
import type { Table } from './wire';

export interface Events {
  /** A job started, progressed or finished. */
  'job:progress': JobInfo;
  /** Tables changed; queries that read them refresh. */
  'data:changed': { tables: Table[] };
}
export type EventName = keyof Events;
export const EVENT_NAMES: readonly EventName[] = ['job:progress', 'data:changed'];
