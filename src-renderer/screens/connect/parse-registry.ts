/**
 * Reads what an administrator pastes on the Connect screen: a function registry
 * (`{ "users.list": { type, action, token, fields }, ... }`), the whole output of the sandbox CLI
 * (the same registry under `functions`, with url, alias, root company id and API user beside it),
 * or the list form the contract sends. Every entry is checked with the rules main applies, and
 * every problem is reported with the entry it is about, so one paste shows all that needs fixing.
 */
import {
  ACTIONS,
  FUNCTION_NAME_PATTERN,
  KNOWN_FUNCTIONS,
  MAX_FUNCTION_NAME_LENGTH,
  RECORD_TYPES,
  hostSchema,
} from '../../../src-preload/contract';

export interface PastedFunction {
  name: string;
  type: string;
  action: string;
  token: string;
  fields: string[];
  reportid?: string;
}

/** Connection settings found beside the registry (sandbox CLI output). */
export interface PastedConnection {
  host?: string;
  alias?: string;
  rootCompanyId?: string;
  apiVersion?: 1 | 2;
  username?: string;
  password?: string;
}

export type ParseResult =
  | { ok: true; functions: PastedFunction[]; connection: PastedConnection; warnings: string[] }
  | { ok: false; errors: string[] };

const ENTRY_KEYS = ['type', 'action', 'token', 'fields', 'reportid'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseRegistry(text: string): ParseResult {
  if (!text.trim())
    return { ok: false, errors: ['Nothing pasted yet. Paste the JSON the sandbox prints, or your own registry.'] };
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      errors: [`This is not valid JSON (${why}). Paste the whole object, from the first { to the last }.`],
    };
  }

  const errors: string[] = [];
  const warnings: string[] = [];
  let connection: PastedConnection = {};
  let entries: Array<[string, unknown]>;

  if (isObject(root) && 'functions' in root && !('type' in (isObject(root.functions) ? root.functions : {}))) {
    connection = readConnection(root, errors);
    entries = entriesOf(root.functions, errors);
  } else {
    entries = entriesOf(root, errors);
  }
  if (errors.length === 0 && entries.length === 0) errors.push('No functions found: the registry is empty.');

  const seen = new Set<string>();
  const functions: PastedFunction[] = [];
  for (const [name, value] of entries) {
    const fn = readEntry(name, value, errors);
    if (!fn) continue;
    if (seen.has(fn.name)) {
      errors.push(`${fn.name}: listed twice. Keep one entry per function name.`);
      continue;
    }
    seen.add(fn.name);
    functions.push(fn);
    const known = (KNOWN_FUNCTIONS as Record<string, { type: string; action: string }>)[fn.name];
    if (known && (known.type !== fn.type || known.action !== fn.action)) {
      warnings.push(
        `${fn.name}: Admin Desk expects a ${known.type} ${known.action} function under this name, not ${fn.type} ${fn.action}.`,
      );
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, functions, connection, warnings };
}

function entriesOf(value: unknown, errors: string[]): Array<[string, unknown]> {
  if (isObject(value)) return Object.entries(value);
  if (Array.isArray(value)) {
    // The list form: [{ name, type, action, token, fields }].
    return value.map((item, index): [string, unknown] => {
      if (!isObject(item) || typeof item.name !== 'string') return [`#${index + 1}`, null];
      const { name, ...rest } = item;
      return [name, rest];
    });
  }
  errors.push(
    'Expected a JSON object of functions by name, such as { "users.list": { "type": "user", "action": "list", "token": "…", "fields": [] } }.',
  );
  return [];
}

function readEntry(name: string, value: unknown, errors: string[]): PastedFunction | null {
  const before = errors.length;
  const fail = (message: string) => errors.push(`${name}: ${message}`);
  if (!FUNCTION_NAME_PATTERN.test(name) || name.length > MAX_FUNCTION_NAME_LENGTH) {
    fail(
      'a function name must start with a lowercase letter and use only lowercase letters, digits, dot, dash or underscore.',
    );
  }
  if (!isObject(value)) {
    fail('must be an object with type, action, token and fields.');
    return null;
  }
  for (const key of Object.keys(value)) {
    if (key !== 'name' && !ENTRY_KEYS.includes(key)) fail(`unknown key "${key}" (expected ${ENTRY_KEYS.join(', ')}).`);
  }
  const { type, action, token, fields, reportid } = value;
  if (typeof type !== 'string' || !(RECORD_TYPES as readonly string[]).includes(type)) {
    fail(`type ${describe(type)} is not a record type (one of ${RECORD_TYPES.join(', ')}).`);
  }
  if (typeof action !== 'string' || !(ACTIONS as readonly string[]).includes(action)) {
    fail(`action ${describe(action)} is not an action (one of ${ACTIONS.join(', ')}).`);
  }
  if (token === undefined || token === '') fail('the token is missing. Copy it from the function in SmartSimple.');
  else if (typeof token !== 'string') fail('the token must be a string.');
  else if (token.trim().length < 8 || token.trim().length > 200) fail('the token must be 8 to 200 characters.');
  const fieldList = fields === undefined ? [] : fields;
  if (!Array.isArray(fieldList) || fieldList.some((f) => typeof f !== 'string' || !f.trim() || f.length > 300)) {
    fail('fields must be a list of field names, such as ["sf_First Name", "cf_Department"].');
  } else if (fieldList.length > 200) {
    fail(`has ${fieldList.length} fields; at most 200 are allowed.`);
  }
  const rid = typeof reportid === 'number' ? String(reportid) : reportid;
  if (rid !== undefined && (typeof rid !== 'string' || rid.length > 40))
    fail('reportid must be a report id of at most 40 characters.');
  if (errors.length > before) return null;
  return {
    name,
    type: type as string,
    action: action as string,
    token: (token as string).trim(),
    fields: (fieldList as string[]).map((f) => f.trim()),
    ...(rid ? { reportid: rid as string } : {}),
  };
}

function readConnection(root: Json, errors: string[]): PastedConnection {
  const out: PastedConnection = {};
  const host = root.url ?? root.host;
  if (host !== undefined) {
    if (typeof host === 'string' && hostSchema.safeParse(host).success) out.host = host.trim().replace(/\/+$/, '');
    else errors.push(`url: ${describe(host)} is not an address such as https://acme.smartsimple.com.`);
  }
  if (root.alias !== undefined) {
    if (typeof root.alias === 'string' && /^[A-Za-z0-9_-]{1,80}$/.test(root.alias)) out.alias = root.alias;
    else errors.push(`alias: ${describe(root.alias)} must be letters, digits, dash or underscore.`);
  }
  const company = root.rootCompanyId ?? root.companyid;
  if (company !== undefined) {
    const value = typeof company === 'number' ? String(company) : company;
    if (typeof value === 'string' && /^\d{1,12}$/.test(value)) out.rootCompanyId = value;
    else errors.push(`rootCompanyId: ${describe(company)} must be digits only.`);
  }
  if (root.apiVersion !== undefined) {
    const v = Number(root.apiVersion);
    if (v === 1 || v === 2) out.apiVersion = v;
    else errors.push(`apiVersion: ${describe(root.apiVersion)} must be 1 or 2.`);
  }
  const user = isObject(root.apiUser) ? root.apiUser : root;
  if (typeof user.username === 'string' && user.username.trim()) out.username = user.username.trim();
  if (typeof user.password === 'string' && user.password) out.password = user.password;
  return out;
}

function describe(value: unknown): string {
  if (value === undefined) return '(missing)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
