/**
 * The checks every call goes through, in the vendor's order: https (when required) -> a
 * non-empty request -> a known token -> the endpoint of the token's record type -> API user
 * credentials -> the rolling hourly limit -> the action. Pure of HTTP: the server feeds it
 * parameters and turns its result into a response.
 */
import { type Action, ERROR_TEXTS, RECORD_TYPES, type RecordType } from '../protocol';
import { associationsListAction, associationsUpdateAction } from './actions/associations';
import type { ActionContext, ActionResult, ServerCore } from './actions/context';
import { metaAction } from './actions/meta';
import { getAction, listAction, reportAction } from './actions/read';
import { deleteAction, updateAction } from './actions/update';
import { errorBody, errorStatus, SandboxError } from './errors';
import type { RequestLogEntry } from './request-log';

const ACTIONS: Record<Action, (ctx: ActionContext) => ActionResult> = {
  get: getAction,
  list: listAction,
  update: updateAction,
  delete: deleteAction,
  getmeta: metaAction,
  'associations-list': associationsListAction,
  'associations-update': associationsUpdateAction,
  'report-query': reportAction,
};

export interface Route {
  version: 1 | 2;
  type: RecordType;
}

/** `/API/<1|2>/<type>/` (trailing slash optional), or null. */
export function parseRoute(pathname: string): Route | null {
  const m = /^\/API\/([12])\/([a-z]+)\/?$/i.exec(pathname);
  if (!m) return null;
  const type = (m[2] ?? '').toLowerCase();
  if (!(RECORD_TYPES as readonly string[]).includes(type)) return null;
  return { version: Number(m[1]) as 1 | 2, type: type as RecordType };
}

export interface DispatchResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function dispatch(
  core: ServerCore,
  route: Route,
  params: Readonly<Record<string, string>>,
  secure: boolean,
  entry: RequestLogEntry,
): DispatchResult {
  const now = core.clock.now();
  const fail = (error: SandboxError): DispatchResult => {
    entry.outcome = error.text;
    if (error.detail) entry.detail = error.detail;
    const status = errorStatus(error.text, core.settings.errorStyle);
    const headers: Record<string, string> = {};
    if (error.text === ERROR_TEXTS.hourlyLimit && core.settings.errorStyle === 'http4xx') {
      headers['retry-after'] = String(Math.ceil(core.limiter.retryAfter(now, core.settings.hourlyLimit) / 1000));
    }
    return { status, body: errorBody(error), headers };
  };
  try {
    if (core.settings.requireHttps && !secure) throw new SandboxError(ERROR_TEXTS.httpsRequired);
    if (Object.keys(params).length === 0) throw new SandboxError(ERROR_TEXTS.emptyRequest);
    const fn = core.functions.byToken.get(params.apitoken ?? '');
    if (!fn) throw new SandboxError(ERROR_TEXTS.invalidToken);
    entry.function = fn.name;
    entry.action = fn.spec.action;
    if (fn.spec.type !== route.type)
      throw new SandboxError(ERROR_TEXTS.wrongEndpoint, `${fn.spec.type} token on /${route.type}/`);
    const apiUser = core.credentials.authenticate(params, now);
    if (core.limiter.count(now) >= core.settings.hourlyLimit) throw new SandboxError(ERROR_TEXTS.hourlyLimit);
    core.limiter.record(now);
    entry.counted = true;
    const result = ACTIONS[fn.spec.action]({ core, fn, params, now, apiUser, entry });
    entry.outcome = result.outcome ?? 'ok';
    return { status: 200, body: result.body };
  } catch (error) {
    if (error instanceof SandboxError) return fail(error);
    throw error;
  }
}
