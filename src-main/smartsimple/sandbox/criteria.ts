/**
 * List criteria: `[{andor, field, operator, value}]` turned into a row predicate. Bracket tokens
 * ride in `andor` ("(", ") and (", "or (" ...); AND binds tighter than OR as in SQL; brackets
 * left open at the end are closed (a real client relies on it). Decisions where the vendor is
 * silent: the field must be in the function's field list; text compares case-insensitively;
 * `like` is a substring match where `%` matches anything (`_` is literal); an empty value compares
 * as the empty string; a value that is not a number/date on such a field is an error.
 */
import { CRITERIA_OPERATORS, type CriteriaOperator, parseWireDate } from '../protocol';
import { listError } from './errors';
import type { FieldDef, Table } from './table';

export type Predicate = (row: number) => boolean;

type Token = '(' | ')' | 'and' | 'or' | { test: Predicate };

function parseJsonArray(raw: string, what: string): unknown[] | null {
  if (raw.trim() === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw listError(`${what} is not JSON`);
  }
  if (!Array.isArray(parsed)) throw listError(`${what} is not an array`);
  return parsed.length === 0 ? null : parsed;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw listError('criteria value is not a scalar');
}

function likeMatcher(pattern: string): (s: string) => boolean {
  const lower = pattern.toLowerCase();
  if (!lower.includes('%')) return (s) => s.includes(lower);
  const parts = lower.split('%').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(parts.join('[\\s\\S]*'));
  return (s) => re.test(s);
}

/** Number or time of a criteria value on a typed field; an error when it is neither. */
function typedValue(def: FieldDef, value: string): number {
  const v = value.trim();
  const parsed = def.kind === 'number' ? (v === '' ? Number.NaN : Number(v)) : (parseWireDate(v) ?? Number.NaN);
  if (!Number.isFinite(parsed)) throw listError(`"${value}" is not a valid ${def.kind} for ${def.name}`);
  return parsed;
}

function condition(def: FieldDef, operator: CriteriaOperator, value: string): Predicate {
  if (operator === 'isempty') {
    const wanted = value.trim().toLowerCase();
    if (!['true', 'false', '1', '0'].includes(wanted)) throw listError('isempty takes "true" or "false"');
    const empty = wanted === 'true' || wanted === '1';
    return (row) => {
      const raw = def.raw(row);
      return (raw === null || raw === '') === empty;
    };
  }
  if (operator === 'like' || operator === 'not like') {
    const match = likeMatcher(value);
    const negate = operator === 'not like';
    return (row) => match((def.wire(row) ?? '').toLowerCase()) !== negate;
  }
  const compare = (c: number): boolean => {
    switch (operator) {
      case '=':
        return c === 0;
      case '<>':
      case '!=':
        return c !== 0;
      case '>':
        return c > 0;
      case '>=':
        return c >= 0;
      case '<':
        return c < 0;
      default:
        return c <= 0;
    }
  };
  if (def.kind === 'text') {
    const wanted = value.toLowerCase();
    return (row) => {
      const s = String(def.raw(row) ?? '').toLowerCase();
      return compare(s < wanted ? -1 : s > wanted ? 1 : 0);
    };
  }
  const wanted = typedValue(def, value);
  const seconds = def.kind !== 'number';
  return (row) => {
    const raw = def.raw(row);
    // Empty compares as the empty string: unequal to every value, neither above nor below it.
    if (raw === null || raw === '') return operator === '<>' || operator === '!=';
    const n = seconds ? Math.floor(Number(raw) / 1000) * 1000 : Number(raw);
    return compare(n < wanted ? -1 : n > wanted ? 1 : 0);
  };
}

function andorTokens(andor: string, first: boolean): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(\(|\)|and\b|or\b)\s*/giy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(andor)) !== null) {
    tokens.push((m[1] ?? '').toLowerCase() as Token);
    consumed = re.lastIndex;
  }
  if (andor.slice(consumed).trim() !== '') throw listError(`andor "${andor}" is not understood`);
  // Shape: ")"* connector? "("* ; the first condition has no connector to speak of.
  let i = 0;
  while (tokens[i] === ')') i++;
  if (first && i > 0) throw listError('a closing bracket before the first condition');
  const connectors = tokens.slice(i).filter((t) => t === 'and' || t === 'or');
  if (connectors.length > 1) throw listError(`andor "${andor}" has more than one connector`);
  const closing = tokens.slice(0, i);
  const rest = tokens.slice(i);
  const connector = connectors[0];
  const opening = rest.filter((t) => t === '(');
  if (connector && rest.indexOf(connector) !== 0)
    throw listError(`andor "${andor}": the connector must come before "("`);
  if (rest.some((t) => t === ')')) throw listError(`andor "${andor}": ")" after the connector`);
  if (first) return opening;
  return [...closing, connector ?? 'and', ...opening];
}

/** Recursive descent over the token stream: expr := term (or term)*, term := factor (and factor)*. */
function parseTokens(tokens: Token[]): Predicate {
  let pos = 0;
  const expr = (): Predicate => {
    const terms = [term()];
    while (tokens[pos] === 'or') {
      pos++;
      terms.push(term());
    }
    return terms.length === 1 ? (terms[0] as Predicate) : (row) => terms.some((t) => t(row));
  };
  const term = (): Predicate => {
    const factors = [factor()];
    while (tokens[pos] === 'and') {
      pos++;
      factors.push(factor());
    }
    return factors.length === 1 ? (factors[0] as Predicate) : (row) => factors.every((f) => f(row));
  };
  const factor = (): Predicate => {
    const token = tokens[pos++];
    if (token === '(') {
      const inner = expr();
      // A bracket still open at the end of the criteria is closed silently.
      if (tokens[pos] === ')') pos++;
      else if (pos < tokens.length) throw listError('unbalanced brackets');
      return inner;
    }
    if (token && typeof token === 'object') return token.test;
    throw listError('criteria out of order');
  };
  const predicate = expr();
  if (pos < tokens.length) throw listError(tokens[pos] === ')' ? 'more ")" than "("' : 'criteria out of order');
  return predicate;
}

/** The predicate of `raw` criteria over `table`, or null when there are none. */
export function compileCriteria(raw: string | undefined, table: Table, allowed: ReadonlySet<string>): Predicate | null {
  const items = parseJsonArray(raw ?? '', 'criteria');
  if (!items) return null;
  const tokens: Token[] = [];
  items.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw listError('criterion is not an object');
    const { andor, field, operator, value } = item as Record<string, unknown>;
    if (typeof field !== 'string' || !allowed.has(field)) throw listError(`unknown field ${String(field)}`);
    const def = table.field(field);
    if (!def) throw listError(`unknown field ${field}`);
    const op = typeof operator === 'string' ? operator.trim().toLowerCase().replace(/\s+/g, ' ') : '';
    if (!(CRITERIA_OPERATORS as readonly string[]).includes(op))
      throw listError(`unknown operator ${String(operator)}`);
    tokens.push(...andorTokens(typeof andor === 'string' ? andor : '', i === 0));
    tokens.push({ test: condition(def, op as CriteriaOperator, text(value)) });
  });
  return parseTokens(tokens);
}

export interface SortKey {
  def: FieldDef;
  descending: boolean;
}

export function parseSort(raw: string | undefined, table: Table, allowed: ReadonlySet<string>): SortKey[] {
  const items = parseJsonArray(raw ?? '', 'sortby');
  if (!items) return [];
  return items.map((item) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw listError('sortby entry is not an object');
    const { field, direction } = item as Record<string, unknown>;
    const def = typeof field === 'string' && allowed.has(field) ? table.field(field) : undefined;
    if (!def) throw listError(`unknown sort field ${String(field)}`);
    const dir = direction === undefined ? 'asc' : String(direction).trim().toLowerCase();
    if (dir !== 'asc' && dir !== 'desc') throw listError(`sort direction ${dir}`);
    return { def, descending: dir === 'desc' };
  });
}
