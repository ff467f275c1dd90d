/**
 * Builds `window.api` from an invoke function and a subscribe function. The preload passes
 * ipcRenderer's; the browser harness passes a loopback WebSocket's. Types only from the contract,
 * so the preload bundle stays tiny.
 */
import type { ChannelName, EventName, Events, InputOf, Result, ResultOf } from './contract';

/** Sends one call; resolves with the result envelope (it may also throw on transport failure). */
export type InvokeFn = (channel: string, input: unknown) => Promise<unknown>;
/** Subscribes to every event main pushes; returns an unsubscribe function. */
export type SubscribeFn = (listener: (event: string, payload: unknown) => void) => () => void;

export interface Api {
  /** Calls a channel. Never throws: failures come back as `{ ok: false, error }`. */
  invoke<C extends ChannelName>(channel: C, ...input: InputArgs<C>): Promise<Result<ResultOf<C>>>;
  /** Listens to one event; returns an unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

/** `[input]` when the channel needs one, `[input?]` when its input may be omitted. */
export type InputArgs<C extends ChannelName> =
  undefined extends InputOf<C> ? [input?: InputOf<C>] : [input: InputOf<C>];

const CHANNEL_PATTERN = /^[a-z]+:[a-z][a-zA-Z-]*$/;

function isResult(value: unknown): value is Result<unknown> {
  return (
    !!value &&
    typeof value === 'object' &&
    'ok' in value &&
    ((value as { ok: unknown }).ok === true || (value as { ok: unknown }).ok === false)
  );
}

export function createApi(invoke: InvokeFn, subscribe: SubscribeFn): Api {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let unsubscribe: (() => void) | null = null;
  const ensureSubscribed = () => {
    if (unsubscribe) return;
    unsubscribe = subscribe((event, payload) => {
      for (const l of listeners.get(event) ?? []) {
        try {
          l(payload);
        } catch (err) {
          console.error(`listener for ${event} failed`, err);
        }
      }
    });
  };

  return Object.freeze({
    async invoke(channel: string, input?: unknown) {
      if (typeof channel !== 'string' || !CHANNEL_PATTERN.test(channel)) {
        return { ok: false, error: { code: 'VALIDATION', message: `Unknown channel: ${String(channel)}` } };
      }
      try {
        const reply = await invoke(channel, input);
        if (isResult(reply)) return reply;
        return { ok: false, error: { code: 'INTERNAL', message: 'The app returned a malformed reply.' } };
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        return { ok: false, error: { code: 'INTERNAL', message: `The call did not reach the app: ${message}` } };
      }
    },
    on(event: string, listener: (payload: unknown) => void) {
      ensureSubscribed();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  }) as Api;
}
