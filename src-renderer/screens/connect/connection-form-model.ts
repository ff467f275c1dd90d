/**
 * The Connect form's values and the pure steps around them: from what main says
 * (`ConnectionDetails`), to what main accepts (`ConnectionInput`), validation with the contract's
 * own schema, and merging a pasted registry. Secrets are never known here: a blank password or
 * token means "keep the stored one", and the form only carries new values the administrator typed.
 */
import type { FormErrors } from '@mantine/form';
import { connectionInputSchema, type ConnectionDetails, type ConnectionInput } from '../../../src-preload/contract';
import { capitalize, friendlyMessage } from '../../lib/form-resolver';
import type { PastedConnection, PastedFunction } from './parse-registry';

export interface FunctionDraft {
  name: string;
  type: string;
  action: string;
  fields: string[];
  reportid: string;
  /** A new token typed or pasted here; blank keeps the stored one. */
  token: string;
  /** Whether main holds a token for it already. */
  tokenSet: boolean;
}

export interface ConnectionFormValues {
  name: string;
  host: string;
  alias: string;
  rootCompanyId: string;
  apiVersion: 1 | 2;
  username: string;
  /** A new password; blank keeps the stored one. */
  password: string;
  functions: FunctionDraft[];
}

export const EMPTY_CONNECTION: ConnectionFormValues = {
  name: '',
  host: '',
  alias: '',
  rootCompanyId: '',
  apiVersion: 2,
  username: '',
  password: '',
  functions: [],
};

export function valuesFromDetails(details: ConnectionDetails): ConnectionFormValues {
  const { instance } = details;
  return {
    name: instance.name,
    host: instance.host,
    alias: instance.alias,
    rootCompanyId: instance.rootCompanyId,
    apiVersion: instance.apiVersion,
    username: details.username,
    password: '',
    functions: details.functions.map((f) => ({
      name: f.name,
      type: f.type,
      action: f.action,
      fields: [...f.fields],
      reportid: f.reportid ?? '',
      token: '',
      tokenSet: f.tokenSet,
    })),
  };
}

export function toConnectionInput(values: ConnectionFormValues, instanceId?: string): ConnectionInput {
  return {
    ...(instanceId ? { instanceId } : {}),
    instance: {
      name: values.name.trim(),
      host: values.host.trim(),
      alias: values.alias.trim(),
      rootCompanyId: values.rootCompanyId.trim(),
      apiVersion: values.apiVersion,
    },
    username: values.username.trim(),
    ...(values.password ? { password: values.password } : {}),
    functions: values.functions.map((f) => ({
      name: f.name,
      type: f.type,
      action: f.action,
      fields: f.fields,
      ...(f.reportid.trim() ? { reportid: f.reportid.trim() } : {}),
      ...(f.token.trim() ? { token: f.token.trim() } : {}),
    })),
  };
}

/** True when saving would send a secret (which needs the keychain). */
export function hasNewSecrets(values: ConnectionFormValues): boolean {
  return !!values.password || values.functions.some((f) => !!f.token.trim());
}

const INSTANCE_KEYS: Record<string, keyof ConnectionFormValues> = {
  name: 'name',
  host: 'host',
  alias: 'alias',
  rootCompanyId: 'rootCompanyId',
  apiVersion: 'apiVersion',
};

/**
 * Maps a path of the contract's input (`instance.host`, `functions.3.token`) to a form field:
 * instance fields to their inputs, function problems to the functions table, named by function.
 */
export function formKeyOf(path: readonly PropertyKey[], values: ConnectionFormValues): { key: string; prefix: string } {
  const [head, second, third] = path.map(String);
  if (head === 'instance' && second && INSTANCE_KEYS[second]) return { key: INSTANCE_KEYS[second], prefix: '' };
  if (head === 'functions') {
    const fn = values.functions[Number(second)];
    return {
      key: 'functions',
      prefix: `${fn?.name ?? `Function ${Number(second) + 1}`}${third ? ` (${third})` : ''}: `,
    };
  }
  return { key: head ?? 'form', prefix: '' };
}

/** Checks the values exactly as main will, before anything is sent. */
/** The longest instance name main accepts (the contract's name rule). */
export const MAX_CONNECTION_NAME = 120;

export function validateConnection(values: ConnectionFormValues): FormErrors {
  const result = connectionInputSchema.safeParse(toConnectionInput(values));
  const errors: FormErrors = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const { key, prefix } = formKeyOf(issue.path, values);
      const message = friendlyMessage(issue);
      errors[key] ??= prefix ? `${prefix}${message.charAt(0).toLowerCase()}${message.slice(1)}` : message;
    }
  }
  const names = values.functions.map((f) => f.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) errors.functions ??= `${twice} is listed twice. Keep one entry per function name.`;
  const nameLength = values.name.trim().length;
  if (nameLength > MAX_CONNECTION_NAME) {
    errors.name = `This name is ${nameLength.toLocaleString('en')} characters long. Keep it to ${MAX_CONNECTION_NAME} or fewer, e.g. "Acme production".`;
  }
  return errors;
}

/** Field errors from main's VALIDATION details, keyed like the form's own. */
export function serverFieldErrors(details: unknown, values: ConnectionFormValues): FormErrors {
  if (!Array.isArray(details)) return {};
  const errors: FormErrors = {};
  for (const issue of details as Array<{ path?: unknown; message?: unknown }>) {
    if (!Array.isArray(issue?.path) || typeof issue.message !== 'string') continue;
    const { key, prefix } = formKeyOf(issue.path as PropertyKey[], values);
    errors[key] ??= `${prefix}${prefix ? issue.message : capitalize(issue.message)}`;
  }
  return errors;
}

/**
 * A pasted registry merged into the form: same-named functions are replaced (with the pasted
 * token), others kept unless `replaceAll`; connection settings found beside it fill their fields.
 */
export function mergePasted(
  values: ConnectionFormValues,
  pasted: { functions: PastedFunction[]; connection: PastedConnection },
  replaceAll: boolean,
): ConnectionFormValues {
  const byName = new Map(values.functions.map((f) => [f.name, f]));
  const incoming: FunctionDraft[] = pasted.functions.map((f) => ({
    name: f.name,
    type: f.type,
    action: f.action,
    fields: f.fields,
    reportid: f.reportid ?? '',
    token: f.token,
    tokenSet: byName.get(f.name)?.tokenSet ?? false,
  }));
  const pastedNames = new Set(incoming.map((f) => f.name));
  const kept = replaceAll ? [] : values.functions.filter((f) => !pastedNames.has(f.name));
  const c = pasted.connection;
  return {
    ...values,
    ...(c.host ? { host: c.host } : {}),
    ...(c.alias ? { alias: c.alias } : {}),
    ...(c.rootCompanyId ? { rootCompanyId: c.rootCompanyId } : {}),
    ...(c.apiVersion ? { apiVersion: c.apiVersion } : {}),
    ...(c.username ? { username: c.username } : {}),
    ...(c.password ? { password: c.password } : {}),
    // A pasted alias is a better default name than nothing.
    name: values.name || (c.alias ? c.alias : values.name),
    functions: [...kept, ...incoming].sort((a, b) => a.name.localeCompare(b.name)),
  };
}
