/**
 * Builder from a CSV: add, remove or replace profile roles for the people listed.
 *
 * Columns (headers, any case): `email` and/or `id` (`user id`, `person id` too) to find the
 * person; optionally `roles` (ids or names, separated by `;` or `|`) and `action`
 * (add / remove / replace) per row. Roles given with the call apply to rows without a roles
 * column. A person is matched by id first, else by e-mail (several people with one e-mail is
 * ambiguous, never a guess). Rows that match no one, or name an unknown role, are reported with
 * their line number; the rest become operations.
 */
import { parse } from 'csv-parse/sync';
import type { DB } from '../../db/open';
import { findMirrorPeopleByEmail, getMirrorPeople } from '../store/mirror-reads';
import { countOperations } from '../store/plans-store';
import { validation } from '../../errors/app-error';
import { NOT_A_CSV, looksBinary, plainCsvError } from './csv-errors';
import { loadCatalogue } from '../planning-context';
import { addOperations, getPlan, requireEditable, requirePlan } from '../plans';
import type { OperationInput, RoleInfo } from '../types';
import type { CsvBuildResult, CsvProblem } from '../../../src-preload/contract';

export type { CsvBuildResult, CsvProblem };

export type CsvRoleMode = 'add' | 'remove' | 'replace';

export interface CsvRolesInput {
  planId: string;
  actor: string;
  csv: string;
  mode: CsvRoleMode;
  /** Role ids or names for rows without a roles column. */
  roles?: (number | string)[];
  source?: 'admin' | 'ai';
  aiSuggestionId?: string;
}

const MAX_BYTES = 10 * 1024 * 1024;
const HEADER_ALIASES: Record<string, string> = {
  email: 'email',
  'e-mail': 'email',
  sf_email: 'email',
  mail: 'email',
  id: 'id',
  'user id': 'id',
  userid: 'id',
  'person id': 'id',
  'sf_user id': 'id',
  'contact id': 'id',
  roles: 'roles',
  role: 'roles',
  'role ids': 'roles',
  'role names': 'roles',
  action: 'action',
  mode: 'action',
};

function resolveRole(value: string | number, roles: RoleInfo[]): RoleInfo | undefined {
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return roles.find((r) => r.id === Number(text));
  return roles.find((r) => r.name.toLowerCase() === text.toLowerCase());
}

export function buildFromCsv(db: DB, input: CsvRolesInput): CsvBuildResult {
  if (input.csv.length > MAX_BYTES) throw validation('The CSV is larger than 10 MB.');
  if (looksBinary(input.csv)) throw validation(NOT_A_CSV);
  const row = requirePlan(db, input.planId);
  requireEditable(row);
  const records = parseCsv(input.csv);
  const first = records[0]?.record;
  if (first && !('email' in first) && !('id' in first)) throw validation('The CSV needs an "email" or an "id" column.');

  const catalogue = loadCatalogue(db, row.instance_id);
  const roles = [...catalogue.roles.values()].filter((r) => !r.utaOnly);
  const ids = records.map((r) => Number(r.record.id)).filter((n) => Number.isSafeInteger(n) && n > 0);
  const byId = getMirrorPeople(db, row.instance_id, ids);
  const byEmail = findMirrorPeopleByEmail(
    db,
    row.instance_id,
    records.map((r) => r.record.email ?? ''),
  );

  const unmatched: CsvProblem[] = [];
  const problems: CsvProblem[] = [];
  const operations: OperationInput[] = [];
  const lineOfOp: number[] = [];
  const cellsOfOp: string[][] = [];
  const extra: OperationExtra = {
    source: input.source ?? 'admin',
    ...(input.aiSuggestionId ? { aiSuggestionId: input.aiSuggestionId } : {}),
  };
  let matched = 0;
  for (const { record, info } of records) {
    const line = info.lines;
    const match = matchPerson(record, byId, byEmail);
    if (typeof match === 'string') {
      unmatched.push({ line, message: match, field: record.id ? 'id' : 'email', cells: Object.values(record) });
      continue;
    }
    matched++;
    const ops = rowOperations(record, match, input, roles, extra);
    if (typeof ops === 'string') {
      problems.push({
        line,
        message: ops,
        field: ops.startsWith('Unknown action') ? 'action' : 'roles',
        cells: Object.values(record),
      });
      continue;
    }
    for (const op of ops) {
      operations.push(op);
      lineOfOp.push(line);
      cellsOfOp.push(Object.values(record));
    }
  }
  const countBefore = countOperations(db, row.id);
  const { plan, rejected } =
    operations.length > 0
      ? addOperations(db, { planId: input.planId, actor: input.actor, operations })
      : { plan: undefined, rejected: [] };
  for (const r of rejected)
    problems.push({
      line: lineOfOp[r.index] ?? 0,
      message: r.message,
      field: 'roles',
      cells: cellsOfOp[r.index] ?? [],
    });
  const current = plan ?? getPlan(db, input.planId);
  return {
    plan: current,
    rows: records.length,
    matched,
    added: current.operations.length - countBefore,
    unmatched,
    problems: problems.sort((a, b) => a.line - b.line),
    header: Object.keys(first ?? {}),
  };
}

type CsvRecord = Record<string, string>;
type MirrorPerson = ReturnType<typeof getMirrorPeople> extends Map<number, infer P> ? P : never;
/** The source fields every operation of the import carries. */
interface OperationExtra {
  source: 'admin' | 'ai';
  aiSuggestionId?: string;
}

/** The rows with their line numbers, headers mapped through HEADER_ALIASES. */
function parseCsv(csv: string): { record: CsvRecord; info: { lines: number } }[] {
  // The header as written, for messages: "Dept", not the lower-cased key.
  const written = new Map<string, string>();
  try {
    return parse(csv, {
      columns: (header: string[]) =>
        header.map((h) => {
          const key = HEADER_ALIASES[h.trim().toLowerCase()] ?? h.trim().toLowerCase();
          written.set(key, h.trim());
          return key;
        }),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      relax_column_count: true,
    }) as { record: CsvRecord; info: { lines: number } }[];
  } catch (e) {
    throw plainCsvError(e, (key) => written.get(key) ?? key);
  }
}

/** The row's person (by id, else by an e-mail only one person has), or why there is none. */
function matchPerson(
  record: CsvRecord,
  byId: Map<number, MirrorPerson>,
  byEmail: Map<string, MirrorPerson[]>,
): MirrorPerson | string {
  const id = Number(record.id);
  const email = (record.email ?? '').toLowerCase();
  let person = Number.isSafeInteger(id) && id > 0 ? byId.get(id) : undefined;
  if (!person && email) {
    const found = byEmail.get(email) ?? [];
    if (found.length > 1)
      return `${record.email}: ${found.length} people have this e-mail (ids ${found.map((p) => p.id).join(', ')}); use the id column.`;
    person = found[0];
  }
  if (!person)
    return `No person with ${record.id ? `id ${record.id}` : ''}${record.id && record.email ? ' or ' : ''}${record.email ? `e-mail ${record.email}` : ''} in the mirror.`;
  return person;
}

/** The role operations one matched row asks for, or what is wrong with the row. */
function rowOperations(
  record: CsvRecord,
  person: MirrorPerson,
  input: CsvRolesInput,
  roles: RoleInfo[],
  extra: OperationExtra,
): OperationInput[] | string {
  const mode = (record.action || input.mode).toLowerCase();
  if (mode !== 'add' && mode !== 'remove' && mode !== 'replace')
    return `Unknown action "${record.action}" (add, remove or replace).`;
  const names =
    record.roles !== undefined && record.roles !== ''
      ? record.roles
          .split(/[;|]/)
          .map((s) => s.trim())
          .filter(Boolean)
      : (input.roles ?? []);
  const wanted: RoleInfo[] = [];
  const unknown: string[] = [];
  for (const n of names) {
    const role = resolveRole(n, roles);
    if (role) wanted.push(role);
    else unknown.push(String(n));
  }
  if (unknown.length > 0) return `Unknown profile role ${unknown.map((u) => `"${u}"`).join(', ')}.`;
  if (wanted.length === 0 && mode !== 'replace') return 'No roles given for this row.';
  const ops: OperationInput[] = [];
  const holds = new Set(person.roleIds);
  const want = new Set(wanted.map((r) => r.id));
  if (mode === 'add') for (const r of want) ops.push({ kind: 'add_role', personId: person.id, roleId: r, ...extra });
  if (mode === 'remove')
    for (const r of want) ops.push({ kind: 'remove_role', personId: person.id, roleId: r, ...extra });
  if (mode === 'replace') {
    for (const r of want) if (!holds.has(r)) ops.push({ kind: 'add_role', personId: person.id, roleId: r, ...extra });
    for (const r of holds)
      if (!want.has(r)) ops.push({ kind: 'remove_role', personId: person.id, roleId: r, ...extra });
  }
  return ops;
}
