/**
 * `desk plan "SENTENCE" [--create] [--instance ID] [--now ISO] [--json]` (also `desk plan describe
 * "SENTENCE"`): a bulk change in plain language, read offline into an action and Ask's people query.
 * --json prints {sentence, interpretation, engine, query, sql, action, people: [ids], operations,
 * unchanged}; --create also makes the draft plan (planId in the output). A sentence it cannot read
 * exits 1 with the nearest sentences it can (with --json also {sentence, error, suggestions}).
 * The first word picks a subcommand when it names one; anything else is the sentence.
 */
import type { Command, CommandInput } from '../command';
import { CliError, usageError } from '../output';
import { resolveInstance } from './instance-arg';

async function describeSentence({ positionals, values, out, session }: CommandInput): Promise<void> {
  const sentence = positionals.join(' ').trim();
  if (!sentence)
    throw usageError('Usage: desk plan "SENTENCE" (for example: desk plan "deactivate the people at Delta Trust")');
  const now = values.now as string | undefined;
  if (now !== undefined && Number.isNaN(Date.parse(now)))
    throw usageError('--now takes an ISO time, e.g. 2026-11-20T12:00:00Z.');
  const asOf = now === undefined ? undefined : new Date(now).toISOString();
  const instance = await resolveInstance(session, values.instance as string | undefined);
  const at = asOf ? { now: asOf } : {};
  const read = await session.call('lifecycle:describe', { instanceId: instance.id, sentence, ...at });
  if (!read.ok) {
    if (out.json) out.result({ sentence, error: read.message, suggestions: read.suggestions }, () => '');
    throw new CliError([read.message, ...read.suggestions.map((s) => `  ${s}`)].join('\n'), 1);
  }
  let planId: string | null = null;
  if (values.create) {
    const made = await session.call('lifecycle:createPlan', {
      instanceId: instance.id,
      sentence,
      action: read.action,
      query: read.query,
      engine: read.engine,
      ...at,
    });
    planId = made.plan.id;
  }
  const result = {
    sentence,
    interpretation: read.interpretation,
    engine: read.engine,
    query: read.query,
    sql: read.sql,
    action: read.action,
    people: read.people.map((p) => p.id),
    operations: read.operations,
    unchanged: read.unchanged,
    ...(values.create ? { planId } : {}),
  };
  out.result(result, () =>
    [
      read.interpretation,
      `SQL: ${read.sql}`,
      `${read.people.length} selected; ${read.operations.length} operation${read.operations.length === 1 ? '' : 's'}:`,
      ...read.operations.slice(0, 50).map((o) => `  ${o.personName}: ${o.summary}`),
      ...(read.operations.length > 50 ? [`  … and ${read.operations.length - 50} more`] : []),
      ...read.unchanged.slice(0, 10).map((u) => `  unchanged: ${u.name}: ${u.reason}`),
      planId
        ? `Draft plan ${planId} made; review and approve it in Plans.`
        : 'Nothing was written (--create makes the draft plan).',
    ].join('\n'),
  );
}

/** Subcommands of `desk plan`; any other first word starts the sentence. */
const SUBCOMMANDS: Record<string, (input: CommandInput) => Promise<void>> = {
  describe: describeSentence,
};

export const planCommand: Command = {
  name: 'plan',
  usage: 'plan ["SENTENCE" | describe "SENTENCE"] [--create] [--instance ID|NAME] [--now ISO-TIME]',
  summary: 'Describe a bulk change in plain language: its reading, people and operations (--create: the draft plan).',
  options: { instance: { type: 'string' }, now: { type: 'string' }, create: { type: 'boolean' } },
  run(input) {
    const [first, ...rest] = input.positionals;
    const sub = first !== undefined ? SUBCOMMANDS[first] : undefined;
    return sub ? sub({ ...input, positionals: rest }) : describeSentence(input);
  },
};
