/** IPC channel names used by the preload and the shell; no imports, so the preload stays tiny. */
export const IPC_EVENT = 'api:event';
