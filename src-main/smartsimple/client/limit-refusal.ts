/**
 * How long the client waits after the server refused a call with its hourly-limit text.
 *
 * The server's Retry-After wins when it sends one. Without it, the usual cause is the edge of the
 * window: our own oldest call left our count a moment before it left the server's (the server
 * stamps a call when it arrives, we stamp it before sending). So the first refusal waits until our
 * oldest call in the window has left it, plus a margin. Only when refusals repeat (other clients
 * of the instance fill it) the wait grows, step by step, up to the full rolling window, since the
 * other calls' times are unknown.
 */

/** Added to the edge wait: covers the request's way to the server and a small clock skew. */
export const LIMIT_EDGE_MARGIN_MS = 5_000;

export interface RefusalWaitInput {
  /** 1 for the first refusal since the last call the server accepted. */
  refusalsInARow: number;
  now: number;
  /** Our own oldest call still in the window (undefined when we have none). */
  oldestOwnCall: number | undefined;
  windowMs: number;
  /** The longest wait, reached when refusals keep coming (default configuration: one window). */
  fullWaitMs: number;
  /** The reply's Retry-After, when it had one. */
  retryAfterMs?: number | undefined;
  marginMs?: number;
}

/** Milliseconds to keep the budget closed after a limit refusal. */
export function refusalWaitMs(input: RefusalWaitInput): number {
  if (input.retryAfterMs !== undefined) return Math.max(input.retryAfterMs, 1000);
  const margin = input.marginMs ?? LIMIT_EDGE_MARGIN_MS;
  const full = input.fullWaitMs;
  const edge =
    input.oldestOwnCall === undefined
      ? undefined
      : Math.max(margin, input.oldestOwnCall + input.windowMs + margin - input.now);
  const k = Math.max(1, input.refusalsInARow);
  // Without a call of our own in the window the edge says nothing: start at the second step.
  const step = k === 1 && edge !== undefined ? 0 : k <= 2 ? full / 4 : k === 3 ? full / 2 : full;
  return Math.min(full, Math.max(edge ?? 0, step));
}
