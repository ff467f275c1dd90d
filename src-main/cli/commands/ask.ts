/**
 * `desk ask "QUESTION" [--instance ID] [--now ISO] [--json]`: a question in plain language,
 * answered offline over the mirror. --json prints {question, interpretation, engine, query, sql,
 * kind, people: [{id, name}], table: {columns, rows}}; a question it cannot read exits 1 with the
 * nearest questions it can (with --json also as {question, error, suggestions} on stdout).
 */
import type { Command } from '../command';
import { CliError, usageError } from '../output';
import { resolveInstance } from './instance-arg';

export const askCommand: Command = {
  name: 'ask',
  usage: 'ask "QUESTION" [--instance ID|NAME] [--now ISO-TIME]',
  summary: 'Answer a question in plain language over the mirror (read-only, offline).',
  options: { instance: { type: 'string' }, now: { type: 'string' } },
  async run({ positionals, values, out, session }) {
    const question = positionals.join(' ').trim();
    if (!question) throw usageError('Usage: desk ask "QUESTION" (for example: desk ask "who never logged in?")');
    const now = values.now as string | undefined;
    if (now !== undefined && Number.isNaN(Date.parse(now)))
      throw usageError('--now takes an ISO time, e.g. 2026-11-20T12:00:00Z.');
    const asOf = now === undefined ? undefined : new Date(now).toISOString();
    const instance = await resolveInstance(session, values.instance as string | undefined);
    const read = await session.call('ask:interpret', {
      instanceId: instance.id,
      question,
      ...(asOf ? { now: asOf } : {}),
    });
    if (!read.ok) {
      // Machines get the refusal as JSON too (stdout), with the questions it can read; the exit code says 1.
      if (out.json) out.result({ question, error: read.message, suggestions: read.suggestions }, () => '');
      const lines = [read.message, ...read.suggestions.map((s) => `  ${s}`)];
      throw new CliError(lines.join('\n'), 1);
    }
    const a = await session.call('ask:run', {
      instanceId: instance.id,
      question,
      query: read.query,
      ...(asOf ? { now: asOf } : {}),
    });
    const result = {
      question: a.question,
      interpretation: read.interpretation,
      engine: read.engine,
      query: a.query,
      sql: a.sql,
      kind: a.kind,
      people: a.people,
      table: a.table,
    };
    out.result(result, () =>
      [
        read.interpretation,
        `SQL: ${a.sql}`,
        a.table.columns.join('\t'),
        ...a.table.rows.map((r) => r.map((c) => (c === null ? '' : String(c))).join('\t')),
        `${a.table.rows.length} row${a.table.rows.length === 1 ? '' : 's'}${a.truncated ? ' (cut at the limit)' : ''}.`,
      ].join('\n'),
    );
  },
};
