/**
 * The SmartConnect vocabulary both sides need: record types, actions, the functions Admin Desk
 * uses, and the rule for a function's name. Main's protocol module (`src-main/smartsimple/protocol.ts`)
 * builds its schemas from these, and the Connect screen offers exactly the values main accepts.
 * Plain constants: this file imports nothing.
 */

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

/** Function names are ours (`users.list`); the server only knows tokens. */
export const FUNCTION_NAME_PATTERN = /^[a-z][a-z0-9_.-]*$/;
/** What FUNCTION_NAME_PATTERN allows, in words, for the message of a name that breaks it. */
export const FUNCTION_NAME_RULE = 'lowercase letters, digits, dot, dash or underscore';
/** The longest function name accepted. */
export const MAX_FUNCTION_NAME_LENGTH = 80;
