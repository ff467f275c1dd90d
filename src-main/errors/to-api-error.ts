/** Turns anything thrown into the error shape that crosses to the renderer. */
import type { ApiError } from '../../src-preload/contract';
import { AppError } from './app-error';

export function toApiError(err: unknown): ApiError {
  if (err instanceof AppError) {
    return err.details === undefined
      ? { code: err.code, message: err.message }
      : { code: err.code, message: err.message, details: err.details };
  }
  if (err instanceof Error && err.name === 'AbortError') return { code: 'CANCELLED', message: 'Cancelled.' };
  // Errors that know how to present themselves (e.g. SmartConnect errors) can say so.
  const coded = err as { toApiError?: () => ApiError } | null;
  if (coded && typeof coded.toApiError === 'function') return coded.toApiError();
  return { code: 'INTERNAL', message: 'Something went wrong inside Admin Desk. The details are in the log.' };
}
