/**
 * SmartConnect wire protocol: the facts and decisions shared by our client (`client/`) and the
 * sandbox instance (`sandbox/`). See ../shared/smartsimple/SMARTCONNECT.md. Where the real
 * behaviour is unknown, the decision is made here, once, so it is easy to change when a real
 * instance says otherwise.
 */
import { z } from 'zod';

// Record types, actions, the known functions and the rule for a function's name live in the
// contract's SmartConnect vocabulary, so the renderer can offer them too; re-exported here.
import {
  ACTIONS,
  FUNCTION_NAME_PATTERN,
  FUNCTION_NAME_RULE,
  MAX_FUNCTION_NAME_LENGTH,
  RECORD_TYPES,
  type KnownFunctionName,
  type RecordType,
} from '../../src-preload/contract/smartconnect';
export {
  ACTIONS,
  KNOWN_FUNCTIONS,
  RECORD_TYPES,
  type Action,
  type KnownFunctionName,
  type RecordType,
} from '../../src-preload/contract/smartconnect';

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
  .max(MAX_FUNCTION_NAME_LENGTH)
  .regex(FUNCTION_NAME_PATTERN, FUNCTION_NAME_RULE);
export const functionRegistrySchema = z.record(functionNameSchema, functionSpecSchema);
export type FunctionRegistry = z.infer<typeof functionRegistrySchema>;

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

/**
 * Fields written under one name and read under another (full-replace updates copy the current
 * value from the read name). Profile roles: read `sf_User Role`, written `sf_Role ID List`.
 */
export const WRITE_FIELD_READ_NAMES: Readonly<Record<string, string>> = {
  'sf_Role ID List': 'sf_User Role',
};
export const ROLE_LIST_READ_FIELD = 'sf_User Role';
export const ROLE_LIST_WRITE_FIELD = 'sf_Role ID List';

/**
 * Decision: the List criteria field that selects records by their own id, per record type (the
 * record id every List record carries as `recordid`).
 */
export const ID_CRITERIA_FIELDS: Readonly<Record<RecordType, string>> = {
  user: 'sf_User ID',
  company: 'sf_Company ID',
  levelone: 'sf_Level One ID',
  leveltwo: 'sf_Level Two ID',
  levelthree: 'sf_Level Three ID',
  transactions: 'sf_Transaction ID',
  report: 'recordid',
  sysvar: 'sf_ID',
  role: 'recordid',
};

// ---------------------------------------------------------------------------------------------
// Decisions made with the sandbox (src-main/smartsimple/sandbox/README.md has the full list).
// ---------------------------------------------------------------------------------------------

/** Ours: Associations-Update refuses a contact that already holds the role on the record. */
export const DUPLICATE_ASSOCIATION_TEXT = 'Duplicate association: the contact already holds this role on the record';

/** Per-record statuses. Update and Associations-Update say the first; Delete says the second. */
export const UPDATE_STATUS_OK = 'updated successfully';
export const DELETE_STATUS_OK = 'deleted successfully';

/**
 * Profile roles are read as `sf_User Role` and written as `sf_Role ID List` (the same
 * comma-wrapped id list). Decision: read functions (Get/List) list the read name, Update functions
 * list the write name, so a read-modify-write copies the one value across.
 */
export const ROLE_LIST_FIELDS = { read: 'sf_User Role', write: 'sf_Role ID List' } as const;

/**
 * Decision: `sf_Status` of a user carries the status name (the instance-defined list is these in
 * the sandbox). A person counts as active when access type is User or API, status Active and the
 * access expiry (if any) is in the future.
 */
export const USER_STATUSES = ['Active', 'Inactive', 'Pending'] as const;
export const COMPANY_STATUSES = ['Active', 'Inactive'] as const;

/**
 * Field lists the sandbox gives its functions, i.e. what an administrator is asked to configure.
 * Stamps (`sf_Last Updated`, ...) and other read-only fields may sit in an Update list: they must
 * then be resent with their current value (a stale stamp refuses the write), and be empty on
 * create (`sf_User ID`/`sf_Company ID` may also be "0").
 */
const USER_BASE_FIELDS = [
  'sf_User ID',
  'sf_First Name',
  'sf_Last Name',
  'sf_Email',
  'sf_Title',
  'sf_Phone',
  'sf_Company ID',
  'sf_Company',
  'sf_Is External',
] as const;
const USER_ACCESS_FIELDS = ['sf_Access Type', 'sf_User Type', 'sf_Status', 'sf_Access Expiry'] as const;
const USER_STAMP_FIELDS = ['sf_Last Updated', 'sf_Updated By', 'sf_Created Date', 'sf_Created By'] as const;
const USER_CUSTOM_FIELDS = ['cf_Department', 'cf_Employee Number', 'cf_Manager ID'] as const;
const USER_READ_FIELDS = [
  ...USER_BASE_FIELDS,
  ROLE_LIST_FIELDS.read,
  ...USER_ACCESS_FIELDS,
  'sf_Last Login',
  ...USER_STAMP_FIELDS,
  ...USER_CUSTOM_FIELDS,
];
const COMPANY_FIELDS = [
  'sf_Company ID',
  'sf_Name',
  'sf_Parent Company ID',
  'sf_Parent Company',
  'sf_Is External',
  'sf_Status',
  'sf_Category List',
  'sf_Phone',
  'sf_Web Site',
  'sf_Last Updated',
  'sf_Last Updated By',
  'sf_Created Date',
  'sf_Created By',
];
export const RECOMMENDED_FIELDS: Partial<Record<KnownFunctionName, readonly string[]>> = {
  'users.list': USER_READ_FIELDS,
  'users.get': USER_READ_FIELDS,
  'users.ids': ['sf_User ID', 'sf_Last Updated'],
  'users.update': [
    ...USER_BASE_FIELDS,
    ROLE_LIST_FIELDS.write,
    ...USER_ACCESS_FIELDS,
    ...USER_STAMP_FIELDS,
    ...USER_CUSTOM_FIELDS,
  ],
  'companies.list': COMPANY_FIELDS,
  'companies.get': COMPANY_FIELDS,
  'companies.ids': ['sf_Company ID', 'sf_Last Updated'],
  'companies.update': COMPANY_FIELDS,
  'programs.list': ['sf_Level One ID', 'sf_Name', 'sf_Status', 'sf_Type', 'sf_Owner ID', 'sf_Last Updated'],
  'transactions.update': ['sf_Object ID', 'sf_Type', 'sf_Subject', 'sf_Description', 'sf_Source'],
};

/**
 * Decision: Report-Query accepts the same `criteria`, `sortby` and paging `othersettings` as List
 * (a million log rows cannot come in one call) and answers with the same List counters. Report
 * functions keep an empty field list; their columns are fixed here. Each row also carries
 * `recordid` (the event, session or association id), and the default order is `recordid`
 * ascending, which for the logs is also time order. Dates are `YYYY-MM-DD HH:MM:SS` UTC.
 */
export const ACCESS_ACTIONS = [
  'activated',
  'deactivated',
  'role_added',
  'role_removed',
  'password_reset',
  // Ours (the real log's wording is unknown; older SmartSimple logs list "Locked Users"): an
  // account locked after the password policy's failed sign-ins, and the lock lifted by an
  // administrator in SmartSimple's own screens. A password reset lifts a lock too. Appended, so
  // the stored action numbers of existing logs keep their meaning.
  'locked',
  'unlocked',
] as const;
/** Events that decide whether an account is locked: the latest of them says so. */
export const LOCK_ACTIONS: readonly AccessAction[] = ['locked', 'unlocked', 'password_reset'];
export type AccessAction = (typeof ACCESS_ACTIONS)[number];
export const REPORT_COLUMNS = {
  /** `detail`: the changed role ids (`,14078,`) for role events, a short text otherwise. */
  'reports.access_modification': ['eventid', 'userid', 'action', 'detail', 'changed_by', 'timestamp'],
  'reports.login_sessions': ['sessionid', 'userid', 'session_start', 'session_end', 'ip', 'user_agent'],
  'reports.program_assignments': ['associationid', 'objectid', 'program_name', 'contactid', 'roleid', 'rolename'],
} as const satisfies Partial<Record<KnownFunctionName, readonly string[]>>;

/**
 * Decision: the roles catalogue (`roles.meta`, Get Meta on `/API/<v>/role/`) answers
 * `{"records": [RoleCatalogueRecord...], "message": {}}`, ordered by role id.
 */
export interface RoleCatalogueRecord {
  'sf_Role ID': string;
  'sf_Role Name': string;
  sf_Description: string;
  /** "1" when the role may only be used as a UTA role (never on a profile). */
  'sf_UTA Roles Only': string;
}

/**
 * Decision: Get Meta on users answers `{"contacts": {"fields": [MetaField...]}, "message": {}}`;
 * a custom field can then be named `cf_<name>` or `cf_<id>` in field lists and criteria.
 */
export interface MetaField {
  id: string;
  name: string;
  type: string;
}

/**
 * Decision: Associations-List takes `objectid` and answers `records` of
 * `{recordid, associationid, objectid, contactid, roleid, rolename}` (association id ascending)
 * with the List counters; `othersettings` paging works as in List. Associations-Update answers one
 * `{recordid: <association id>, recordindex (1-based over all contacts entries), objectid, status}`
 * per contacts entry; `delete: "1"` with an `associationid` removes that association.
 */
export interface AssociationRecord {
  recordid: string;
  associationid: string;
  objectid: string;
  contactid: string;
  roleid: string;
  rolename: string;
}

/**
 * Fields the server maintains itself (stamps, and names derived from an id). An Update function
 * may list them (they must then carry their current value), but after a write they change on
 * their own, so reading back a write never compares them.
 */
export const SERVER_MAINTAINED_FIELDS: readonly string[] = [
  'sf_Last Updated',
  'sf_Updated By',
  'sf_Last Updated By',
  'sf_Modified Date',
  'sf_Created Date',
  'sf_Created By',
  'sf_Last Login',
  'sf_Company',
  'sf_Parent Company',
];
