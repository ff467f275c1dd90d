/**
 * The preload: exposes `window.api`, built by the same function the browser harness uses. It
 * imports only electron and types; main validates every call.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from './api';
import { IPC_EVENT } from './contract/names';

const api = createApi(
  (channel, input) => ipcRenderer.invoke(channel, input),
  (listener) => {
    const handler = (_event: unknown, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT, handler);
  },
);

contextBridge.exposeInMainWorld('api', api);
