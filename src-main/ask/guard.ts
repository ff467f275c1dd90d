/**
 * The guard for SQL an administrator edited (and, as a second check, for compiled SQL): exactly
 * one SELECT, parsed by node-sql-parser; only the ask views (and its own WITH names); only
 * allow-listed functions; no schema prefixes; no words that change a database or load code.
 * The runner then checks better-sqlite3's own verdict (stmt.reader and stmt.readonly) on a
 * read-only connection, so a statement the parser misreads still cannot write.
 */
import sqlParser from 'node-sql-parser';
import { ASK_VIEWS } from './views';

export const MAX_SQL_CHARS = 20_000;

const FUNCTIONS = new Set(
  (
    'count sum avg min max total group_concat coalesce ifnull nullif iif lower upper length substr substring trim ' +
    'ltrim rtrim replace instr abs round strftime date time datetime julianday unixepoch printf format typeof ' +
    'cast like glob row_number rank dense_rank ntile lag lead first_value last_value'
  ).split(' '),
);
const FORBIDDEN =
  /\b(attach|detach|pragma|load_extension|vacuum|insert|update|delete|drop|create|alter|replace\s+into|reindex|analyze|begin|commit|rollback|savepoint|release|writefile|readfile|fts3_tokenizer|sqlite_\w+)\b/i;

export class SqlRefused extends Error {}

function walk(node: unknown, visit: (n: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) for (const x of node) walk(x, visit);
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    for (const v of Object.values(node)) walk(v, visit);
  }
}

function functionName(n: Record<string, unknown>): string | null {
  if (n.type === 'aggr_func' && typeof n.name === 'string') return n.name.toLowerCase();
  if (n.type === 'function') {
    const name = n.name as { name?: { value?: string }[] } | string | undefined;
    if (typeof name === 'string') return name.toLowerCase();
    const parts = name?.name?.map((p) => p.value ?? '') ?? [];
    return parts.join('.').toLowerCase();
  }
  return null;
}

/** Refuses with a message in plain words, or returns the statement without a trailing semicolon. */
export function guardSql(input: string): string {
  if (input.length > MAX_SQL_CHARS)
    throw new SqlRefused(
      `The SQL is ${input.length.toLocaleString('en-US')} characters; at most ${MAX_SQL_CHARS.toLocaleString('en-US')} are accepted.`,
    );
  const sql = input.trim().replace(/;\s*$/, '');
  if (!sql) throw new SqlRefused('The SQL is empty: write one SELECT.');
  const bad = FORBIDDEN.exec(sql.replace(/'(?:[^']|'')*'/g, "''"));
  if (bad) throw new SqlRefused(`"${bad[1]}" is not allowed: questions only read the mirror, with one SELECT.`);
  const parser = new sqlParser.Parser();
  let ast: unknown;
  try {
    ast = parser.astify(sql, { database: 'sqlite' });
  } catch (error) {
    throw new SqlRefused(`The SQL could not be read: ${(error as Error).message.split('\n')[0]}`);
  }
  const statements = Array.isArray(ast) ? ast : [ast];
  if (statements.length !== 1) throw new SqlRefused(`Exactly one statement is allowed; this has ${statements.length}.`);
  const stmt = statements[0] as { type?: string; with?: { name?: { value?: string } }[] | null };
  if (stmt.type !== 'select')
    throw new SqlRefused(`Only a SELECT is allowed; this is ${String(stmt.type).toUpperCase()}.`);
  const own = new Set<string>(ASK_VIEWS);
  walk(ast, (n) => {
    if (Array.isArray(n.with))
      for (const w of n.with as { name?: { value?: string } }[]) if (w.name?.value) own.add(w.name.value.toLowerCase());
  });
  for (const entry of parser.tableList(sql, { database: 'sqlite' })) {
    const [, db, table] = entry.split('::');
    if (db && db !== 'null') throw new SqlRefused(`"${db}.${table}": name the views without a schema.`);
    if (!table || !own.has(table.toLowerCase()))
      throw new SqlRefused(`"${table}" is not one of the views questions may read (${ASK_VIEWS.join(', ')}).`);
  }
  walk(ast, (n) => {
    const name = functionName(n);
    if (name !== null && !FUNCTIONS.has(name)) throw new SqlRefused(`The function "${name}" is not allowed.`);
  });
  return sql;
}
