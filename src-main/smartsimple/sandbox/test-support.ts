/** Helpers for the sandbox's conformance tests: call functions over real HTTP with fetch. */
import type { RecordType } from '../protocol';
import { type SandboxHandle, type SandboxOptions, startSandbox } from './server';

export const TEST_NOW = Date.UTC(2026, 10, 1, 12);

export function startTestSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  return startSandbox({ seed: 5, people: 300, now: TEST_NOW, clock: 'manual', ...options });
}

export interface CallOptions {
  method?: 'GET' | 'POST';
  /** Send to another record type's endpoint. */
  type?: RecordType;
  version?: 1 | 2;
  /** Replace or drop (undefined) standard parameters. */
  overrides?: Record<string, string | undefined>;
  signal?: AbortSignal;
}

export interface CallResult {
  status: number;
  text: string;
  body: { records?: Array<Record<string, unknown>>; message: Record<string, unknown> } & Record<string, unknown>;
}

export function encode(params: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined) form.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  return form.toString();
}

export async function rawCall(
  handle: SandboxHandle,
  type: string,
  body: string,
  options: { method?: 'GET' | 'POST'; version?: number; signal?: AbortSignal } = {},
): Promise<CallResult> {
  const path = `/API/${options.version ?? 1}/${type}/`;
  const method = options.method ?? 'POST';
  const response = await fetch(method === 'GET' ? `${handle.url}${path}?${body}` : `${handle.url}${path}`, {
    method,
    headers: method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
    ...(method === 'POST' ? { body } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await response.text();
  let parsed: CallResult['body'];
  try {
    parsed = JSON.parse(text) as CallResult['body'];
  } catch {
    parsed = { message: { unparsable: text } };
  }
  return { status: response.status, text, body: parsed };
}

/** Calls a registered function by name with the API user's credentials. */
export function call(
  handle: SandboxHandle,
  name: string,
  params: Record<string, unknown> = {},
  options: CallOptions = {},
): Promise<CallResult> {
  const spec = handle.functions[name];
  if (!spec) throw new Error(`no function ${name}`);
  const standard: Record<string, string | undefined> = {
    apitoken: spec.token,
    alias: handle.alias,
    companyid: handle.rootCompanyId,
    username: handle.apiUser.username,
    password: handle.apiUser.password,
    ...options.overrides,
  };
  return rawCall(handle, options.type ?? spec.type, encode({ ...standard, ...params }), options);
}

export function errorOf(result: CallResult): string | undefined {
  const error = result.body.message.error;
  return typeof error === 'string' ? error : undefined;
}

/** Current values of a user as users.update wants them (read-modify-write). */
export async function userForUpdate(handle: SandboxHandle, id: string): Promise<Record<string, string | null>> {
  const got = await call(handle, 'users.get', { recordid: id });
  const current = got.body.records?.[0] as Record<string, string | null> | undefined;
  if (!current) throw new Error(`user ${id}: ${JSON.stringify(got.body)}`);
  const record: Record<string, string | null> = { recordid: id };
  for (const field of handle.functions['users.update']?.fields ?? [])
    record[field] = field === 'sf_Role ID List' ? (current['sf_User Role'] ?? '') : (current[field] ?? null);
  return record;
}
