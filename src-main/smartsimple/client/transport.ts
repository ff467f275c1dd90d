/**
 * One HTTP exchange with SmartConnect: the URL rules (https, or plain http to loopback only), the
 * form encoding, the per-attempt timeout, and turning what came back into either a parsed JSON
 * reply or a SmartConnectError. Whether to retry, wait or give up is the client's business.
 */
import type { ApiVersion, RecordType } from '../protocol';
import { errorTextOf } from '../protocol';
import { SmartConnectError, cancelledError } from './errors';

export interface ConnectionSettings {
  /** `https://acme.smartsimple.com`, a vanity domain, or `http://127.0.0.1:PORT` (loopback only). */
  baseUrl: string;
  alias: string;
  rootCompanyId: string | number;
  apiVersion: ApiVersion;
}

export interface Credentials {
  username: string;
  password: string;
}

/** 127.0.0.0/8, ::1 and localhost: the only hosts plain http may go to (the sandbox). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return v4 !== null && v4.slice(1).every((n) => Number(n) <= 255);
}

/** Parses the base URL and refuses anything but https (or http to a loopback host). */
export function checkBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new SmartConnectError({
      kind: 'https-required',
      message: `Not a URL: ${JSON.stringify(baseUrl)}`,
      retryable: false,
    });
  }
  const ok = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!ok) {
    throw new SmartConnectError({
      kind: 'https-required',
      message: `SmartConnect needs https:// (plain http only to a loopback host): ${url.protocol}//${url.host}`,
      retryable: false,
    });
  }
  if (url.username || url.password) {
    throw new SmartConnectError({
      kind: 'https-required',
      message: 'The base URL must not carry credentials',
      retryable: false,
    });
  }
  return url;
}

export function endpointUrl(base: URL, apiVersion: ApiVersion, type: RecordType): string {
  const root = base.href.replace(/\/+$/, '');
  return `${root}/API/${apiVersion}/${type}/`;
}

export type FormValue = string | number | object | undefined;

/** The form body: identity first, then the function's parameters; objects travel as JSON strings. */
export function encodeForm(
  connection: ConnectionSettings,
  credentials: Credentials,
  token: string,
  params: Record<string, FormValue>,
): string {
  const form = new URLSearchParams();
  form.set('apitoken', token);
  form.set('alias', connection.alias);
  form.set('companyid', String(connection.rootCompanyId));
  form.set('username', credentials.username);
  form.set('password', credentials.password);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    form.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return form.toString();
}

/** A reply the server produced: parsed JSON and its error text, if any. */
export interface Reply {
  httpStatus: number;
  body: Record<string, unknown>;
  errorText: string | undefined;
  /** A `Retry-After` header, in ms (the sandbox sends one with its 4xx limit refusals). */
  retryAfterMs?: number | undefined;
}

/** `Retry-After`: delta seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Network error codes raised before a single byte of the request left: safe to resend anything. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function errorCode(e: unknown): string | undefined {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === 'object' && depth < 4; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

export interface ExchangeOptions {
  url: string;
  body: string;
  fn: string;
  timeoutMs: number;
  /** The caller's signal; writes pass none once they are on the wire (see client.ts). */
  signal?: AbortSignal | undefined;
  fetch: typeof fetch;
  scrub: (text: string) => string;
}

/**
 * POSTs once. Resolves with the parsed reply (including error replies with a text), rejects with
 * a SmartConnectError for what has no parseable reply: network, timeout, cancelled, malformed,
 * or a 5xx without text. `maybeSent` on the rejection says whether the server may have got it.
 */
export async function exchange(options: ExchangeOptions): Promise<Reply> {
  const { fn, signal } = options;
  if (signal?.aborted) throw cancelledError(fn);
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let httpStatus = 0;
  let retryAfter: string | null = null;
  let text: string;
  try {
    const res = await options.fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: options.body,
      signal: combined,
      // A 307/308 would resend the password to wherever it points: never follow.
      redirect: 'manual',
    });
    httpStatus = res.status;
    retryAfter = res.headers.get('retry-after');
    text = await res.text();
    if (httpStatus >= 300 && httpStatus < 400) {
      throw new SmartConnectError({
        kind: 'bad-request',
        fn,
        httpStatus,
        message: `${fn}: the server answered with a redirect (HTTP ${httpStatus}); not followed, check the base URL`,
        maybeSent: false,
      });
    }
  } catch (e) {
    if (e instanceof SmartConnectError) throw e;
    if (signal?.aborted) throw cancelledError(fn);
    if (timeout.aborted) {
      throw new SmartConnectError({
        kind: 'timeout',
        fn,
        httpStatus: httpStatus || undefined,
        message: `${fn}: no answer within ${options.timeoutMs} ms`,
        cause: e,
        maybeSent: true,
      });
    }
    const code = errorCode(e);
    const maybeSent = !(code && NOT_SENT_CODES.has(code));
    throw new SmartConnectError({
      kind: 'network',
      fn,
      httpStatus: httpStatus || undefined,
      message: `${fn}: network error${code ? ` (${code})` : ''}`,
      cause: e,
      maybeSent,
    });
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const errorText = errorTextOf(body);
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    const kind = httpStatus >= 500 ? 'server' : 'malformed';
    throw new SmartConnectError({
      kind,
      fn,
      httpStatus,
      message: `${fn}: ${kind === 'server' ? `server error (HTTP ${httpStatus})` : `the reply is not a JSON object (HTTP ${httpStatus}, ${text.length} bytes)`}`,
      maybeSent: true,
    });
  }
  return {
    httpStatus,
    body: body as Record<string, unknown>,
    errorText: errorText === undefined ? undefined : options.scrub(errorText),
    retryAfterMs: parseRetryAfter(retryAfter),
  };
}
