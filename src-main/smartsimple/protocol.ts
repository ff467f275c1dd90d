/**
 * SmartConnect wire protocol: the facts and decisions shared by our client (`client/`) and the
 * sandbox instance (`sandbox/`). See ../shared/smartsimple/SMARTCONNECT.md. Where the real
 * behaviour is unknown, the decision is made here, once, so it is easy to change when a real
 * instance says otherwise.
 */
import { z } from 'zod';

/** Record types, each with its endpoint `/API/<version>/<type>/`. */
export const RECORD_TYPES = [
  'user',
  'company',
  'levelone',
  'leveltwo',
  'levelthree',
  'transactions',
  'report',
  'sysvar',
  // Decision: the roles catalogue is read through a Get Meta function on its own endpoint
  // `/API/<v>/role/`; the vendor documents "Roles has Get Meta" but not its path.
  'role',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Action types of a SmartConnect function (one per function). */
export const ACTIONS = [
  'get',
  'list',
  'update',
  'delete',
  'getmeta',
  'associations-list',
  'associations-update',
  'report-query',
] as const;
export type Action = (typeof ACTIONS)[number];

export const API_VERSIONS = [1, 2] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/**
 * One admin-defined SmartConnect function as the connection settings hold it. The token is a
 * secret: in the settings it lives in the keychain; the registry the sandbox prints carries it so
 * that it can be pasted into the Connect screen.
 */
export const functionSpecSchema = z
  .object({
    type: z.enum(RECORD_TYPES),
    action: z.enum(ACTIONS),
    token: z.string().min(8).max(200),
    /** The function's fixed field list (`sf_`/`cf_` names); empty for delete, meta and reports. */
    fields: z.array(z.string().min(1).max(300)).max(200).default([]),
    /** For report functions: the Report Builder report id. */
    reportid: z.string().max(40).optional(),
  })
  .strict();
export type FunctionSpec = z.infer<typeof functionSpecSchema>;

/** Function names are ours (`users.list`); the server only knows tokens. */
export const functionNameSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z][a-z0-9_.-]*$/, 'lowercase letters, digits, dot, dash or underscore');
export const functionRegistrySchema = z.record(functionNameSchema, functionSpecSchema);
export type FunctionRegistry = z.infer<typeof functionRegistrySchema>;

/**
 * The functions Admin Desk uses, by name. An instance may define more; these are the ones the
 * sync, plans and connection test look for. The sandbox creates all of them.
 */
export const KNOWN_FUNCTIONS = {
  'users.list': { type: 'user', action: 'list' },
  'users.ids': { type: 'user', action: 'list' },
  'users.get': { type: 'user', action: 'get' },
  'users.update': { type: 'user', action: 'update' },
  'users.delete': { type: 'user', action: 'delete' },
  'users.meta': { type: 'user', action: 'getmeta' },
  'companies.list': { type: 'company', action: 'list' },
  'companies.ids': { type: 'company', action: 'list' },
  'companies.get': { type: 'company', action: 'get' },
  'companies.update': { type: 'company', action: 'update' },
  'programs.list': { type: 'levelone', action: 'list' },
  'programs.associations.list': { type: 'levelone', action: 'associations-list' },
  'programs.associations.update': { type: 'levelone', action: 'associations-update' },
  'roles.meta': { type: 'role', action: 'getmeta' },
  'transactions.update': { type: 'transactions', action: 'update' },
  'reports.access_modification': { type: 'report', action: 'report-query' },
  'reports.login_sessions': { type: 'report', action: 'report-query' },
  'reports.program_assignments': { type: 'report', action: 'report-query' },
} as const satisfies Record<string, { type: RecordType; action: Action }>;
export type KnownFunctionName = keyof typeof KNOWN_FUNCTIONS;

/** Exact error texts the vendor documents, and ours (marked) where the real text is unknown. */
export const ERROR_TEXTS = {
  invalidToken: 'Invalid API Token',
  hourlyLimit: 'Number of API Calls within the hour have reached the maximum limit, please try again later',
  httpsRequired: 'Invalid URL: URL should start with https://.',
  emptyRequest: 'Invalid API Request, request is empty or null',
  otherSettings: 'Encountered error while processing other setting parameters',
  record: 'Encountered error while processing record',
  list: 'Encountered error while processing list',
  notFound: 'Recordset does not exist',
  // Ours: the real texts are unknown.
  credentials: 'Invalid login credentials for API access',
  wrongEndpoint: 'API Token does not match the requested record type',
  server: 'Internal server error',
} as const;

/** The hourly limit per instance in a rolling hour. */
export const HOURLY_CALL_LIMIT = 1000;
export const ROLLING_WINDOW_MS = 60 * 60 * 1000;
/** A single call returns at most this many records. */
export const MAX_RECORDS_PER_CALL = 10_000;
/** Above this many records per call the vendor warns of slow or failing queries. */
export const RECOMMENDED_MAX_PAGE = 1000;
export const DEFAULT_PAGE_SIZE = 500;

/** Criteria operators accepted by List. */
export const CRITERIA_OPERATORS = ['=', '>', '>=', '<', '<=', '<>', '!=', 'like', 'not like', 'isempty'] as const;
export type CriteriaOperator = (typeof CRITERIA_OPERATORS)[number];
export interface Criterion {
  /** `and`/`or`, optionally with bracket tokens: `(`, `) and (`, `and (`, `)`. */
  andor: string;
  field: string;
  operator: CriteriaOperator;
  value: string;
}
export interface SortBy {
  field: string;
  direction: 'asc' | 'desc';
}
export interface OtherSettings {
  recordstart?: number;
  recordend?: number;
  recordsperpage?: number;
  pagenum?: number;
  getstorevalue?: 0 | 1;
  includearchive?: 0 | 1;
}

/** Every List `message` carries these counters. */
export interface ListMessage {
  recordfrom: number;
  recordto: number;
  recordcount: number;
  allcount: number;
}

/** A record as the wire carries it: string values (ids too), `null` for empty custom fields. */
export type WireRecord = Record<string, string | null>;

/** The response envelope. Errors: `message` holds an `error` string (decision, see below). */
export interface WireResponse<R = WireRecord> {
  records?: R[];
  message: Record<string, unknown>;
}

/**
 * Decision: an error is a response whose `message` has an `error` string, with HTTP 200 by default
 * (the sandbox can switch to 4xx). The client reads the text, never the status alone.
 */
export function errorTextOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const message = (body as { message?: unknown }).message;
  if (typeof message === 'string') return message || undefined;
  if (message && typeof message === 'object') {
    const error = (message as { error?: unknown }).error;
    if (typeof error === 'string' && error) return error;
  }
  return undefined;
}

/** Profile roles travel as a comma-wrapped id list: `",14078,14090,"`. */
export function parseRoleList(value: string | null | undefined): string[] {
  if (!value) return [];
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return [...new Set(ids)];
}
export function formatRoleList(ids: Iterable<string>): string {
  const unique = [...new Set([...ids].map((s) => s.trim()).filter((s) => s.length > 0))];
  return unique.length === 0 ? '' : `,${unique.join(',')},`;
}

/** Dates on the wire: `YYYY-MM-DD HH:MM:SS` (UTC in the sandbox). */
export function formatWireDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
export function parseWireDate(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const t = Date.parse(value.replace(' ', 'T') + (value.length <= 10 ? 'T00:00:00Z' : 'Z'));
  return Number.isNaN(t) ? undefined : t;
}

/** Access type codes (sf_Access Type): 1 portal/user access, 5 API access, 0 no access. */
export const ACCESS_TYPES = { user: '1', api: '5', none: '0' } as const;
/** Admin type codes (sf_User Type). */
export const USER_TYPES = { user: '10', localAdmin: '30', globalAdmin: '40' } as const;
