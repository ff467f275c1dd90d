/**
 * A tiny SmartConnect imitation on node:http for the client's own tests: a handful of functions,
 * people 1001.., paging, simple criteria, batched full-replace updates, and the faults the client
 * must survive. The real sandbox (../sandbox/) is the full imitation; this stub keeps the client's
 * tests independent of it and lets them poke at wire details it would not produce.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { FunctionRegistry, WireRecord } from '../protocol';
import { ERROR_TEXTS, HOURLY_CALL_LIMIT, ROLLING_WINDOW_MS } from '../protocol';

export type StubFaultKind = 'latency' | 'http500' | 'reset' | 'timeout' | 'malformed' | 'badRecord' | 'hourlyLimit';
export interface StubFault {
  kind: StubFaultKind;
  times?: number;
  match?: { function?: string; action?: string };
  /** Before or after applying a write (default before). */
  when?: 'before' | 'after';
  ms?: number;
}

export interface StubRequest {
  fn: string;
  action: string;
  type: string;
  method: string;
  params: Record<string, string>;
}

export interface StubOptions {
  people?: number;
  errorStyle?: 'http200' | 'http4xx';
  hourlyLimit?: number;
  clock?: () => number;
}

export interface Stub {
  url: string;
  alias: string;
  rootCompanyId: string;
  apiUser: { username: string; password: string };
  functions: FunctionRegistry;
  requests: StubRequest[];
  applied: Array<{ fn: string; recordid: string; record: Record<string, unknown> }>;
  people: Map<string, WireRecord>;
  faults: { add(fault: StubFault): void; clear(): void };
  close(): Promise<void>;
}

const USER_READ = ['sf_User ID', 'sf_First Name', 'sf_Last Name', 'sf_Email', 'sf_User Role', 'sf_Company ID'];
const USER_WRITE = ['sf_First Name', 'sf_Last Name', 'sf_Email', 'sf_Role ID List', 'sf_Company ID'];

function token(name: string): string {
  return `tok-${name.replace(/[^a-z]/g, '')}-${'x'.repeat(20)}~`;
}

const API_USER = { username: 'api@stub.test', password: 'S3cret-Passw0rd!' };
const ALIAS = 'stub';
const ROOT_COMPANY_ID = '500';

function stubFunctions(): FunctionRegistry {
  return {
    'users.list': { type: 'user', action: 'list', token: token('users.list'), fields: USER_READ },
    'users.get': { type: 'user', action: 'get', token: token('users.get'), fields: USER_READ },
    'users.update': { type: 'user', action: 'update', token: token('users.update'), fields: USER_WRITE },
    'users.delete': { type: 'user', action: 'delete', token: token('users.delete'), fields: [] },
    'users.meta': { type: 'user', action: 'getmeta', token: token('users.meta'), fields: [] },
    'programs.associations.list': {
      type: 'levelone',
      action: 'associations-list',
      token: token('assoc.list'),
      fields: [],
    },
    'programs.associations.update': {
      type: 'levelone',
      action: 'associations-update',
      token: token('assoc.update'),
      fields: [],
    },
    'reports.login_sessions': {
      type: 'report',
      action: 'report-query',
      token: token('report.sessions'),
      fields: [],
      reportid: '77',
    },
  };
}

/** What the stub's requests share: the people, what was applied, the faults waiting. */
interface World {
  people: Map<string, WireRecord>;
  nextId: number;
  applied: Stub['applied'];
  faults: StubFault[];
}

function createWorld(count: number): World {
  const world: World = { people: new Map(), nextId: 1001, applied: [], faults: [] };
  for (let i = 0; i < count; i++) {
    const id = String(world.nextId++);
    world.people.set(id, {
      recordid: id,
      'sf_User ID': id,
      'sf_First Name': `First${i}`,
      'sf_Last Name': `Last${i}`,
      sf_Email: `person${i}@stub.test`,
      'sf_User Role': i % 2 === 0 ? ',10,20,' : ',10,',
      'sf_Company ID': '600',
    });
  }
  return world;
}

function takeFault(world: World, fn: string, action: string, kinds: StubFaultKind[]): StubFault | undefined {
  const f = world.faults.find(
    (x) =>
      kinds.includes(x.kind) &&
      (!x.match?.function || x.match.function === fn) &&
      (!x.match?.action || x.match.action === action),
  );
  if (!f) return undefined;
  if (f.times !== undefined && --f.times <= 0) world.faults = world.faults.filter((x) => x !== f);
  return f;
}

type Criterion = { andor: string; field: string; operator: string; value: string };

function matches(r: WireRecord, criteria: Criterion[]): boolean {
  let acc: boolean | undefined;
  for (const c of criteria) {
    const v = String(r[c.field] ?? '');
    const hit =
      c.operator === '='
        ? v === c.value
        : c.operator === 'like'
          ? v.includes(c.value)
          : c.operator === '>'
            ? Number(v) > Number(c.value)
            : false;
    acc = acc === undefined ? hit : /or/i.test(c.andor) ? acc || hit : acc && hit;
  }
  return acc ?? true;
}

/** The rows of a List, filtered and sorted. */
function listRows(world: World, params: Record<string, string>): WireRecord[] {
  let rows = [...world.people.values()];
  const criteria = params.criteria ? (JSON.parse(params.criteria) as Criterion[]) : [];
  if (criteria.length > 0) rows = rows.filter((r) => matches(r, criteria));
  const sortby = params.sortby ? (JSON.parse(params.sortby) as Array<{ field: string; direction: string }>) : [];
  rows.sort((a, b) => Number(a.recordid) - Number(b.recordid));
  for (const s of [...sortby].reverse()) {
    rows.sort(
      (a, b) => String(a[s.field] ?? '').localeCompare(String(b[s.field] ?? '')) * (s.direction === 'desc' ? -1 : 1),
    );
  }
  return rows;
}

function listAnswer(world: World, params: Record<string, string>, project: (p: WireRecord) => unknown) {
  const rows = listRows(world, params);
  let other: Record<string, number>;
  try {
    other = params.othersettings ? (JSON.parse(params.othersettings) as Record<string, number>) : {};
  } catch {
    throw new StubError(ERROR_TEXTS.otherSettings, 400);
  }
  let from = 1;
  let to = Math.min(rows.length, 10_000);
  if ((other.recordend ?? 0) > 0) {
    from = other.recordstart ?? 1;
    to = Math.min(other.recordend ?? 0, rows.length);
  } else if (other.recordsperpage) {
    from = (other.recordstart ?? ((other.pagenum ?? 1) - 1) * other.recordsperpage + 1) as number;
    to = Math.min(from + other.recordsperpage - 1, rows.length);
  }
  const page = rows.slice(from - 1, Math.max(from - 1, to)).map(project);
  return {
    records: page,
    message: {
      recordfrom: page.length ? from : 0,
      recordto: page.length ? from + page.length - 1 : 0,
      recordcount: page.length,
      allcount: rows.length,
    },
  };
}

function updateAnswer(world: World, fn: string, action: string, fields: string[], params: Record<string, string>) {
  const rset = JSON.parse(params.jsonrset ?? '[]') as Array<Record<string, string | null>>;
  const badRecord = takeFault(world, fn, action, ['badRecord']);
  const records = rset.map((r, i) => {
    const keys = Object.keys(r).filter((k) => k !== 'recordid');
    const exact = keys.length === fields.length && fields.every((f) => keys.includes(f));
    const id = String(r.recordid ?? '');
    if ((badRecord && i === 0) || !exact || (id !== '0' && !world.people.has(id))) {
      return { recordid: id, recordindex: i + 1, status: ERROR_TEXTS.record };
    }
    const newId = id === '0' ? String(world.nextId++) : id;
    const prev = world.people.get(newId) ?? { recordid: newId, 'sf_User ID': newId };
    const next: WireRecord = { ...prev };
    for (const f of fields) next[f === 'sf_Role ID List' ? 'sf_User Role' : f] = r[f] ?? null;
    world.people.set(newId, next);
    world.applied.push({ fn, recordid: newId, record: r });
    return { recordid: newId, recordindex: i + 1, status: 'updated successfully' };
  });
  return { records, message: {} };
}

function deleteAnswer(world: World, fn: string, params: Record<string, string>) {
  const rset = JSON.parse(params.jsonrset ?? '[]') as Array<{ recordid: string }>;
  return {
    records: rset.map((r, i) => {
      const ok = world.people.delete(r.recordid);
      if (ok) world.applied.push({ fn, recordid: r.recordid, record: r });
      return { recordid: r.recordid, recordindex: i + 1, status: ok ? 'deleted successfully' : ERROR_TEXTS.notFound };
    }),
    message: {},
  };
}

function associationsAnswer(world: World, fn: string, action: string, params: Record<string, string>) {
  if (action === 'associations-list')
    return {
      records: [
        { recordid: '1', associationid: '1', objectid: params.objectid ?? '', contactid: '1001', rolename: 'Reviewer' },
      ],
      message: { recordfrom: 1, recordto: 1, recordcount: 1, allcount: 1 },
    };
  const rset = JSON.parse(params.jsonrset ?? '[]') as Array<Record<string, unknown>>;
  rset.forEach((r) => world.applied.push({ fn, recordid: String(r.objectid), record: r }));
  return {
    records: rset.map((r, i) => ({ recordid: String(r.objectid), recordindex: i + 1, status: 'updated successfully' })),
    message: {},
  };
}

function answer(world: World, fn: string, action: string, fields: string[], params: Record<string, string>): unknown {
  const project = (p: WireRecord) =>
    Object.fromEntries([['recordid', p.recordid ?? null], ...fields.map((f) => [f, p[f] ?? null])]);
  switch (action) {
    case 'get': {
      const p = world.people.get(params.recordid ?? '');
      if (!p) throw new StubError(ERROR_TEXTS.notFound, 404);
      return { records: [project(p)], message: {} };
    }
    case 'list':
    case 'report-query':
      return listAnswer(world, params, project);
    case 'update':
      return updateAnswer(world, fn, action, fields, params);
    case 'delete':
      return deleteAnswer(world, fn, params);
    case 'getmeta':
      return { user: { fields: [{ id: '9001', name: 'Department' }] }, message: {} };
    case 'associations-list':
    case 'associations-update':
      return associationsAnswer(world, fn, action, params);
  }
  throw new StubError(ERROR_TEXTS.emptyRequest, 400);
}

/** One stub's fixed parts and its counters. */
interface StubServer {
  world: World;
  functions: FunctionRegistry;
  byToken: Map<string, { name: string; spec: FunctionRegistry[string] }>;
  requests: StubRequest[];
  calls: number[];
  clock: () => number;
  limit: number;
  errorStyle: 'http200' | 'http4xx';
}

const sendJson = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** The checks before the action: limit, endpoint, token, credentials. The function, or the refusal. */
function admit(stub: StubServer, req: http.IncomingMessage, raw: string) {
  const url = new URL(req.url ?? '/', 'http://stub');
  const params = Object.fromEntries(new URLSearchParams(req.method === 'POST' ? raw : url.search));
  const m = /^\/API\/([12])\/([a-z]+)\/$/.exec(url.pathname);
  const found = stub.byToken.get(params.apitoken ?? '');
  stub.requests.push({
    fn: found?.name ?? '?',
    action: found?.spec.action ?? '?',
    type: m?.[2] ?? '?',
    method: req.method ?? '',
    params,
  });
  const now = stub.clock();
  stub.calls.push(now);
  const refuse = (text: string, status: number) => ({ refused: { text, status } }) as const;
  if (stub.calls.filter((t) => t > now - ROLLING_WINDOW_MS).length > stub.limit)
    return refuse(ERROR_TEXTS.hourlyLimit, 429);
  if (!m) return refuse(ERROR_TEXTS.emptyRequest, 404);
  if (!found) return refuse(ERROR_TEXTS.invalidToken, 401);
  if (
    params.username !== API_USER.username ||
    params.password !== API_USER.password ||
    params.alias !== ALIAS ||
    params.companyid !== ROOT_COMPANY_ID
  ) {
    return refuse(ERROR_TEXTS.credentials, 401);
  }
  if (found.spec.type !== m[2]) return refuse(ERROR_TEXTS.wrongEndpoint, 400);
  return { fn: found.name, spec: found.spec, params };
}

async function handle(stub: StubServer, req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
  const fail = (text: string, status4xx: number) =>
    sendJson(res, stub.errorStyle === 'http4xx' ? status4xx : 200, { message: { error: text } });
  const admitted = admit(stub, req, raw);
  if ('refused' in admitted) return fail(admitted.refused.text, admitted.refused.status);
  const { fn, spec, params } = admitted;
  const { world } = stub;
  const latency = takeFault(world, fn, spec.action, ['latency']);
  if (latency) await new Promise((r) => setTimeout(r, latency.ms ?? 50));
  if (takeFault(world, fn, spec.action, ['hourlyLimit'])) return fail(ERROR_TEXTS.hourlyLimit, 429);
  const fault = takeFault(world, fn, spec.action, ['http500', 'reset', 'timeout', 'malformed']);
  const before = fault && (fault.when ?? 'before') === 'before';
  const act = (f: StubFault) => {
    if (f.kind === 'reset') return req.socket.destroy();
    if (f.kind === 'timeout') return; // never answers; the socket dies at close()
    if (f.kind === 'http500') return sendJson(res, 500, { message: { error: ERROR_TEXTS.server } });
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html>Service Unavailable</html>');
  };
  if (fault && before) return act(fault);
  let body: unknown;
  try {
    body = answer(world, fn, spec.action, spec.fields, params);
  } catch (e) {
    if (!(e instanceof StubError)) throw e;
    if (fault) return act(fault);
    return fail(e.message, e.status);
  }
  if (fault) return act(fault);
  sendJson(res, 200, body);
}

export async function startStub(options: StubOptions = {}): Promise<Stub> {
  const functions = stubFunctions();
  const stub: StubServer = {
    world: createWorld(options.people ?? 30),
    functions,
    byToken: new Map(Object.entries(functions).map(([name, spec]) => [spec.token, { name, spec }])),
    requests: [],
    calls: [],
    clock: options.clock ?? Date.now,
    limit: options.hourlyLimit ?? HOURLY_CALL_LIMIT,
    errorStyle: options.errorStyle ?? 'http200',
  };
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => void handle(stub, req, res, raw));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    alias: ALIAS,
    rootCompanyId: ROOT_COMPANY_ID,
    apiUser: { ...API_USER },
    functions,
    requests: stub.requests,
    applied: stub.world.applied,
    people: stub.world.people,
    faults: {
      add: (f) => void stub.world.faults.push({ ...f }),
      clear: () => void (stub.world.faults = []),
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

class StubError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}
