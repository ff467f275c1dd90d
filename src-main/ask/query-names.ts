/**
 * The names in a query object that did not come from the grammar (an LLM's answer, an edit):
 * each must be one of the mirror's own names of its kind, exactly or within a typo, and is put
 * back in the mirror's spelling; a name the mirror does not have refuses the query.
 */
import type { AskPersonFilter, AskQuery } from '../../src-preload/contract/ask';
import { fuzzyFind, normName, type Category, type Lexicon } from './grammar/lexicon';

export type NamesChecked = { ok: true; query: AskQuery } | { ok: false; problem: string };

const WORDS: Record<Category, string> = {
  role: 'role',
  department: 'department',
  organization: 'organization',
  program: 'program',
  title: 'title',
  assignmentRole: 'program role',
  person: 'person',
};

class UnknownName extends Error {}

/** A name in the mirror's spelling, in the first of the categories that has it (exactly or within a typo), or null. */
export function mirrorName(lexicon: Lexicon, name: string, categories: Category[]): string | null {
  const norm = normName(name);
  const entry = lexicon.byNorm.get(norm) ?? fuzzyFind(lexicon, norm, norm.split(' ').length);
  for (const c of categories) {
    const found = entry?.names[c];
    if (found) return found;
  }
  return null;
}

function canonical(lexicon: Lexicon, name: string, categories: Category[]): string {
  const found = mirrorName(lexicon, name, categories);
  if (found) return found;
  throw new UnknownName(`"${name}" is not a ${WORDS[categories[0] ?? 'role']} of this instance.`);
}

function filter(lexicon: Lexicon, f: AskPersonFilter): AskPersonFilter {
  const one = (name: string, ...c: Category[]) => canonical(lexicon, name, c);
  switch (f.kind) {
    case 'role':
      return { ...f, roles: f.roles.map((r) => one(r, 'role')) };
    case 'department':
    case 'organization':
    case 'title':
      return { ...f, values: f.values.map((v) => one(v, f.kind)) };
    case 'program':
      return {
        ...f,
        program: f.program === null ? null : one(f.program, 'program'),
        role: f.role === null ? null : one(f.role, 'assignmentRole', 'role'),
      };
    case 'name':
      return { ...f, text: one(f.text, 'person') };
    default:
      return f;
  }
}

export function checkQueryNames(query: AskQuery, lexicon: Lexicon): NamesChecked {
  try {
    const a = query.activity;
    return {
      ok: true,
      query: {
        ...query,
        people: query.people.map((f) => filter(lexicon, f)),
        actor: query.actor.map((f) => filter(lexicon, f)),
        activity: a && {
          ...a,
          role: a.role === null ? null : canonical(lexicon, a.role, ['role']),
          person: a.person === null ? null : canonical(lexicon, a.person, ['person']),
        },
      },
    };
  } catch (error) {
    if (error instanceof UnknownName) return { ok: false, problem: error.message };
    throw error;
  }
}
