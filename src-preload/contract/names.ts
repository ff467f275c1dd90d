/**
 * Names the preload bundle and the shell share. No imports at all (not even zod), so the preload
 * stays tiny.
 */

/** The one IPC channel main pushes events on (`job:progress`, `data:changed`). */
export const IPC_EVENT = 'api:event';
