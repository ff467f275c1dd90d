/**
 * Runs in the browser before the app: builds `window.api` with the same `createApi` the preload
 * uses, over a loopback WebSocket to the harness. The per-run secret comes in the page URL
 * (`?harness=<secret>`), so only the browser the harness opened can reach the backend.
 */
import { createApi } from '../../src-preload/api';

type Reply = { id: number; result: unknown } | { event: string; payload: unknown };

const secret = new URLSearchParams(location.search).get('harness') ?? '';
const socketUrl = `ws://${location.host}/bridge?secret=${encodeURIComponent(secret)}`;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
const listeners = new Set<(event: string, payload: unknown) => void>();
let nextId = 1;

const socket = new WebSocket(socketUrl);
const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve());
  socket.addEventListener('error', () => reject(new Error('The harness bridge is not reachable.')));
});
socket.addEventListener('message', (message) => {
  const reply = JSON.parse(String(message.data)) as Reply;
  if ('id' in reply) {
    pending.get(reply.id)?.resolve(reply.result);
    pending.delete(reply.id);
  } else {
    for (const l of listeners) l(reply.event, reply.payload);
  }
});
socket.addEventListener('close', () => {
  for (const p of pending.values()) p.reject(new Error('The harness bridge closed.'));
  pending.clear();
});

(window as unknown as { api: unknown }).api = createApi(
  async (channel, input) => {
    await opened;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, channel, input }));
    });
  },
  (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
);
