/**
 * Running a question: a query object compiled here, or SQL the administrator edited (through the
 * guard in the runner), read-only in the runner process with a forced row limit and time limit.
 * The answer is people (an id and a name per row) or a table, with whether a chart fits.
 */
import type { AskAnswer, AskQuery } from '../../src-preload/contract/ask';
import { askQuerySchema } from '../../src-preload/contract/ask';
import { AppError } from '../errors/app-error';
import { compileQuery, inlineSql } from './compile';
import { describeQuery } from './describe';
import { RunRefused, type Runner } from './runner';

export const ANSWER_ROW_LIMIT = 1000;

export type RunInput = {
  instanceId: string;
  question: string;
  now?: string | undefined;
  /** Rows to keep (default ANSWER_ROW_LIMIT); a plan's selection reads up to 10,000 people. */
  limit?: number;
} & ({ query: AskQuery } | { sql: string });

/** A question refused or stopped, with the reason in plain words (it reaches the screen as it is). */
export class AskRefused extends AppError {
  constructor(message: string) {
    super('VALIDATION', message);
    this.name = 'AskRefused';
  }
}

export async function runAnswer(runner: Runner, at: number, input: RunInput): Promise<AskAnswer> {
  const started = Date.now();
  let sql: string;
  let params: (string | number)[] = [];
  let kind: 'people' | 'table' = 'table';
  let chart = false;
  let query: AskQuery | null = null;
  let interpretation: string;
  if ('query' in input) {
    query = askQuerySchema.parse(input.query);
    const c = compileQuery(query, at);
    ({ sql, params, kind, chart } = c);
    interpretation = describeQuery(query);
  } else {
    sql = input.sql;
    interpretation = 'SQL written by the administrator.';
  }
  let reply;
  try {
    reply = await runner.run({
      instanceId: input.instanceId,
      sql,
      params,
      limit: input.limit ?? ANSWER_ROW_LIMIT,
      edited: !query,
    });
  } catch (error) {
    if (error instanceof RunRefused) throw new AskRefused(error.message);
    throw error;
  }
  const idAt = reply.columns.indexOf('id');
  const nameAt = reply.columns.indexOf('name');
  if (!query && idAt >= 0 && nameAt >= 0) kind = 'people';
  if (!query && reply.columns.length === 2 && typeof reply.rows[0]?.[1] === 'number') chart = true;
  const people =
    kind === 'people' ? reply.rows.map((r) => ({ id: Number(r[idAt]), name: String(r[nameAt] ?? '') })) : [];
  return {
    question: input.question,
    interpretation,
    query,
    sql: query ? inlineSql(sql, params) : sql,
    kind,
    people,
    table: { columns: reply.columns, rows: reply.rows },
    truncated: reply.truncated,
    chart,
    ms: Date.now() - started,
  };
}
