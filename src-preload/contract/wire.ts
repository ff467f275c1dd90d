/**
 * What every channel is made of: the result envelope with its closed set of error codes, the
 * tables a channel reads or writes, the channel definition, and the small input shapes several
 * domains share. Imports zod and nothing else.
 */
import { z } from 'zod';

/** The closed set of error codes a call can fail with. */
export const ERROR_CODES = [
  /** The input did not match the channel's schema, or the channel does not exist. */
  'VALIDATION',
  /** The thing asked for does not exist. */
  'NOT_FOUND',
  /** The request conflicts with the current state (a duplicate name, a stale edit). */
  'CONFLICT',
  /** A needed local facility is missing: no OS keychain, a database from a newer version. */
  'UNAVAILABLE',
  /** SmartSimple answered with an error; the message is the server's own text. */
  'REMOTE',
  /** The SmartSimple hourly call limit is reached; the message says until when. */
  'RATE_LIMITED',
  /** The work was cancelled. */
  'CANCELLED',
  /** The caller is not allowed to do this (a policy refused it). */
  'FORBIDDEN',
  /** A bug or an unexpected failure; details are in the log. */
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Optional structured detail, e.g. the fields that failed validation. */
  details?: unknown;
}
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Tables that main announces in `data:changed`; queries declare which ones they read. */
export const TABLES = [
  'settings',
  'instances',
  'connections',
  'jobs',
  'mirror',
  'sync',
  'plans',
  'audit',
  'ai',
  'ask',
  'investigate',
  /** Saved views and the People list's layout. */
  'views',
  'onboarding',
  'intake',
  'helpdesk',
  'reviews',
] as const;
export type Table = (typeof TABLES)[number];

/** The largest input a channel accepts unless it says otherwise (JSON bytes). */
export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024;

export interface ChannelDef<I extends z.ZodType, R> {
  input: I;
  /** Phantom: the result type. */
  result?: R;
  /** Tables this channel reads; queries of it refresh when main says they changed. */
  reads?: readonly Table[];
  /** Tables this channel writes; main announces them after a successful call. */
  writes?: readonly Table[];
  /** Input size limit in bytes of JSON, when the default does not fit. */
  maxInputBytes?: number;
}

/** Declares a channel whose result is `R`: `channel<R>()({ input, reads, writes })`. */
export function channel<R>() {
  return <I extends z.ZodType>(def: Omit<ChannelDef<I, R>, 'result'>): ChannelDef<I, R> => def;
}

/** A file the renderer offers as a download (it has no file system access). */
export interface DownloadText {
  filename: string;
  mime: string;
  text: string;
}

// ---------- input shapes several domains share ----------

/** An id main made (an instance, a job). */
export const idSchema = z.string().min(1).max(64);
/** A name an administrator types. */
export const nameSchema = z.string().trim().min(1, 'must not be empty').max(120, 'at most 120 characters');
/** The input of a channel that takes none. */
export const noInput = z.object({}).strict().optional();
