/**
 * The renderer's error type for a failed call: the server's code and message kept intact, so a
 * notification can show the server's own words and the UI can branch on the code.
 */
import type { ApiError, ErrorCode } from '../../src-preload/contract';

export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly channel: string;

  constructor(error: ApiError, channel: string) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.details = error.details;
    this.channel = channel;
  }
}

/** Anything thrown becomes an ApiCallError, so every error path has a code to branch on. */
export function toApiCallError(err: unknown, channel = 'renderer'): ApiCallError {
  if (err instanceof ApiCallError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ApiCallError({ code: 'INTERNAL', message }, channel);
}

/** A short title per code, for notifications and inline alerts. */
export const ERROR_TITLES: Record<ErrorCode, string> = {
  VALIDATION: 'Some input is not valid',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflicts with what exists',
  UNAVAILABLE: 'A local facility is unavailable',
  REMOTE: 'SmartSimple returned an error',
  RATE_LIMITED: 'SmartSimple call limit reached',
  CANCELLED: 'Cancelled',
  FORBIDDEN: 'Not allowed',
  INTERNAL: 'Something went wrong',
};

/** What the administrator can do next, per code: the server's message says what happened. */
export const ERROR_NEXT_STEPS: Record<ErrorCode, string> = {
  VALIDATION: 'Correct the highlighted fields and try again.',
  NOT_FOUND: 'It may have been removed or finished meanwhile; the lists refresh on their own.',
  CONFLICT: 'Choose a different value, or reload the item and try again.',
  UNAVAILABLE: 'Check that the OS keychain is unlocked and that Admin Desk is up to date, then try again.',
  REMOTE: 'Check the instance settings on the Connect screen, or try again later.',
  RATE_LIMITED: 'Wait until the hourly limit resets, then try again.',
  CANCELLED: 'Start it again when you are ready.',
  FORBIDDEN: 'Review and approve it in a plan first.',
  INTERNAL: 'Try again. If it keeps failing, the app log has the details.',
};

/**
 * Zod's own wording, as main's validation sends it, in plain words ("Too big: expected string to
 * have <=200 characters" -> "Limited to 200 characters."). A message the contract wrote is kept.
 */
export function plainFieldMessage(message: string): string {
  const n = (re: RegExp) => re.exec(message)?.[1];
  const tooBigString = n(/^Too big: expected string to have <=?(\d+) characters?/);
  if (tooBigString) return `Limited to ${Number(tooBigString).toLocaleString('en-US')} characters.`;
  const tooSmallString = n(/^Too small: expected string to have >=?(\d+) characters?/);
  if (tooSmallString) return Number(tooSmallString) <= 1 ? 'Required.' : `At least ${tooSmallString} characters.`;
  const tooBigArray = n(/^Too big: expected array to have <=?(\d+) items?/);
  if (tooBigArray) return `At most ${Number(tooBigArray).toLocaleString('en-US')} at a time.`;
  const tooBigNumber = n(/^Too big: expected number to be <=?(\S+)/);
  if (tooBigNumber) return `At most ${tooBigNumber}.`;
  const tooSmallNumber = n(/^Too small: expected number to be >=?(\S+)/);
  if (tooSmallNumber) return `At least ${tooSmallNumber}.`;
  if (/^Invalid input: expected \w+, received undefined/.test(message)) return 'Required.';
  if (/^Invalid input: expected int/.test(message)) return 'A whole number.';
  if (/^Invalid (option|input)/.test(message)) return 'Not one of the allowed values.';
  if (/^Unrecognized key/.test(message)) return 'Not a field this form sends.';
  return message;
}

/** The field a single-field error is about, in plain words: e.g. a search box's own error. */
export function fieldMessageOf(error: ApiCallError | null, field: string): string | null {
  if (!error) return null;
  return fieldErrorsOf(error)[field] ?? null;
}

/**
 * Field errors from a VALIDATION (or a FORBIDDEN about one field) error's details
 * (`[{path, message}]`, as main sends them), keyed by the dotted path, in plain words, so a form
 * can show the server's verdict next to the field.
 */
export function fieldErrorsOf(error: ApiCallError): Record<string, string> {
  if ((error.code !== 'VALIDATION' && error.code !== 'FORBIDDEN') || !Array.isArray(error.details)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.details as unknown[]) {
    if (!issue || typeof issue !== 'object') continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    if (!Array.isArray(path) || typeof message !== 'string' || path.length === 0) continue;
    const key = path.map(String).join('.');
    out[key] ??= plainFieldMessage(message);
  }
  return out;
}

/**
 * The error a form shows above its buttons: null when the form already shows it next to the
 * fields it is about (a validation error per field, or a name conflict on the name field).
 */
export function formLevelErrorOf(error: ApiCallError | null): ApiCallError | null {
  if (!error) return null;
  return error.code === 'CONFLICT' || Object.keys(fieldErrorsOf(error)).length > 0 ? null : error;
}
