/**
 * What a grammar rule is: a pattern over the canonical words (vocabulary.ts; names as `e<k>`,
 * time as `tw<k>`/`th<k>`/`td<k>`, numbers as digits) and what reading it adds to the query.
 * `apply` returns false to leave the words for later rules, a string to put in their place
 * (words it did not read), or nothing to consume them.
 */
import type { AskCompare, AskGroup } from '../../../../src-preload/contract/ask';
import type { Entity, ParseState } from '../parse';

export interface Rule {
  re: RegExp;
  apply(m: RegExpMatchArray, st: ParseState): boolean | void | string;
}

/** A rule over whole words: the pattern starts and ends at a space. */
export function rule(pattern: string, apply: Rule['apply']): Rule {
  return { re: new RegExp(`(?<= )(?:${pattern})(?= )`, 'g'), apply };
}

export const E = '(e\\d+)';
export const TW = '(tw\\d+)';
export const N = '(\\d+)';
export const CMP = '(>=|<=|>|<|=)';
/** Canonical words for a group (per department, top 3 organizations). */
export const GROUP =
  '(department|organization|role|title|status|accesstype|usertype|program|hour|weekday|day|month|action|internal|external)';

const GROUPS: Record<string, AskGroup> = {
  department: 'department',
  organization: 'organization',
  role: 'role',
  title: 'title',
  status: 'status',
  accesstype: 'accessType',
  usertype: 'userType',
  program: 'program',
  hour: 'hour',
  weekday: 'weekday',
  day: 'day',
  month: 'month',
  action: 'action',
  internal: 'external',
  external: 'external',
};

export function groupOf(word: string | undefined): AskGroup | null {
  return GROUPS[word ?? ''] ?? null;
}

export function compareOf(word: string | undefined): AskCompare {
  return word === '>=' || word === '<' || word === '<=' || word === '=' ? word : '>';
}

/** The person's name an entity stands for, or null. */
export function personName(e: Entity | null): string | null {
  return e?.entry.names.person ?? null;
}
