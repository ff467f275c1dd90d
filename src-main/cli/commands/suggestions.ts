/** `desk suggestions [--kind KIND] [--limit N]`: the AI suggestion record and acceptance rates per kind. */
import { TASK_KINDS, type TaskKind } from '../../../src-preload/contract';
import type { Command } from '../command';
import { usageError } from '../output';

export const suggestionsCommand: Command = {
  name: 'suggestions',
  usage: `suggestions [--kind ${TASK_KINDS.join('|')}] [--limit N]`,
  summary: 'The AI suggestion record, newest first, with acceptance rates per kind.',
  options: { kind: { type: 'string' }, limit: { type: 'string' } },
  async run({ values, out, session }) {
    const kind = values.kind as string | undefined;
    if (kind !== undefined && !(TASK_KINDS as readonly string[]).includes(kind))
      throw usageError(`--kind is one of ${TASK_KINDS.join(', ')}.`);
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw usageError('--limit takes 1 to 1000.');
    const suggestions = await session.call('ai:suggestions', { ...(kind ? { kind: kind as TaskKind } : {}), limit });
    const { rates, engine } = await session.call('ai:status');
    out.result({ engine, rates, suggestions }, () =>
      [
        `Engine in use: ${engine}.`,
        ...rates.map(
          (r) =>
            `${r.kind.padEnd(20)} ${String(r.suggested).padStart(5)} suggested, ${r.accepted} accepted, ${r.edited} edited, ${r.rejected} rejected, rate ${r.rate === null ? '-' : `${Math.round(r.rate * 100)}%`}`,
        ),
        suggestions.length === 0 ? 'No suggestions recorded yet.' : `${suggestions.length} most recent:`,
        ...suggestions.map(
          (s) =>
            `${s.createdAt}  ${s.kind}  ${s.engine}  ${(s.confidence * 100).toFixed(0)}%  ${s.decision ?? 'undecided'}`,
        ),
      ].join('\n'),
    );
  },
};
