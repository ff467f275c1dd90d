/**
 * Errors as the wire carries them. Decision (SMARTCONNECT.md): HTTP 200 with the text in
 * `message.error` by default; the 'http4xx' style sends the same body with a fitting status so
 * the client is tested against both and never trusts the status alone.
 */
import { DUPLICATE_ASSOCIATION_TEXT, ERROR_TEXTS } from '../protocol';

export type ErrorStyle = 'http200' | 'http4xx';

export class SandboxError extends Error {
  constructor(
    readonly text: string,
    /** Why, for the request log only: the wire carries just the vendor-style text. */
    readonly detail?: string,
    /** 1-based index of the failing record in a batch, when there is one. */
    readonly recordindex?: number,
  ) {
    super(detail ? `${text} (${detail})` : text);
  }
}

export const recordError = (detail: string, recordindex?: number): SandboxError =>
  new SandboxError(ERROR_TEXTS.record, detail, recordindex);
export const listError = (detail: string): SandboxError => new SandboxError(ERROR_TEXTS.list, detail);

const STATUS_4XX = new Map<string, number>([
  [ERROR_TEXTS.emptyRequest, 400],
  [ERROR_TEXTS.otherSettings, 400],
  [ERROR_TEXTS.record, 400],
  [ERROR_TEXTS.list, 400],
  [DUPLICATE_ASSOCIATION_TEXT, 400],
  [ERROR_TEXTS.invalidToken, 401],
  [ERROR_TEXTS.credentials, 401],
  [ERROR_TEXTS.wrongEndpoint, 403],
  [ERROR_TEXTS.httpsRequired, 403],
  [ERROR_TEXTS.notFound, 404],
  [ERROR_TEXTS.hourlyLimit, 429],
]);

export function errorStatus(text: string, style: ErrorStyle): number {
  return style === 'http4xx' ? (STATUS_4XX.get(text) ?? 400) : 200;
}

export function errorBody(error: SandboxError): { records: never[]; message: Record<string, unknown> } {
  const message: Record<string, unknown> = { error: error.text };
  if (error.recordindex !== undefined) message.recordindex = error.recordindex;
  return { records: [], message };
}
