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

export async function startStub(options: StubOptions = {}): Promise<Stub> {
  const clock = options.clock ?? Date.now;
  const limit = options.hourlyLimit ?? HOURLY_CALL_LIMIT;
  const errorStyle = options.errorStyle ?? 'http200';
  const apiUser = { username: 'api@stub.test', password: 'S3cret-Passw0rd!' };
  const alias = 'stub';
  const rootCompanyId = '500';
  const functions: FunctionRegistry = {
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
  const byToken = new Map(Object.entries(functions).map(([name, spec]) => [spec.token, { name, spec }]));
  const people = new Map<string, WireRecord>();
  let nextId = 1001;
  for (let i = 0; i < (options.people ?? 30); i++) {
    const id = String(nextId++);
    people.set(id, {
      recordid: id,
      'sf_User ID': id,
      'sf_First Name': `First${i}`,
      'sf_Last Name': `Last${i}`,
      sf_Email: `person${i}@stub.test`,
      'sf_User Role': i % 2 === 0 ? ',10,20,' : ',10,',
      'sf_Company ID': '600',
    });
  }
  const requests: StubRequest[] = [];
  const applied: Stub['applied'] = [];
  let faults: StubFault[] = [];
  const calls: number[] = [];
  const sockets = new Set<Socket>();

  const takeFault = (fn: string, action: string, kinds: StubFaultKind[]): StubFault | undefined => {
    const f = faults.find(
      (x) =>
        kinds.includes(x.kind) &&
        (!x.match?.function || x.match.function === fn) &&
        (!x.match?.action || x.match.action === action),
    );
    if (!f) return undefined;
    if (f.times !== undefined && --f.times <= 0) faults = faults.filter((x) => x !== f);
    return f;
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => void handle(req, res, raw));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const fail = (res: http.ServerResponse, text: string, status4xx: number) =>
    send(res, errorStyle === 'http4xx' ? status4xx : 200, { message: { error: text } });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const url = new URL(req.url ?? '/', 'http://stub');
    const params = Object.fromEntries(new URLSearchParams(req.method === 'POST' ? raw : url.search));
    const m = /^\/API\/([12])\/([a-z]+)\/$/.exec(url.pathname);
    const found = byToken.get(params.apitoken ?? '');
    requests.push({
      fn: found?.name ?? '?',
      action: found?.spec.action ?? '?',
      type: m?.[2] ?? '?',
      method: req.method ?? '',
      params,
    });
    const now = clock();
    calls.push(now);
    if (calls.filter((t) => t > now - ROLLING_WINDOW_MS).length > limit) return fail(res, ERROR_TEXTS.hourlyLimit, 429);
    if (!m) return fail(res, ERROR_TEXTS.emptyRequest, 404);
    if (!found) return fail(res, ERROR_TEXTS.invalidToken, 401);
    if (
      params.username !== apiUser.username ||
      params.password !== apiUser.password ||
      params.alias !== alias ||
      params.companyid !== rootCompanyId
    ) {
      return fail(res, ERROR_TEXTS.credentials, 401);
    }
    const { name: fn, spec } = found;
    if (spec.type !== m[2]) return fail(res, ERROR_TEXTS.wrongEndpoint, 400);
    const latency = takeFault(fn, spec.action, ['latency']);
    if (latency) await new Promise((r) => setTimeout(r, latency.ms ?? 50));
    if (takeFault(fn, spec.action, ['hourlyLimit'])) return fail(res, ERROR_TEXTS.hourlyLimit, 429);
    const fault = takeFault(fn, spec.action, ['http500', 'reset', 'timeout', 'malformed']);
    const before = fault && (fault.when ?? 'before') === 'before';
    const act = (f: StubFault) => {
      if (f.kind === 'reset') return req.socket.destroy();
      if (f.kind === 'timeout') return; // never answers; the socket dies at close()
      if (f.kind === 'http500') return send(res, 500, { message: { error: ERROR_TEXTS.server } });
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>Service Unavailable</html>');
    };
    if (fault && before) return act(fault);
    let body: unknown;
    try {
      body = answer(fn, spec.action, spec.fields, params);
    } catch (e) {
      if (!(e instanceof StubError)) throw e;
      if (fault) return act(fault);
      return fail(res, e.message, e.status);
    }
    if (fault) return act(fault);
    send(res, 200, body);
  }

  function answer(fn: string, action: string, fields: string[], params: Record<string, string>): unknown {
    const project = (p: WireRecord) =>
      Object.fromEntries([['recordid', p.recordid ?? null], ...fields.map((f) => [f, p[f] ?? null])]);
    switch (action) {
      case 'get': {
        const p = people.get(params.recordid ?? '');
        if (!p) throw new StubError(ERROR_TEXTS.notFound, 404);
        return { records: [project(p)], message: {} };
      }
      case 'list':
      case 'report-query': {
        let rows = [...people.values()];
        const criteria = params.criteria
          ? (JSON.parse(params.criteria) as Array<{ andor: string; field: string; operator: string; value: string }>)
          : [];
        if (criteria.length > 0) {
          rows = rows.filter((r) => {
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
          });
        }
        const sortby = params.sortby ? (JSON.parse(params.sortby) as Array<{ field: string; direction: string }>) : [];
        rows.sort((a, b) => Number(a.recordid) - Number(b.recordid));
        for (const s of [...sortby].reverse()) {
          rows.sort(
            (a, b) =>
              String(a[s.field] ?? '').localeCompare(String(b[s.field] ?? '')) * (s.direction === 'desc' ? -1 : 1),
          );
        }
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
      case 'update': {
        const rset = JSON.parse(params.jsonrset ?? '[]') as Array<Record<string, string | null>>;
        const badRecord = takeFault(fn, action, ['badRecord']);
        const records = rset.map((r, i) => {
          const keys = Object.keys(r).filter((k) => k !== 'recordid');
          const exact = keys.length === fields.length && fields.every((f) => keys.includes(f));
          const id = String(r.recordid ?? '');
          if ((badRecord && i === 0) || !exact || (id !== '0' && !people.has(id))) {
            return { recordid: id, recordindex: i + 1, status: ERROR_TEXTS.record };
          }
          const newId = id === '0' ? String(nextId++) : id;
          const prev = people.get(newId) ?? { recordid: newId, 'sf_User ID': newId };
          const next: WireRecord = { ...prev };
          for (const f of fields) next[f === 'sf_Role ID List' ? 'sf_User Role' : f] = r[f] ?? null;
          people.set(newId, next);
          applied.push({ fn, recordid: newId, record: r });
          return { recordid: newId, recordindex: i + 1, status: 'updated successfully' };
        });
        return { records, message: {} };
      }
      case 'delete': {
        const rset = JSON.parse(params.jsonrset ?? '[]') as Array<{ recordid: string }>;
        return {
          records: rset.map((r, i) => {
            const ok = people.delete(r.recordid);
            if (ok) applied.push({ fn, recordid: r.recordid, record: r });
            return {
              recordid: r.recordid,
              recordindex: i + 1,
              status: ok ? 'deleted successfully' : ERROR_TEXTS.notFound,
            };
          }),
          message: {},
        };
      }
      case 'getmeta':
        return { user: { fields: [{ id: '9001', name: 'Department' }] }, message: {} };
      case 'associations-list':
        return {
          records: [
            {
              recordid: '1',
              associationid: '1',
              objectid: params.objectid ?? '',
              contactid: '1001',
              rolename: 'Reviewer',
            },
          ],
          message: { recordfrom: 1, recordto: 1, recordcount: 1, allcount: 1 },
        };
      case 'associations-update': {
        const rset = JSON.parse(params.jsonrset ?? '[]') as Array<Record<string, unknown>>;
        rset.forEach((r) => applied.push({ fn, recordid: String(r.objectid), record: r }));
        return {
          records: rset.map((r, i) => ({
            recordid: String(r.objectid),
            recordindex: i + 1,
            status: 'updated successfully',
          })),
          message: {},
        };
      }
    }
    throw new StubError(ERROR_TEXTS.emptyRequest, 400);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    alias,
    rootCompanyId,
    apiUser,
    functions,
    requests,
    applied,
    people,
    faults: {
      add: (f) => void faults.push({ ...f }),
      clear: () => void (faults = []),
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
