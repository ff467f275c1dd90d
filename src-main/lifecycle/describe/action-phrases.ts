/**
 * The action in a sentence ("give ... the Report Viewer role", "remove ... from Youth Development
 * Grant 2025", "deactivate ..."): patterns over the sentence's words with the mirror's names
 * already marked `e<k>` by Ask's entity step, each naming the action and the span that selects
 * the people (read afterwards by Ask's own grammar). A pattern whose names are of the wrong kind
 * (a department where a role must be) does not match, and the next one is tried.
 */
import type { LifecycleAction } from '../../../src-preload/contract/lifecycle';
import type { Entity } from '../../ask/grammar/entities';

/** What a pattern found: the action, and the selection's word span (start, end) in the sentence. */
export interface ActionFind {
  action: LifecycleAction;
  selection: [number, number] | null;
  /** A date phrase's word span (the expiry), read by the caller. */
  date?: [number, number];
  /** A free text's word span (a title). */
  text?: [number, number];
}

export interface PhraseContext {
  entities: Entity[];
  utaOnlyRoles: Set<string>;
}

const ADD = '(?:give|grant|add|assign|award|provide|extend|allocate|issue|hand|apply)';
const REMOVE =
  '(?:remove|revoke|take|strip|drop|withdraw|pull|rescind|delete|unassign|retract|cancel|unset|revoke access to)';
/** A role name, with the words that may stand around it. */
const R =
  '(?:the |a |an |their |its )?(?:role |profile role )?(e\\d+)(?: roles?| permissions?| access| rights?| privileges?)?';
/** A program name. */
const P = '(?:the |a )?(?:program |programme )?(e\\d+)(?: programs?| programmes?)?';
const SEL = '(.+?)';
/** A selection before a trailing value (a day, a title): the last preposition starts the value. */
const SELG = '(.+)';
const DEACTIVATE =
  '(?:deactivate|disable|offboard|off board|off-board|suspend|inactivate|lock|lock out|block|terminate|retire|archive|freeze|shut off|switch off|turn off|shut down|close)';
const REACTIVATE =
  '(?:reactivate|re activate|re-activate|reenable|re enable|re-enable|enable|restore|unlock|unsuspend|unblock|reinstate|bring back|activate|turn on|reopen)';
const EXPIRY = '(?:the )?(?:access )?(?:expiry|expiration|expiry date|expiration date|end date)(?: date)?';
const DEPT_WORDS = '(?: department| dept| team| unit| division)?';

type Build = (g: (number | null)[][], ctx: PhraseContext, words: string[]) => ActionFind | null;
interface Pattern {
  re: RegExp;
  build: Build;
}

/** Group i's word span. */
type Span = [number, number];

const entityAt = (ctx: PhraseContext, words: string[], span: (number | null)[] | null | undefined) => {
  if (!span || span[0] === null || span[0] === undefined) return null;
  const w = words[span[0]!];
  const m = /^e(\d+)$/.exec(w ?? '');
  return m ? (ctx.entities[Number(m[1])] ?? null) : null;
};

/** A profile role, or a program-only role as an assignment on every program. */
function roleName(e: Entity | null): string | null {
  return e?.entry.names.role ?? e?.entry.names.assignmentRole ?? null;
}
function programName(e: Entity | null): string | null {
  return e?.entry.names.program ?? null;
}
function isProgramRole(ctx: PhraseContext, e: Entity | null): boolean {
  const role = e?.entry.names.role;
  return !!e && (role ? ctx.utaOnlyRoles.has(role) : !!e.entry.names.assignmentRole);
}
const used = (...es: (Entity | null)[]) => es.forEach((e) => e && (e.used = true));

function addRole(ctx: PhraseContext, role: Entity | null, program: Entity | null, sel: Span): ActionFind | null {
  const r = roleName(role);
  if (!r) return null;
  if (program) {
    const p = programName(program);
    if (!p || !isProgramRole(ctx, role)) return null;
    used(role, program);
    return { action: { kind: 'add_assignment', program: p, role: r }, selection: sel };
  }
  if (isProgramRole(ctx, role)) return null;
  used(role);
  return { action: { kind: 'add_role', role: r }, selection: sel };
}

function removeRole(
  ctx: PhraseContext,
  role: Entity | null,
  program: Entity | null,
  sel: Span | null,
): ActionFind | null {
  const p = programName(program);
  if (program && !p) return null;
  const r = roleName(role);
  if (!r) {
    // "remove X from the Y program" read through the role slot.
    const only = programName(role);
    if (!only || program) return null;
    used(role);
    return { action: { kind: 'remove_assignment', program: only, role: null }, selection: sel };
  }
  used(role, program);
  if (isProgramRole(ctx, role) || p)
    return { action: { kind: 'remove_assignment', program: p, role: r }, selection: sel };
  return { action: { kind: 'remove_role', role: r }, selection: sel };
}

function words(pattern: string): RegExp {
  return new RegExp(`^${pattern}$`, 'd');
}

const span = (g: (number | null)[] | undefined): Span | null => (g && g[0] !== null ? (g as Span) : null);

/** The patterns, most specific first. Group spans are word spans (see `wordSpans`). */
export const PATTERNS: Pattern[] = [
  // Program assignments.
  {
    re: words(`(?:${ADD}|enroll|enrol|put|place|make) ${SEL} (?:to|on|onto|into|in|for) ${P} as (?:an? |the )?${R}`),
    build: (g, ctx, w) => addRole(ctx, entityAt(ctx, w, g[3]), entityAt(ctx, w, g[2]), g[1] as Span),
  },
  {
    re: words(`(?:${ADD}|make) ${SEL} (?:as )?(?:an? |the )?(e\\d+) (?:on|for|of|in|to) ${P}`),
    build: (g, ctx, w) => addRole(ctx, entityAt(ctx, w, g[2]), entityAt(ctx, w, g[3]), g[1] as Span),
  },
  {
    // "add reviewers from Grants Management to P".
    re: words(`(?:${ADD}|enroll|enrol|put) (?:all |the )?(e\\d+) (?:from|at|in) ${SEL} (?:to|on|onto|into|for) ${P}`),
    build: (g, ctx, w) => addRole(ctx, entityAt(ctx, w, g[1]), entityAt(ctx, w, g[3]), g[2] as Span),
  },
  {
    re: words(`${ADD} ${R} (?:on|for|in) ${P} to ${SEL}`),
    build: (g, ctx, w) => addRole(ctx, entityAt(ctx, w, g[1]), entityAt(ctx, w, g[2]), g[3] as Span),
  },
  {
    re: words(`${REMOVE} ${R} (?:on|for|in|from) ${P}(?: (?:from|for) ${SEL})?`),
    build: (g, ctx, w) => removeRole(ctx, entityAt(ctx, w, g[1]), entityAt(ctx, w, g[2]), span(g[3])),
  },
  {
    // "remove all reviewers from P": the role is the program role the people hold there.
    re: words(`${REMOVE} (?:all |every |the )*(e\\d+) (?:off|from|out of) ${P}`),
    build: (g, ctx, w) => {
      const role = entityAt(ctx, w, g[1]);
      const program = entityAt(ctx, w, g[2]);
      if (!isProgramRole(ctx, role) || !programName(program)) return null;
      used(role, program);
      return {
        action: { kind: 'remove_assignment', program: programName(program), role: roleName(role) },
        selection: null,
      };
    },
  },
  {
    // "remove everyone from P who has not logged in for 6 months": the selection follows the program.
    re: words(
      `(?:${REMOVE}|unenroll|unenrol|kick|take) (?:everyone|everybody|all|people|users|those|anyone) (?:off|from|out of) ${P} ((?:who|whose|that|with|without|at|in|from) .+)`,
    ),
    build: (g, ctx, w) => {
      const program = entityAt(ctx, w, g[1]);
      if (!programName(program)) return null;
      used(program);
      return {
        action: { kind: 'remove_assignment', program: programName(program), role: null },
        selection: g[2] as Span,
      };
    },
  },
  {
    re: words(
      `${REMOVE} (?:all |every |any |their |the )*(?:program )?(?:assignments?|programs?)(?: roles?)? (?:from|of|for) ${SEL}`,
    ),
    build: (g) => ({ action: { kind: 'remove_assignment', program: null, role: null }, selection: g[1] as Span }),
  },
  {
    re: words(
      `(?:${REMOVE}|unenroll|unenrol|kick|take) ${SEL} (?:off|from|out of|off of) ${P}(?: as (?:an? )?(e\\d+))?`,
    ),
    build: (g, ctx, w) => {
      const program = entityAt(ctx, w, g[2]);
      const p = programName(program);
      if (!p) return null;
      const role = g[3] ? entityAt(ctx, w, g[3]) : null;
      if (g[3] && !roleName(role)) return null;
      used(program, role);
      return { action: { kind: 'remove_assignment', program: p, role: roleName(role) }, selection: g[1] as Span };
    },
  },
  // Expiry (before deactivation: "end access for X on D" has a date).
  {
    re: words(`(?:set|change|update|give|put) (?:an? )?${EXPIRY} (?:to|at|as|of|on) (.+?) (?:for|of|on|to) ${SEL}`),
    build: (g, _ctx, w) =>
      dateLike(w, g[1])
        ? { action: { kind: 'set_expiry', date: '' }, selection: g[2] as Span, date: g[1] as Span }
        : null,
  },
  {
    re: words(`(?:set|change|update|make|put|move|give) ${EXPIRY} (?:of|for|on) ${SELG} (?:to|on|at|as|for) (.+)`),
    build: (_g, _ctx, _w) => ({
      action: { kind: 'set_expiry', date: '' },
      selection: _g[1] as Span,
      date: _g[2] as Span,
    }),
  },
  {
    re: words(
      `(?:set|change|update|give) ${SELG} (?:an? )?(?:access )?(?:expiry|expiration|end date)(?: date)? (?:to|on|of|as) (.+)`,
    ),
    build: (g) => ({ action: { kind: 'set_expiry', date: '' }, selection: g[1] as Span, date: g[2] as Span }),
  },
  {
    re: words(
      `(?:expire|end|stop) (?:the )?(?:access )?(?:of |for )?${SELG}(?: access)? (?:on|at|by|in|from|after) (.+)`,
    ),
    build: (g) => ({ action: { kind: 'set_expiry', date: '' }, selection: g[1] as Span, date: g[2] as Span }),
  },
  {
    re: words(
      `(?:let |make )?(?:the )?access (?:of|for) ${SELG} (?:should |will |must )?expires? (?:on|at|in|by) (.+)`,
    ),
    build: (g) => ({ action: { kind: 'set_expiry', date: '' }, selection: g[1] as Span, date: g[2] as Span }),
  },
  {
    re: words(`${SELG} access (?:should |will |must |to )?expires? (?:on|at|in|by) (.+)`),
    build: (g) => ({ action: { kind: 'set_expiry', date: '' }, selection: g[1] as Span, date: g[2] as Span }),
  },
  {
    re: words(`(?:clear|remove|drop|delete|unset) ${EXPIRY} (?:of|for|from|on) ${SEL}`),
    build: (g) => ({ action: { kind: 'set_expiry', date: '' }, selection: g[1] as Span }),
  },
  // Roles.
  {
    re: words(`${REMOVE}(?: away)? ${R}(?: away)? (?:from|for|of) ${SEL}`),
    build: (g, ctx, w) => removeRole(ctx, entityAt(ctx, w, g[1]), null, g[2] as Span),
  },
  {
    re: words(`(?:strip|relieve|deprive|rid) ${SEL} of ${R}`),
    build: (g, ctx, w) => removeRole(ctx, entityAt(ctx, w, g[2]), null, g[1] as Span),
  },
  {
    re: words(`(?:take|pull) ${SEL} (?:off|out of) ${R}`),
    build: (g, ctx, w) => removeRole(ctx, entityAt(ctx, w, g[2]), null, g[1] as Span),
  },
  {
    re: words(`${REMOVE} ${SEL} from ${R}`),
    build: (g, ctx, w) => removeRole(ctx, entityAt(ctx, w, g[2]), null, g[1] as Span),
  },
  {
    re: words(
      `${SEL} (?:should |must |will |need to |to |can )?(?:no longer (?:have|hold|need|keep|get)|not (?:have|hold|keep) (?:the )?|lose|loses) ${R}(?: any ?more)?`,
    ),
    build: (g, ctx, w) => removeRole(ctx, entityAt(ctx, w, g[2]), null, g[1] as Span),
  },
  {
    re: words(`${ADD} ${R} (?:to|for) ${SEL}`),
    build: (g, ctx, w) => addRole(ctx, entityAt(ctx, w, g[1]), null, g[2] as Span),
  },
  {
    re: words(`${ADD} ${SEL} (?:with )?${R}(?: (?:on|for|in) ${P})?`),
    build: (g, ctx, w) => addRole(ctx, entityAt(ctx, w, g[2]), entityAt(ctx, w, g[3]), g[1] as Span),
  },
  {
    re: words(
      `(?:let|allow) ${SEL} (?:to )?(?:have|hold|use|get) ${R}|${SEL} (?:should |must |need to |to |can |will )?(?:gets?|receives?|be given|be granted|gains?|have|hold|needs?|requires?) ${R}`,
    ),
    build: (g, ctx, w) => {
      const [sel, role] = g[1] && g[1][0] !== null ? [g[1], g[2]] : [g[3], g[4]];
      return addRole(ctx, entityAt(ctx, w, role), null, sel as Span);
    },
  },
  {
    re: words(`make ${SEL} (?:an? |the )?(e\\d+)`),
    build: (g, ctx, w) => addRole(ctx, entityAt(ctx, w, g[2]), null, g[1] as Span),
  },
  // Department and title.
  {
    re: words(`(?:move|transfer|reassign|relocate) ${SEL} (?:in)?to (?:the )?(e\\d+)${DEPT_WORDS}`),
    build: (g, ctx, w) => setDepartment(entityAt(ctx, w, g[2]), g[1] as Span),
  },
  {
    re: words(
      `(?:change|set|update|switch) (?:the )?(?:department|dept|team) (?:of|for) ${SEL} to (?:the )?(e\\d+)${DEPT_WORDS}`,
    ),
    build: (g, ctx, w) => setDepartment(entityAt(ctx, w, g[2]), g[1] as Span),
  },
  {
    re: words(`(?:change|set|update|switch|put) ${SEL} (?:department|dept|team) to (?:the )?(e\\d+)${DEPT_WORDS}`),
    build: (g, ctx, w) => setDepartment(entityAt(ctx, w, g[2]), g[1] as Span),
  },
  {
    re: words(`put ${SEL} in(?:to)? (?:the )?(e\\d+) (?:department|dept|team|unit|division)`),
    build: (g, ctx, w) => setDepartment(entityAt(ctx, w, g[2]), g[1] as Span),
  },
  {
    re: words(`(?:change|set|update) (?:the )?(?:job )?title (?:of|for) ${SELG} to (.+)`),
    build: (g) => ({ action: { kind: 'set_title', title: '-' }, selection: g[1] as Span, text: g[2] as Span }),
  },
  {
    re: words(`(?:change|set|update|retitle) ${SELG} (?:job )?title to (.+)`),
    build: (g) => ({ action: { kind: 'set_title', title: '-' }, selection: g[1] as Span, text: g[2] as Span }),
  },
  // Status.
  {
    re: words(
      `(?:${REMOVE}|end|cut off|cut|block|suspend|shut off|disable) (?:all |any )?(?:of )?(?:the )?(?:access|accounts?|logins?|users?) (?:for|of|from|belonging to) ${SEL}`,
    ),
    build: (g) => ({ action: { kind: 'deactivate' }, selection: g[1] as Span }),
  },
  {
    re: words(`${REACTIVATE} (?:the )?(?:access|accounts?|logins?) (?:for|of|to) ${SEL}`),
    build: (g) => ({ action: { kind: 'reactivate' }, selection: g[1] as Span }),
  },
  {
    re: words(`${REACTIVATE} ${SEL}`),
    build: (g) => ({ action: { kind: 'reactivate' }, selection: g[1] as Span }),
  },
  {
    re: words(`(?:mark|set|flag|make) ${SEL} (?:as |to )?(?:status )?active(?: again)?`),
    build: (g) => ({ action: { kind: 'reactivate' }, selection: g[1] as Span }),
  },
  {
    re: words(
      `${SEL} (?:should |must |need to |to |can |will )?(?:be )?(?:reactivated|re enabled|reenabled|restored|reinstated|unlocked|activated|enabled)(?: again)?`,
    ),
    build: (g) => ({ action: { kind: 'reactivate' }, selection: g[1] as Span }),
  },
  {
    re: words(`${DEACTIVATE} (?:the )?(?:accounts?|access|logins?|users?) (?:of|for|at|from|belonging to) ${SEL}`),
    build: (g) => ({ action: { kind: 'deactivate' }, selection: g[1] as Span }),
  },
  {
    re: words(`${DEACTIVATE} ${SEL}`),
    build: (g) => ({ action: { kind: 'deactivate' }, selection: g[1] as Span }),
  },
  {
    re: words(`(?:mark|set|flag|make) ${SEL} (?:as |to )?(?:status )?inactive`),
    build: (g) => ({ action: { kind: 'deactivate' }, selection: g[1] as Span }),
  },
  {
    re: words(
      `${SEL} (?:should |must |need to |to |can |will )?(?:be )?(?:deactivated|disabled|offboarded|off boarded|suspended|inactivated|locked out|locked|terminated|removed)`,
    ),
    build: (g) => ({ action: { kind: 'deactivate' }, selection: g[1] as Span }),
  },
  {
    re: words(`${SEL} (?:is |are |has |have )?(?:leaving|left|gone|departed|departing|offboarding)(?: us)?`),
    build: (g) => ({ action: { kind: 'deactivate' }, selection: g[1] as Span }),
  },
];

/** Words that can be a day: digits, or a month's name. */
function dateLike(words: string[], span: (number | null)[] | undefined): boolean {
  if (!span || span[0] === null || span[0] === undefined) return false;
  const text = words
    .slice(span[0], span[1] ?? undefined)
    .filter((x) => !/^e\d+$/.test(x))
    .join(' ');
  return /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|tomorrow|today|next|end/.test(text);
}

function setDepartment(e: Entity | null, sel: Span): ActionFind | null {
  const d = e?.entry.names.department;
  if (!d) return null;
  used(e);
  return { action: { kind: 'set_department', department: d }, selection: sel };
}

/** Group spans in words: a regex's character indices over `words.join(' ')` mapped to word indices. */
function wordSpans(words: string[], indices: ([number, number] | undefined)[]): (number | null)[][] {
  const starts: number[] = [];
  let at = 0;
  for (const w of words) {
    starts.push(at);
    at += w.length + 1;
  }
  const wordAt = (c: number) => starts.findIndex((s, i) => c >= s && c < (starts[i + 1] ?? Infinity));
  return indices.map((ix) => (ix ? [wordAt(ix[0]), wordAt(Math.max(ix[0], ix[1] - 1)) + 1] : [null, null]));
}

/** The first pattern that reads the words, or null. */
export function findAction(words: string[], ctx: PhraseContext): ActionFind | null {
  const text = words.join(' ');
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (!m?.indices) continue;
    for (const e of ctx.entities) e.used = false;
    const found = p.build(wordSpans(words, [...m.indices]), ctx, words);
    if (found) return found;
  }
  for (const e of ctx.entities) e.used = false;
  return null;
}
