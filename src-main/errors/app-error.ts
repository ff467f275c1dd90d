/** An error that crosses to the renderer with its code and message intact. */
import type { ErrorCode } from '../../src-preload/contract';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const validation = (message: string, details?: unknown) => new AppError('VALIDATION', message, details);
