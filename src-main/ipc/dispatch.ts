/**
 * The one door into main: looks the channel up in the contract, bounds the input size, validates
 * it with the channel's schema, runs the handler, and turns the outcome into a result envelope.
 * After a successful write it announces the tables the channel writes.
 */
import type { z } from 'zod';
import {
  DEFAULT_MAX_INPUT_BYTES,
  channels,
  isChannelName,
  type ApiError,
  type ChannelName,
  type ParsedInputOf,
  type Result,
  type ResultOf,
  type Table,
} from '../../src-preload/contract';
import { toApiError } from '../errors/to-api-error';
import type { Logger } from '../log/logger';

export interface CallContext {
  /** Where the call came from, for the log. */
  origin: string;
}

export type Handler<C extends ChannelName> = (
  input: ParsedInputOf<C>,
  ctx: CallContext,
) => Promise<ResultOf<C>> | ResultOf<C>;

/** One handler per channel; the type checker lists any that are missing. */
export type Handlers = { [C in ChannelName]: Handler<C> };

export type Dispatch = (channel: unknown, input: unknown, ctx?: CallContext) => Promise<Result<unknown>>;

const fail = (error: ApiError): Result<never> => ({ ok: false, error });

/** JSON size of `input`, stopping early once it is over `limit`. */
export function inputSize(input: unknown): number {
  if (input === undefined) return 0;
  try {
    return Buffer.byteLength(JSON.stringify(input) ?? '', 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export function createDispatcher(handlers: Handlers, announce: (tables: Table[]) => void, logger: Logger): Dispatch {
  return async (channel, rawInput, ctx = { origin: 'unknown' }) => {
    if (!isChannelName(channel)) {
      logger.warn('refused call to an unknown channel', { channel: String(channel).slice(0, 80), origin: ctx.origin });
      return fail({ code: 'VALIDATION', message: `Unknown channel: ${String(channel).slice(0, 80)}` });
    }
    const def = channels[channel];
    const limit =
      'maxInputBytes' in def && typeof def.maxInputBytes === 'number' ? def.maxInputBytes : DEFAULT_MAX_INPUT_BYTES;
    const size = inputSize(rawInput);
    if (size > limit) {
      logger.warn('refused an oversized input', { channel, size, limit, origin: ctx.origin });
      return fail({
        code: 'VALIDATION',
        message: `The input for ${channel} is too large (${formatBytes(size)}; the limit is ${formatBytes(limit)}).`,
      });
    }
    const parsed = (def.input as z.ZodType).safeParse(rawInput);
    if (!parsed.success) {
      return fail({
        code: 'VALIDATION',
        message: `Invalid input for ${channel}: ${describeIssues(parsed.error)}`,
        details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      });
    }
    try {
      const handler = handlers[channel] as (input: unknown, ctx: CallContext) => unknown;
      const data = await handler(parsed.data, ctx);
      const writes = 'writes' in def ? (def.writes as readonly Table[] | undefined) : undefined;
      if (writes && writes.length > 0) announce([...writes]);
      return { ok: true, data };
    } catch (err) {
      const error = toApiError(err);
      if (error.code === 'INTERNAL') logger.error('handler failed', { channel, error: err });
      return fail(error);
    }
  };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return 'unmeasurable';
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
