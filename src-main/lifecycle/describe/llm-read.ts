/**
 * A sentence the grammar cannot read, asked of the LLM when it is on: the sentence (the mirror's
 * names in it leave as tokens) and the schema only, nothing from the mirror. The answer is
 * validated like any reading: the schema (in the task), every name against the mirror, the
 * compiler and Ask's SQL guard. Anything that fails is said, never used.
 */
import type { DescribedChange } from '../../../src-preload/contract/lifecycle';
import type { EngineName } from '../../../src-preload/contract';
import type { Entity } from '../../ask/grammar/entities';
import type { Lexicon } from '../../ask/grammar/lexicon';
import { compileQuery, inlineSql } from '../../ask/compile';
import { guardSql, SqlRefused } from '../../ask/guard';
import { ASK_LLM_SCHEMA } from '../../ask/llm-schema';
import { checkQueryNames } from '../../ask/query-names';
import type { DescribeChangeOutput } from '../../ai/tasks/describe-change';
import { checkActionNames } from './describe-words';

/** The part of the AI service a described change uses. */
export interface ChangeAi {
  engineInUse(): EngineName;
  describeChange(
    input: { sentence: string; names: { value: string; person: boolean }[]; schema: string; today: string },
    options?: { instanceId?: string | null },
  ): Promise<{ engine: EngineName; fallbackReason: string | null; output: DescribeChangeOutput; suggestionId: string }>;
}

export const CHANGE_LLM_SCHEMA = `the change object is {action, query}.
action is one of:
- add_role {role}: give the profile role; remove_role {role}: take it away.
- add_assignment {program, role}: assign to the program with the program role (reviewer, applicant, ...).
- remove_assignment {program, role}: remove the assignment; program null means every program, role null every program role.
- deactivate {}: make the account inactive (offboarding, leavers); reactivate {}: make it active again.
- set_expiry {date}: the access expiry day "yyyy-mm-dd" ("" clears it).
- set_department {department}; set_title {title}.
query selects the people the action applies to, output always {"kind": "list"}:
${ASK_LLM_SCHEMA}`;

export async function readWithLlm(
  ai: ChangeAi,
  ctx: { instanceId: string; sentence: string; at: number; lexicon: Lexicon; named: Entity[] },
): Promise<{ ok: true; change: DescribedChange; suggestionId: string } | { ok: false; problem: string }> {
  const names = ctx.named.map((e) => ({ value: e.text, person: !!e.entry.names.person }));
  const today = new Date(ctx.at).toISOString().slice(0, 10);
  const answer = await ai.describeChange(
    { sentence: ctx.sentence, names, schema: CHANGE_LLM_SCHEMA, today },
    { instanceId: ctx.instanceId },
  );
  if (answer.engine !== 'llm')
    return { ok: false, problem: `The LLM could not be used (${answer.fallbackReason ?? 'no answer'}).` };
  const change = answer.output.change;
  if (answer.output.status !== 'understood' || !change)
    return { ok: false, problem: 'The LLM could not read it either.' };
  const query = checkQueryNames({ ...change.query, output: { kind: 'list' } }, ctx.lexicon);
  if (!query.ok) return { ok: false, problem: `The LLM's reading was not used: ${query.problem}` };
  const action = checkActionNames(change.action, ctx.lexicon);
  if (!action.ok) return { ok: false, problem: `The LLM's reading was not used: ${action.problem}` };
  try {
    const c = compileQuery(query.query, ctx.at);
    guardSql(inlineSql(c.sql, c.params));
  } catch (error) {
    if (error instanceof SqlRefused) return { ok: false, problem: `The LLM's reading was not used: ${error.message}` };
    throw error;
  }
  return { ok: true, change: { action: action.action, query: query.query }, suggestionId: answer.suggestionId };
}
