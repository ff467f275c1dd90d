/**
 * startSandbox: a real HTTP(S) server on loopback that behaves like a SmartSimple instance's
 * SmartConnect API (see README.md beside this file), with fault injection and a request log for
 * tests. Plain Node: no Electron, usable from tests, the CLI and the app's embedded sandbox.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { ERROR_TEXTS, type FunctionRegistry } from '../protocol';
import { serializeBody, type ServerCore, type SandboxSettings } from './actions/context';
import { type Clock, createClock, type SandboxClock } from './clock';
import { ApiCredentials } from './credentials';
import { dispatch, type DispatchResult, parseRoute } from './dispatch';
import type { ErrorStyle } from './errors';
import { type ActiveFault, FaultController } from './faults';
import { buildFunctions } from './functions';
import { parseOtherSettings } from './paging';
import type { Transaction } from './model';
import { QueryCache } from './query';
import { RollingWindow } from './rate-limit';
import { companyTable, programTable, transactionTable, userTable } from './record-tables';
import { reportTables } from './report-tables';
import { type AppliedWrite, RequestLog, type RequestLogEntry } from './request-log';
import type { GenerateOptions } from './seed/context';
import { type GeneratedInstance, generateInstance } from './seed/generate';
import type { GroundTruth } from './seed/ground-truth';
import { InstanceState } from './state';

export interface SandboxOptions extends Partial<GenerateOptions> {
  /** A pre-generated instance (it will be mutated); otherwise one is generated from the options. */
  instance?: GeneratedInstance;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** What the sandbox tells the Connect screen; both /API/1/ and /API/2/ answer alike. */
  apiVersion?: 1 | 2;
  hourlyLimit?: number;
  /** 'manual' starts a clock at the instance's generation time that moves only by advance(). */
  clock?: Clock | 'manual' | 'system';
  errorStyle?: ErrorStyle;
  partialBatch?: SandboxSettings['partialBatch'];
  requireHttps?: boolean;
  /** Added to every response, in real milliseconds. */
  latencyMs?: number;
  /** Serve HTTPS with this key and certificate. */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

/** What the Connect screen accepts (and the CLI prints). */
export interface SandboxConnection {
  url: string;
  alias: string;
  rootCompanyId: string;
  apiVersion: 1 | 2;
  apiUser: { username: string; password: string };
  functions: FunctionRegistry;
}

export interface SandboxHandle extends SandboxConnection {
  groundTruth: GroundTruth;
  state: InstanceState;
  clock: SandboxClock;
  faults: FaultController;
  settings: SandboxSettings;
  credentials: ApiCredentials;
  requestLog: readonly RequestLogEntry[];
  appliedWrites(): readonly AppliedWrite[];
  callsInWindow(): number;
  restore(type: 'user' | 'company' | 'levelone', id: string | number): boolean;
  transactions(): readonly Transaction[];
  connection(): SandboxConnection;
  close(): Promise<void>;
}

const MAX_BODY = 32 * 1024 * 1024;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) resolve(null);
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Query string, then the body (form-urlencoded, or a JSON object) over it. */
function parseParams(url: URL, body: string, contentType: string | undefined): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [k, v] of url.searchParams) params[k] = v;
  if (body.trim() === '') return params;
  if ((contentType ?? '').includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        for (const [k, v] of Object.entries(parsed)) params[k] = typeof v === 'string' ? v : JSON.stringify(v);
      }
    } catch {
      // Not JSON after all: nothing usable, as with an empty request.
    }
    return params;
  }
  for (const [k, v] of new URLSearchParams(body)) params[k] = v;
  return params;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = Buffer.from(typeof body === 'string' ? body : serializeBody(body), 'utf8');
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(payload.length),
    ...headers,
  });
  res.end(payload);
}

/** The state, limits, tables and logs one sandbox's requests share. */
function createCore(options: SandboxOptions): { core: ServerCore; groundTruth: GroundTruth } {
  const generated =
    options.instance ?? generateInstance({ ...options, seed: options.seed ?? 7, people: options.people ?? 1000 });
  const { data, groundTruth } = generated;
  const state = new InstanceState(data);
  const credentials = new ApiCredentials(state);
  credentials.setPassword(data.apiAccount.personId, data.apiAccount.password);
  const faults = new FaultController();
  faults.setLatency(options.latencyMs ?? 0);
  const core: ServerCore = {
    state,
    functions: buildFunctions(data.seed),
    tables: {
      user: userTable(state),
      company: companyTable(state),
      levelone: programTable(state),
      transactions: transactionTable(state),
    },
    reports: reportTables(state),
    queries: new QueryCache(),
    faults,
    log: new RequestLog(),
    settings: {
      errorStyle: options.errorStyle ?? 'http200',
      partialBatch: options.partialBatch ?? 'all-or-nothing',
      hourlyLimit: options.hourlyLimit ?? 1000,
      requireHttps: options.requireHttps ?? false,
    },
    clock: createClock(options.clock ?? 'system', data.now),
    credentials,
    limiter: new RollingWindow(),
  };
  return { core, groundTruth };
}

/** Records a paged request asks for (for faults that hit big pages); undefined when it asks for no page. */
function requestedPageSize(params: Record<string, string>): number | undefined {
  try {
    const settings = parseOtherSettings(params.othersettings);
    if ((settings.recordend ?? 0) > 0) return (settings.recordend ?? 0) - Math.max(1, settings.recordstart ?? 1) + 1;
    return settings.recordsperpage || undefined;
  } catch {
    // Dispatch answers a bad othersettings with its own error.
    return undefined;
  }
}

/** Ends the exchange the way the fault says; true when it did. */
function applyTerminalFault(
  fault: ActiveFault,
  req: IncomingMessage,
  res: ServerResponse,
  entry: RequestLogEntry,
  hung: Set<ServerResponse>,
): boolean {
  if (fault.kind === 'http500') {
    entry.status = 500;
    send(res, 500, { records: [], message: { error: ERROR_TEXTS.server } });
  } else if (fault.kind === 'reset') {
    req.socket.destroy();
  } else if (fault.kind === 'timeout') {
    // Never answered: the client gives up; close() ends it at the latest.
    hung.add(res);
    res.on('close', () => hung.delete(res));
  } else if (fault.kind === 'malformed') {
    entry.status = 200;
    send(res, 200, '{"records":[{"recordid":"1","sf_First Name":"Ad');
  } else return false;
  if (entry.outcome !== 'pending') entry.actionOutcome = entry.outcome;
  entry.outcome = `fault:${fault.kind}`;
  return true;
}

/** Answers the requests that never reach dispatch; true when it did. */
function refuseEarly(req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry, body: string | null): boolean {
  if (req.method !== 'GET' && req.method !== 'POST') {
    entry.outcome = 'method not allowed';
    entry.status = 405;
    send(res, 405, { records: [], message: { error: 'Method not allowed' } }, { allow: 'GET, POST' });
  } else if (body === null) {
    entry.outcome = 'body too large';
    entry.status = 413;
    send(res, 413, { records: [], message: { error: 'Request too large' } });
  } else return false;
  return true;
}

function createHandler(core: ServerCore, hung: Set<ServerResponse>) {
  const { clock, faults } = core;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const entry = core.log.begin(req.method ?? 'GET', url.pathname, clock.now());
    const body = req.method === 'GET' || req.method === 'POST' ? await readBody(req) : '';
    if (refuseEarly(req, res, entry, body)) return;
    const route = parseRoute(url.pathname);
    if (!route) {
      entry.outcome = 'no such endpoint';
      entry.status = 404;
      send(res, 404, { records: [], message: { error: 'Not Found' } });
      return;
    }
    entry.type = route.type;
    const params = parseParams(url, body ?? '', req.headers['content-type']);
    const known = core.functions.byToken.get(params.apitoken ?? '');
    const request = { function: known?.name, action: known?.spec.action, pageSize: requestedPageSize(params) };
    // Named in the log even when a fault answers before dispatch does.
    if (known) {
      entry.function = known.name;
      entry.action = known.spec.action;
    }
    if (request.pageSize !== undefined) entry.pageSize = request.pageSize;
    for (const fault of faults.take('before', request)) {
      entry.faults.push(fault.kind);
      if (fault.kind === 'latency') await sleep(fault.ms);
      else if (fault.kind === 'hourlyLimit') core.limiter.exhaust(clock.now(), core.settings.hourlyLimit);
      else if (applyTerminalFault(fault, req, res, entry, hung)) return;
    }
    let result: DispatchResult;
    try {
      result = dispatch(core, route, params, 'encrypted' in req.socket && Boolean(req.socket.encrypted), entry);
    } catch (error) {
      entry.outcome = ERROR_TEXTS.server;
      entry.detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      result = { status: 500, body: { records: [], message: { error: ERROR_TEXTS.server } } };
    }
    for (const fault of faults.take('after', request)) {
      entry.faults.push(fault.kind);
      if (fault.kind === 'latency') await sleep(fault.ms);
      else if (applyTerminalFault(fault, req, res, entry, hung)) return;
    }
    if (faults.globalLatency() > 0) await sleep(faults.globalLatency());
    entry.status = result.status;
    if (!res.destroyed) send(res, result.status, result.body, result.headers);
  };
}

/** The HTTP(S) server on its port, and the live sockets (close() ends them). */
async function listen(options: SandboxOptions, handler: ReturnType<typeof createHandler>) {
  const sockets = new Set<Socket>();
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    // Reached when the client vanished mid-body (dispatch errors are answered inside handler).
    handler(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) send(res, 500, { records: [], message: { error: ERROR_TEXTS.server } });
    });
  };
  const server: Server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener)
    : createHttpServer(listener);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  const url = `${options.tls ? 'https' : 'http'}://${options.host ?? '127.0.0.1'}:${port}`;
  return { server, sockets, url };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const { core, groundTruth } = createCore(options);
  const { state, clock, faults, credentials } = core;
  const hung = new Set<ServerResponse>();
  const { server, sockets, url } = await listen(options, createHandler(core, hung));
  const connection: SandboxConnection = {
    url,
    alias: state.data.alias,
    rootCompanyId: String(state.data.rootCompanyId),
    apiVersion: options.apiVersion ?? 1,
    apiUser: { username: state.data.apiAccount.username, password: state.data.apiAccount.password },
    functions: core.functions.registry,
  };
  let closing: Promise<void> | null = null;

  return {
    ...connection,
    groundTruth,
    state,
    clock,
    faults,
    settings: core.settings,
    credentials,
    requestLog: core.log.entries,
    appliedWrites: () => core.log.applied,
    callsInWindow: () => core.limiter.count(clock.now()),
    restore: (type, id) => state.restore(type, Number(id)),
    transactions: () => state.data.transactions,
    connection: () => structuredClone(connection),
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        for (const res of hung) res.destroy();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      })),
  };
}
