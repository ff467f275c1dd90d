/**
 * ConnectService to SmartSimple instances: saving one (non-secrets in SQLite, secrets in the
 * keychain), building a client for one, testing one function by function, and the one-click
 * sandbox. The renderer only ever learns whether a secret is set.
 */
import {
  connectionInputSchema,
  type ConnectionDetails,
  type ConnectionInput,
  type ConnectionTest,
  type FunctionTestResult,
  type Instance,
} from '../../src-preload/contract';
import {
  getConnectionTest,
  getUsername,
  listFunctions,
  replaceFunctions,
  saveConnectionTest,
  setUsername,
  type StoredFunction,
} from './store';
import {
  createInstance,
  getInstance,
  listInstances,
  removeInstance,
  updateInstance,
} from '../instances/instances-store';
import { getSettings, updateSettings } from '../instances/settings-store';
import type { DB } from '../db/open';
import { AppError } from '../errors/app-error';
import type { Logger, SecretRegistry } from '../log/logger';
import {
  createSmartConnectClient,
  isSmartConnectError,
  type CallBudget,
  type SmartConnectClient,
  type WaitEvent,
} from '../smartsimple/client';
import { ACTIONS, RECORD_TYPES, functionSpecSchema, type FunctionRegistry } from '../smartsimple/protocol';
import type { Vault } from '../vault/vault';
import type { SandboxInfo, SandboxRuntime } from './sandbox-runtime';
import { budgetInfo } from './budget-info';
import { createSqliteBudget } from './sqlite-budget';
import { runConnectionTest } from './connection-test';

export interface ClientOptions {
  onWait?: (event: WaitEvent) => void;
  /** Tests shorten the client's patience. */
  timeoutMs?: number;
  /** How many attempts a failing read gets (default the client's). */
  attempts?: number;
}

/** The connection test wants an answer in seconds: one attempt per function, a short wait. */
const TEST_CLIENT: ClientOptions = { timeoutMs: 10_000, attempts: 1 };

export interface ConnectService {
  details(instanceId: string): Promise<ConnectionDetails>;
  save(input: ConnectionInput): Promise<ConnectionDetails>;
  remove(instanceId: string): Promise<void>;
  clientFor(instanceId: string, options?: ClientOptions): Promise<SmartConnectClient>;
  budgetFor(instanceId: string): CallBudget;
  test(instanceId: string, signal?: AbortSignal): Promise<ConnectionTest>;
  exploreSandbox(): Promise<ConnectionDetails>;
}

export const SANDBOX_INSTANCE_NAME = 'Sandbox (built-in)';
/** The sandbox's host is resolved at run time; this is what the settings show. */
export const SANDBOX_HOST_PLACEHOLDER = 'http://127.0.0.1';

/** The sandbox's function registry as a connection's input (tokens included). */
function sandboxFunctions(info: SandboxInfo): ConnectionInput['functions'] {
  return Object.entries(info.functions).map(([name, f]) => ({
    name,
    type: f.type,
    action: f.action,
    token: f.token,
    fields: f.fields,
    ...(f.reportid ? { reportid: f.reportid } : {}),
  }));
}

interface ConnectionsContext {
  db: DB;
  vault: Vault;
  logger: Logger;
  secrets: SecretRegistry;
  sandbox: SandboxRuntime;
  budgets: Map<string, CallBudget>;
}

export function createConnectService(deps: {
  db: DB;
  vault: Vault;
  logger: Logger;
  secrets: SecretRegistry;
  sandbox: SandboxRuntime;
}): ConnectService {
  const ctx: ConnectionsContext = { ...deps, budgets: new Map() };
  return {
    details: (instanceId) => details(ctx, instanceId),
    save: (input) => save(ctx, input),
    clientFor: (instanceId, options) => clientFor(ctx, instanceId, options),
    budgetFor: (instanceId) => budgetFor(ctx, instanceId),
    test: (instanceId, signal) => test(ctx, instanceId, signal),
    remove: (instanceId) => remove(ctx, instanceId),
    exploreSandbox: () => exploreSandbox(ctx),
  };
}

function budgetFor({ db, budgets }: ConnectionsContext, instanceId: string): CallBudget {
  let b = budgets.get(instanceId);
  if (!b) budgets.set(instanceId, (b = createSqliteBudget(db, instanceId)));
  return b;
}

/**
 * Which secrets an instance has. The built-in sandbox's are made up and derived from its seed, so
 * they are not secrets: they never go to the keychain and are always "set" (a machine without a
 * keychain can still explore it).
 */
async function secretStatus(
  ctx: ConnectionsContext,
  instance: Instance,
): Promise<{ password: boolean; tokens: string[] }> {
  if (instance.isSandbox) return { password: true, tokens: listFunctions(ctx.db, instance.id).map((f) => f.name) };
  const vaultStatus = await ctx.vault.status();
  return vaultStatus.available ? await ctx.vault.instanceStatus(instance.id) : { password: false, tokens: [] };
}

async function details(ctx: ConnectionsContext, instanceId: string): Promise<ConnectionDetails> {
  const { db } = ctx;
  const instance = getInstance(db, instanceId);
  const secrets = await secretStatus(ctx, instance);
  return {
    instance,
    username: getUsername(db, instanceId),
    passwordSet: secrets.password,
    functions: listFunctions(db, instanceId).map((f) => ({ ...f, tokenSet: secrets.tokens.includes(f.name) })),
    lastTest: getConnectionTest(db, instanceId),
    budget: budgetInfo(budgetFor(ctx, instanceId)),
  };
}

function validateFunctions(input: ConnectionInput): StoredFunction[] {
  const seen = new Set<string>();
  return input.functions.map((f) => {
    if (seen.has(f.name)) throw new AppError('VALIDATION', `The function ${f.name} is listed twice.`);
    seen.add(f.name);
    if (!(RECORD_TYPES as readonly string[]).includes(f.type)) {
      throw new AppError(
        'VALIDATION',
        `${f.name}: unknown record type "${f.type}" (one of ${RECORD_TYPES.join(', ')}).`,
      );
    }
    if (!(ACTIONS as readonly string[]).includes(f.action)) {
      throw new AppError('VALIDATION', `${f.name}: unknown action "${f.action}" (one of ${ACTIONS.join(', ')}).`);
    }
    return { name: f.name, type: f.type, action: f.action, fields: f.fields ?? [], reportid: f.reportid ?? null };
  });
}

async function save(ctx: ConnectionsContext, raw: ConnectionInput): Promise<ConnectionDetails> {
  const { db, vault, logger } = ctx;
  const input = connectionInputSchema.parse(raw);
  const functions = validateFunctions(input);
  // The sandbox's made-up credentials come from the sandbox itself: nothing goes to a keychain.
  if (input.instanceId && getInstance(db, input.instanceId).isSandbox) return saveSandbox(ctx, input, functions);
  // Secrets first need a keychain: refuse before anything is written.
  const vs = await vault.status();
  const hasSecrets = !!input.password || input.functions.some((f) => f.token);
  if (hasSecrets && !vs.available) throw new AppError('UNAVAILABLE', vs.reason ?? 'No OS keychain is available.');

  const isNew = !input.instanceId;
  const instance: Instance = db.transaction(() => {
    const inst = input.instanceId
      ? updateInstance(db, input.instanceId, input.instance)
      : createInstance(db, input.instance);
    setUsername(db, inst.id, input.username);
    replaceFunctions(db, inst.id, functions);
    if (!getSettings(db).activeInstanceId) updateSettings(db, { activeInstanceId: inst.id });
    return inst;
  })();
  // Without a keychain no secret can have been stored, so there is nothing to set or tidy.
  if (!vs.available) {
    logger.info('connection saved without a keychain', {
      instanceId: instance.id,
      functions: functions.length,
      isNew,
    });
    return details(ctx, instance.id);
  }
  try {
    if (input.password) await vault.set({ kind: 'password', instanceId: instance.id }, input.password);
    for (const f of input.functions) {
      if (f.token) await vault.set({ kind: 'token', instanceId: instance.id, functionName: f.name }, f.token);
    }
    // Tokens of functions no longer in the registry go too.
    const stored = await vault.instanceStatus(instance.id);
    for (const name of stored.tokens) {
      if (!functions.some((f) => f.name === name))
        await vault.delete({ kind: 'token', instanceId: instance.id, functionName: name });
    }
  } catch (err) {
    if (isNew) {
      removeInstance(db, instance.id);
      await vault.deleteInstance(instance.id).catch(() => 0);
    }
    throw err;
  }
  logger.info('connection saved', { instanceId: instance.id, functions: functions.length, isNew });
  return details(ctx, instance.id);
}

async function saveSandbox(
  ctx: ConnectionsContext,
  input: ConnectionInput & { instanceId?: string },
  functions: StoredFunction[],
): Promise<ConnectionDetails> {
  const { db } = ctx;
  const instanceId = input.instanceId as string;
  db.transaction(() => {
    updateInstance(db, instanceId, input.instance);
    setUsername(db, instanceId, input.username);
    replaceFunctions(db, instanceId, functions);
    if (!getSettings(db).activeInstanceId) updateSettings(db, { activeInstanceId: instanceId });
  })();
  ctx.logger.info('sandbox connection saved (its credentials need no keychain)', { instanceId });
  return details(ctx, instanceId);
}

/** The password and function tokens of an instance: the keychain's, or the sandbox's own. */
async function credentialsOf(
  ctx: ConnectionsContext,
  instance: Instance,
): Promise<{ baseUrl: string; password: string | null; token: (name: string) => Promise<string | null> }> {
  if (instance.isSandbox) {
    const info = await ctx.sandbox.ensure();
    return {
      baseUrl: info.url,
      password: info.apiUser.password,
      token: async (name) => info.functions[name]?.token ?? null,
    };
  }
  const password = await ctx.vault.get({ kind: 'password', instanceId: instance.id });
  return {
    baseUrl: instance.host,
    password,
    token: (functionName) => ctx.vault.get({ kind: 'token', instanceId: instance.id, functionName }),
  };
}

async function clientFor(
  ctx: ConnectionsContext,
  instanceId: string,
  options: ClientOptions = {},
): Promise<SmartConnectClient> {
  const { db, logger } = ctx;
  const instance = getInstance(db, instanceId);
  const { baseUrl, password, token: tokenOf } = await credentialsOf(ctx, instance);
  if (!password)
    throw new AppError('VALIDATION', `No API password is stored for ${instance.name}. Add it on the Connect screen.`);
  const registry: FunctionRegistry = {};
  for (const f of listFunctions(db, instanceId)) {
    const token = await tokenOf(f.name);
    if (!token) continue;
    registry[f.name] = functionSpecSchema.parse({
      type: f.type,
      action: f.action,
      token,
      fields: f.fields,
      ...(f.reportid ? { reportid: f.reportid } : {}),
    });
  }
  return createSmartConnectClient({
    connection: {
      baseUrl,
      alias: instance.alias,
      rootCompanyId: instance.rootCompanyId,
      apiVersion: instance.apiVersion,
    },
    credentials: { username: getUsername(db, instanceId), password },
    functions: registry,
    budget: budgetFor(ctx, instanceId),
    logger: logger.child(`smartconnect:${instance.alias}`),
    secrets: ctx.secrets,
    ...(options.onWait ? { onWait: options.onWait } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.attempts ? { retry: { attempts: options.attempts } } : {}),
  });
}

async function test(ctx: ConnectionsContext, instanceId: string, signal?: AbortSignal): Promise<ConnectionTest> {
  const { db } = ctx;
  const instance = getInstance(db, instanceId);
  const fns = listFunctions(db, instanceId);
  const stored = await secretStatus(ctx, instance);
  let result: ConnectionTest;
  try {
    const client = await clientFor(ctx, instanceId, TEST_CLIENT);
    result = await runConnectionTest({
      client,
      functions: fns,
      tokens: new Set(stored.tokens),
      rootCompanyId: instance.rootCompanyId,
      signal,
    });
  } catch (err) {
    if (!(err instanceof AppError) && !isSmartConnectError(err)) throw err;
    const failed: FunctionTestResult[] = fns.map((f) => ({
      name: f.name,
      action: f.action,
      status: 'failed',
      message: err.message,
      serverMessage: null,
      ms: 0,
    }));
    result = { testedAt: new Date().toISOString(), ok: false, calls: 0, results: failed };
  }
  saveConnectionTest(db, instanceId, result);
  return result;
}

async function remove(ctx: ConnectionsContext, instanceId: string): Promise<void> {
  const { db, vault, budgets } = ctx;
  getInstance(db, instanceId);
  const vs = await vault.status();
  if (vs.available) await vault.deleteInstance(instanceId);
  db.transaction(() => {
    removeInstance(db, instanceId);
    if (getSettings(db).activeInstanceId === instanceId) {
      updateSettings(db, { activeInstanceId: listInstances(db)[0]?.id ?? null });
    }
  })();
  budgets.delete(instanceId);
}

async function exploreSandbox(ctx: ConnectionsContext): Promise<ConnectionDetails> {
  const { db, logger, budgets } = ctx;
  const info = await ctx.sandbox.ensure();
  // No keychain needed: the sandbox's credentials are made up, derived from its seed.
  const existing = listInstances(db).find((i) => i.isSandbox);
  const previousActive = getSettings(db).activeInstanceId;
  const instance = {
    name: existing?.name ?? SANDBOX_INSTANCE_NAME,
    host: SANDBOX_HOST_PLACEHOLDER,
    alias: info.alias,
    rootCompanyId: info.rootCompanyId,
    apiVersion: info.apiVersion,
  };
  const instanceId = existing?.id ?? createInstance(db, instance, { isSandbox: true }).id;
  try {
    await save(ctx, {
      instanceId,
      instance,
      username: info.apiUser.username,
      password: info.apiUser.password,
      functions: sandboxFunctions(info),
    });
    updateSettings(db, { activeInstanceId: instanceId });
    await test(ctx, instanceId);
  } catch (err) {
    // Leave things as they were: no new instance, its secrets gone, the same active one.
    if (!existing) {
      removeInstance(db, instanceId);
      budgets.delete(instanceId);
    }
    updateSettings(db, { activeInstanceId: previousActive });
    logger.warn('sandbox explore failed; nothing kept', { instanceId, created: !existing, error: err });
    throw err;
  }
  return details(ctx, instanceId);
}
