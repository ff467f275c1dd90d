/**
 * The grammar's rules, in the order they run: each a pattern over the question (names as `e<k>`,
 * time as `tw<k>`/`th<k>`/`td<k>`, words singular) and what it adds to the query. A rule returning
 * false leaves its text for the next ones.
 */
import type { AskActivity, AskCompare, AskGroup } from '../../../src-preload/contract/ask';
import type { Category } from './lexicon';
import { applyEntity, ensureActivity, entityOf, num, windowAt, type ParseState } from './parse';

export interface Rule {
  re: RegExp;
  apply(m: RegExpMatchArray, st: ParseState): boolean | void;
}

const NUM = '(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|fifty|hundred)';
const E = '(e\\d+)';
const TW = '(tw\\d+)';
const P =
  '(?:user|people|person|account|staff|staffer|employee|member|contact|individual|folk|someone|anyone|colleague|login account|user account)';
const LOGIN =
  '(?:(?:have |has |had )?(?:logged|log|signed|sign)(?:[- ]?(?:in|on|into))?(?: to)?|login|logon|signin|sign-in|log-in|session|visited|accessed(?: the system)?|used the system|active session|activity)';
const CMP =
  '(more than|over|above|greater than|at least|fewer than|less than|under|below|at most|no more than|not more than|exactly|>=|<=|>|<|=)';
const NOT =
  "(?:not|no|never|without|lacking|missing|excluding|except|who don't have|who doesn't have|don't have|doesn't have|do not have|does not have|didn't|did not|don't|doesn't|haven't|hasn't|have not|has not|aren't|isn't|who are not|who is not|not in|none of)";

export function compareOf(word: string): AskCompare {
  switch (word) {
    case 'at least':
    case '>=':
      return '>=';
    case 'fewer than':
    case 'less than':
    case 'under':
    case 'below':
    case '<':
      return '<';
    case 'at most':
    case 'no more than':
    case 'not more than':
    case '<=':
      return '<=';
    case 'exactly':
    case '=':
      return '=';
    default:
      return '>';
  }
}

const GROUP_WORDS: [RegExp, AskGroup][] = [
  [/^(?:department|dept|team)$/, 'department'],
  [/^(?:organization|organisation|org|company|grantee organization)$/, 'organization'],
  [/^role$/, 'role'],
  [/^(?:job title|title)$/, 'title'],
  [/^status$/, 'status'],
  [/^access type$/, 'accessType'],
  [/^(?:user type|admin type|type)$/, 'userType'],
  [/^program$/, 'program'],
  [/^(?:hour|hour of (?:the )?day)$/, 'hour'],
  [/^(?:weekday|day of (?:the )?week|day)$/, 'weekday'],
  [/^month$/, 'month'],
  [/^(?:action|change type|kind of change|type of change)$/, 'action'],
  [/^(?:external|internal or external|external or internal)$/, 'external'],
];
const GROUP_RE =
  '(department|dept|team|organization|organisation|org|company|grantee organization|role|job title|title|status|access type|user type|admin type|type|program|hour of (?:the )?day|hour|weekday|day of (?:the )?week|day|month|action|change type|kind of change|type of change|internal or external|external or internal|external)';

function groupOf(word: string): AskGroup | null {
  return GROUP_WORDS.find(([re]) => re.test(word))?.[1] ?? null;
}

function entityRule(category: Category, before: string, after = '', negate = false): Rule {
  return {
    re: new RegExp(`\\b${before}${E}${after}\\b`, 'g'),
    apply(m, st) {
      const e = entityOf(st, m[1]);
      return !!e && applyEntity(st, e, category, negate);
    },
  };
}

function actionsOf(word: string): AskActivity['actions'] {
  if (/^(?:granted|given|added|assigned|gained|got|received)/.test(word)) return ['role_added'];
  if (/^(?:removed|revoked|taken|lost|stripped|withdrawn)/.test(word)) return ['role_removed'];
  if (/^(?:deactivated|disabled|suspended)/.test(word)) return ['deactivated'];
  if (/^(?:activated|enabled|reactivated)/.test(word)) return ['activated'];
  if (/password/.test(word)) return ['password_reset'];
  if (/^role/.test(word)) return ['role_added', 'role_removed'];
  return null;
}

const setGroup = (st: ParseState, by: AskGroup, limit: number | null = null) => {
  st.output = { kind: 'group', by, limit };
};

const OUTPUT_RULES: Rule[] = [
  {
    re: new RegExp(`\\bwhich ${GROUP_RE} (?:has|have|had) the (most|fewest|least)(?: ${P})?\\b`, 'g'),
    apply(m, st) {
      const by = groupOf(m[1] ?? '');
      if (!by) return false;
      setGroup(st, by, 1);
    },
  },
  {
    re: new RegExp(`\\b(?:the )?${GROUP_RE} with the most(?: ${P})?\\b`, 'g'),
    apply(m, st) {
      const by = groupOf(m[1] ?? '');
      if (!by) return false;
      setGroup(st, by, 1);
    },
  },
  {
    re: new RegExp(`\\btop ${NUM} ${GROUP_RE}\\b`, 'g'),
    apply(m, st) {
      const by = groupOf(m[2] ?? '');
      const n = num(m[1]);
      if (!by || n === null) return false;
      setGroup(st, by, n);
    },
  },
  {
    re: new RegExp(
      `\\b(?:per|by|for each|each|grouped by|group by|broken down by|breakdown by|split by|across|in each|for every|by their|per their)(?: the)? ${GROUP_RE}\\b`,
      'g',
    ),
    apply(m, st) {
      const by = groupOf(m[1] ?? '');
      if (!by) return false;
      setGroup(st, by, st.output.kind === 'group' ? st.output.limit : null);
    },
  },
  {
    re: /\b(?:how many|number of|count of|count the|count|total number of|total count of|tally of|how much)\b/g,
    apply(_m, st) {
      st.counting = true;
    },
  },
  {
    re: new RegExp(`\\b(?:top|which|the|first) ${NUM}(?: most active)?\\b`, 'g'),
    apply(m, st) {
      const n = num(m[1]);
      if (n === null || n > 1000) return false;
      st.output = { kind: 'top', n, measure: 'sessions' };
    },
  },
  {
    re: /\b(?:the )?most active\b/g,
    apply(_m, st) {
      if (st.output.kind !== 'top') st.output = { kind: 'top', n: 10, measure: 'sessions' };
    },
  },
  {
    re: new RegExp(
      `\\b(?:by|with the most|with most|the most|most|by number of|by count of|ranked by|with the highest number of|highest number of)(?: number of)? (${LOGIN}|time|role|change made|change|access change|different ip|distinct ip|ip|address|ip address)(?: to their account| made)?(?: the most| most)?\\b`,
      'g',
    ),
    apply(m, st) {
      const w = m[1] ?? '';
      const measure = /role/.test(w)
        ? 'roles'
        : /change/.test(w)
          ? st.activity?.source === 'changesMade' || / made/.test(m[0] ?? '')
            ? 'changesMade'
            : 'changes'
          : /ip|address/.test(w)
            ? 'distinctIp'
            : 'sessions';
      const n = st.output.kind === 'top' ? st.output.n : 1;
      st.output = { kind: 'top', n, measure };
      if (measure === 'sessions' && !st.activity) ensureActivity(st, 'sessions');
    },
  },
  {
    re: new RegExp(`\\b(${LOGIN}) (?:the )?most(?: often)?\\b`, 'g'),
    apply(_m, st) {
      ensureActivity(st, 'sessions');
      st.output = { kind: 'top', n: st.output.kind === 'top' ? st.output.n : 1, measure: 'sessions' };
    },
  },
  {
    re: /\bmade the most (?:access |role |permission )?change\b/g,
    apply(_m, st) {
      st.output = { kind: 'top', n: st.output.kind === 'top' ? st.output.n : 1, measure: 'changesMade' };
    },
  },
];

/** Access changes: made to people ("were granted"), made by people ("who granted"), or listed. */
const CHANGE_RULES: Rule[] = [
  {
    re: new RegExp(
      `\\b(?:what|which|list|show|all)?(?: the)? ?(?:access |role |permission |account )?(?:change|modification|event)(?: made| done)? by ${E}\\b`,
      'g',
    ),
    apply(m, st) {
      const e = entityOf(st, m[1]);
      if (!e?.entry.names.person) return false;
      e.used = true;
      st.actor.push({ kind: 'name', text: e.entry.names.person });
      st.output = { kind: 'changes' };
      ensureActivity(st, 'changes');
    },
  },
  {
    re: new RegExp(`\\bwhat (?:did|has) ${E} (?:change|changed|modify|modified|do)\\b`, 'g'),
    apply(m, st) {
      const e = entityOf(st, m[1]);
      if (!e?.entry.names.person) return false;
      e.used = true;
      st.actor.push({ kind: 'name', text: e.entry.names.person });
      st.output = { kind: 'changes' };
      ensureActivity(st, 'changes');
    },
  },
  {
    // who granted the X role / who removed roles / who changed access / who deactivated accounts
    re: /^\s*(?:which (?:user|people|person|account|admin|administrator|staff)|who|whom)(?: has| have| had)? (granted|gave|added|assigned|removed|revoked|deactivated|disabled|activated|enabled|reactivated|reset|changed|modified|made|edited)\b(?: (?:role|access|permission|password|account|change|user|people|someone|anyone))*\b/g,
    apply(m, st) {
      const a = ensureActivity(st, 'changesMade');
      a.source = 'changesMade';
      const verb = m[1] ?? '';
      const acts = /reset/.test(verb) || /password/.test(m[0] ?? '') ? ['password_reset' as const] : actionsOf(verb);
      if (acts) a.actions = acts;
    },
  },
  {
    re: /\b(?:list|show|display|all|the|recent|latest)? ?(?:access|role|permission|account) (?:change|modification|event|history|log)\b/g,
    apply(_m, st) {
      const a = ensureActivity(st, st.activity?.source ?? 'changes');
      if (!a.actions && /role/.test(_m[0] ?? '')) a.actions = ['role_added', 'role_removed'];
      if (st.output.kind === 'list' && !st.counting && !/\b(?:who|whose|people|user)\b/.test(st.s))
        st.output = { kind: 'changes' };
    },
  },
  {
    re: /\bpassword (?:reset|change)\b|\breset (?:their |a |the )?password\b/g,
    apply(_m, st) {
      ensureActivity(st, st.activity?.source ?? 'changes').actions = ['password_reset'];
    },
  },
  {
    re: new RegExp(
      `\\b(?:had|have|has|got|were|was|been|who were|who got|who had|whose)? ?(?:their )?(?:(?:the )?${E} (?:role )?)?(granted|given|added|assigned|gained|received|removed|revoked|taken away|lost|deactivated|disabled|suspended|activated|enabled|reactivated)(?: the)?(?: ${E})?(?: role| access| account)?\\b`,
      'g',
    ),
    apply(m, st) {
      const a = ensureActivity(st, st.activity?.source ?? 'changes');
      const acts = actionsOf(m[2] ?? '');
      if (acts) a.actions = acts;
      const e = entityOf(st, m[1] ?? m[3]);
      if (e?.entry.names.role) {
        e.used = true;
        a.role = e.entry.names.role;
      } else if (e) return false;
    },
  },
  {
    re: /\b(?:access|role|permission|account) (?:change|changed|modified|updated)\b|\b(?:change|changed|modified)(?: their)? (?:access|role|permission)\b|\bchange\b/g,
    apply(_m, st) {
      ensureActivity(st, st.activity?.source ?? 'changes');
    },
  },
];

const ROLE_RULES: Rule[] = [
  {
    re: new RegExp(`\\bboth (?:the )?(?:role )?${E}(?: role)? and (?:the )?(?:role )?${E}(?: role)?\\b`, 'g'),
    apply(m, st) {
      const a = entityOf(st, m[1]);
      const b = entityOf(st, m[2]);
      if (!a?.entry.names.role || !b?.entry.names.role) return false;
      a.used = b.used = true;
      st.people.push({ kind: 'role', roles: [a.entry.names.role, b.entry.names.role], mode: 'all' });
    },
  },
  {
    re: new RegExp(`\\b(?:either )?(?:the )?(?:role )?${E}(?: role)? or (?:the )?(?:role )?${E}(?: role)?\\b`, 'g'),
    apply(m, st) {
      const a = entityOf(st, m[1]);
      const b = entityOf(st, m[2]);
      if (!a?.entry.names.role || !b?.entry.names.role) return false;
      a.used = b.used = true;
      st.people.push({ kind: 'role', roles: [a.entry.names.role, b.entry.names.role], mode: 'any' });
    },
  },
  {
    re: /\b(?:without|with no|with zero|no|having no|has no|have no|lacking|missing|not having|not holding|who hold no|holding no|with not a single)(?: single)? (?:any )?(?:assigned )?role(?: at all| assigned)?\b|\b(?:without|not having|lacking) any role(?: at all)?\b|\b(?:don't|doesn't|do not|does not) (?:have|hold) any role\b|\bzero role\b|\broleless\b/g,
    apply(_m, st) {
      st.people.push({ kind: 'roleCount', op: '=', n: 0 });
    },
  },
  {
    re: new RegExp(
      `\\b(?:with|having|holding|who have|who hold|has|have)? ?${CMP} ${NUM} (?:different |distinct )?role\\b`,
      'g',
    ),
    apply(m, st) {
      const n = num(m[2]);
      if (n === null) return false;
      st.people.push({ kind: 'roleCount', op: compareOf(m[1] ?? ''), n });
    },
  },
  {
    re: new RegExp(`\\b(?:with|having|holding|who have|who hold|has|have) ${NUM} (?:or more )?role\\b`, 'g'),
    apply(m, st) {
      const n = num(m[1]);
      if (n === null) return false;
      st.people.push({ kind: 'roleCount', op: /or more/.test(m[0] ?? '') ? '>=' : '=', n });
    },
  },
  {
    re: /\b(?:privileged|privilege|elevated) (?:role|account|user|access)?\b|\bwith privilege\b/g,
    apply(_m, st) {
      st.people.push({ kind: 'privileged', value: true });
    },
  },
  entityRule('role', `${NOT} (?:the |a |an |any )?(?:role )?`, '(?: role)?', true),
  entityRule('role', '(?:role|role of|role named|role called|with the role|holding the role|the role) (?:of )?'),
  entityRule('role', '', ' role'),
];

const PERSON_RULES: Rule[] = [
  {
    re: /\b(?:non[- ]?external|not external|internal|in[- ]house|our own)\b/g,
    apply: (_m, st) => void st.people.push({ kind: 'external', value: false }),
  },
  {
    re: /\b(?:external|outside|non[- ]?internal|not internal|grantee|partner)\b/g,
    apply: (_m, st) => void st.people.push({ kind: 'external', value: true }),
  },
  {
    re: /\b(?:with |who have |having |that have |whose )?(?:no access|access type (?:is )?(?:none|0|no access)|without access|no portal access|access (?:is )?none|cannot log in|can't log in)\b/g,
    apply: (_m, st) => void st.people.push({ kind: 'accessType', values: ['none'] }),
  },
  {
    re: /\b(?:with |who have |having )?(?:api access|api user|api account|api only|access type (?:is )?api|integration account|service account|api)\b/g,
    apply: (_m, st) => void st.people.push({ kind: 'accessType', values: ['api'] }),
  },
  {
    re: /\b(?:with |who have |having )?(?:portal access|user access|access type (?:is )?user|interactive access|portal user)\b/g,
    apply: (_m, st) => void st.people.push({ kind: 'accessType', values: ['user'] }),
  },
  {
    re: /\b(?:global (?:admin|administrator)|global user admin|global admin type)\b/g,
    apply: (_m, st) => void st.people.push({ kind: 'userType', values: ['globalAdmin'] }),
  },
  {
    re: /\b(?:local (?:admin|administrator))\b/g,
    apply: (_m, st) => void st.people.push({ kind: 'userType', values: ['localAdmin'] }),
  },
  {
    re: /\b(?:regular|normal|standard|ordinary|plain|non[- ]admin) (?:user|people|account|user type)?\b/g,
    apply: (_m, st) => void st.people.push({ kind: 'userType', values: ['user'] }),
  },
  {
    re: /\b(?:admin|administrator|admin user|admin account|admin type|superuser)\b/g,
    apply: (_m, st) => void st.people.push({ kind: 'userType', values: ['localAdmin', 'globalAdmin'] }),
  },
  {
    re: new RegExp(
      `\\b(?:whose |with |where )?(?:the )?(?:access |account )?(?:expiry|expiration|expiry date|expiration date|expire|expiring|expires|will expire|expire on|expires on|due to expire)(?: date)?(?: is| are)?(?: ${TW})?\\b`,
      'g',
    ),
    apply(m, st) {
      const w = windowAt(st, m[1]);
      if (w) st.people.push({ kind: 'expiry', state: 'window', window: w });
      else if (/\b(?:with|whose)\b/.test(m[0] ?? '')) st.people.push({ kind: 'expiry', state: 'set', window: null });
      else return false;
    },
  },
  {
    re: /\b(?:no|without an?|without|with no|never)(?: access)? (?:expiry|expiration|expire|expiry date|expiration date)(?: date)?\b|\bnever expire\b|\bdo not expire\b|\bdon't expire\b/g,
    apply: (_m, st) => void st.people.push({ kind: 'expiry', state: 'none', window: null }),
  },
  {
    re: /\b(?:whose |with )?(?:access |account )?(?:has |have |is |are )?(?:expired|past (?:its |their )?(?:expiry|expiration)(?: date)?|past expiry)(?: access| account)?\b/g,
    apply: (_m, st) => void st.people.push({ kind: 'expiry', state: 'expired', window: null }),
  },
  {
    re: /\b(?:not expired|unexpired|not yet expired|still valid)\b/g,
    apply: (_m, st) => void st.people.push({ kind: 'expiry', state: 'notExpired', window: null }),
  },
  {
    re: /\b(?:with |whose |having |who have |who are )?(?:status )?(?:is )?(inactive|pending|active)(?: status)?\b/g,
    apply(m, st) {
      const status = st.lexicon.statuses.find((s) => s.toLowerCase() === (m[1] ?? ''));
      st.people.push({
        kind: 'status',
        values: [status ?? (m[1] ?? '').replace(/^./, (c) => c.toUpperCase())],
        negate: false,
      });
    },
  },
  {
    re: new RegExp(
      `\\b(?:created|added|joined|registered|onboarded|set up|new|made)(?: account| user| people)?(?: ${TW})\\b`,
      'g',
    ),
    apply(m, st) {
      const w = windowAt(st, /tw\d+/.exec(m[0] ?? '')?.[0]);
      if (!w) return false;
      st.people.push({ kind: 'created', window: w });
    },
  },
];

const LOGIN_RULES: Rule[] = [
  {
    re: new RegExp(
      `\\b(?:never|not ever|not once)(?: have| has| ever)? ${LOGIN}(?: in| at all| ever| once)?\\b|\\bno ${LOGIN} (?:ever|at all)\\b|\\bnever used\\b`,
      'g',
    ),
    apply: (_m, st) => void st.people.push({ kind: 'lastLogin', state: 'never', window: null }),
  },
  {
    re: new RegExp(`\\blast ${LOGIN}(?: date)?(?: is| was| of)?(?: ${TW})?\\b`, 'g'),
    apply(m, st) {
      const token = /tw\d+/.exec(m[0] ?? '')?.[0];
      const w = windowAt(st, token);
      if (!w) return false;
      st.people.push({ kind: 'lastLogin', state: 'window', window: w });
    },
  },
  {
    re: new RegExp(
      `\\b(?:who )?(?:${NOT}|no|without any|without a|with no|zero)(?: been| had| have| logged any| a)? (?:${LOGIN}|log(?:ged)? in)(?: in| at all)?(?: since| for| in| during| within)? ${TW}\\b`,
      'g',
    ),
    apply(m, st) {
      const token = /tw\d+/.exec(m[0] ?? '')?.[0];
      const w = windowAt(st, token);
      if (!w) return false;
      st.people.push({ kind: 'lastLogin', state: 'notWindow', window: { from: w.from ?? w.to, to: null } });
    },
  },
  {
    re: new RegExp(
      `\\b(?:inactive|dormant|idle|stale|unused)(?: account| user| people)? (?:for|since|in)? ?${TW}\\b`,
      'g',
    ),
    apply(m, st) {
      const w = windowAt(st, /tw\d+/.exec(m[0] ?? '')?.[0]);
      if (!w) return false;
      st.people.push({ kind: 'lastLogin', state: 'notWindow', window: { from: w.from ?? w.to, to: null } });
    },
  },
  {
    re: new RegExp(
      `\\b(?:with |who had |having |that had |who have |had |have |has )?${CMP} ${NUM} (different |distinct |unique |separate )?(ips|ip|ip address|address|user agent|agent|browser|device|day|${LOGIN}|time)(?: address)?\\b`,
      'g',
    ),
    apply(m, st) {
      const n = num(m[2]);
      if (n === null) return false;
      const thing = m[4] ?? '';
      const a = ensureActivity(st, 'sessions');
      a.source = a.source === 'changesMade' ? a.source : 'sessions';
      a.measure = /ip|address/.test(thing)
        ? 'distinctIp'
        : /agent|browser|device/.test(thing)
          ? 'distinctAgent'
          : /day/.test(thing)
            ? 'distinctDays'
            : 'count';
      a.op = compareOf(m[1] ?? '');
      a.n = n;
    },
  },
  {
    re: new RegExp(`\\b${CMP} ${NUM} (?:access |role )?change\\b`, 'g'),
    apply(m, st) {
      const n = num(m[2]);
      if (n === null) return false;
      const a = ensureActivity(st, st.activity?.source ?? 'changes');
      a.op = compareOf(m[1] ?? '');
      a.n = n;
    },
  },
  {
    re: /\bfrom (?:ip |address |ip address )?(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})\b/g,
    apply(m, st) {
      ensureActivity(st, 'sessions').ip = m[1] ?? null;
    },
  },
  {
    re: new RegExp(`\\b(?:who )?(?:${NOT}|no)(?: been)? (?:${LOGIN})\\b`, 'g'),
    apply(_m, st) {
      const a = ensureActivity(st, 'sessions');
      a.negate = true;
    },
  },
  {
    re: new RegExp(`\\b(?:who |that |which )?(?:${LOGIN})(?: in| on| at| to)?\\b`, 'g'),
    apply(_m, st) {
      ensureActivity(st, 'sessions');
    },
  },
];

const PLACE_RULES: Rule[] = [
  {
    // Reviewers on the X program, X as Reviewer, assigned to X as Y
    re: new RegExp(`\\b${E} (?:on|in|for|of|to|at)(?: the)? ${E}(?: program)?\\b`, 'g'),
    apply(m, st) {
      const role = entityOf(st, m[1]);
      const program = entityOf(st, m[2]);
      const roleName = role?.entry.names.assignmentRole ?? role?.entry.names.role;
      if (!roleName || !program?.entry.names.program) return false;
      role!.used = program.used = true;
      st.people.push({ kind: 'program', program: program.entry.names.program, role: roleName, negate: false });
    },
  },
  {
    re: new RegExp(`\\b(?:assigned to |on |in |for )?(?:the )?${E}(?: program)? as (?:an? )?${E}\\b`, 'g'),
    apply(m, st) {
      const program = entityOf(st, m[1]);
      const role = entityOf(st, m[2]);
      const roleName = role?.entry.names.assignmentRole ?? role?.entry.names.role;
      if (!roleName || !program?.entry.names.program) return false;
      role!.used = program.used = true;
      st.people.push({ kind: 'program', program: program.entry.names.program, role: roleName, negate: false });
    },
  },
  {
    re: /\b(?:not assigned to any|not on any|without any|without a|with no|not in any) program\b/g,
    apply: (_m, st) => void st.people.push({ kind: 'program', program: null, role: null, negate: true }),
  },
  {
    re: /\b(?:assigned to|on|in) (?:a|any|some) program\b|\bwith (?:a |any )?program assignment\b/g,
    apply: (_m, st) => void st.people.push({ kind: 'program', program: null, role: null, negate: false }),
  },
  entityRule('program', `${NOT} (?:assigned to |on |in )?(?:the )?`, '(?: program)?', true),
  entityRule(
    'title',
    '(?:titled|with (?:the |a )?(?:job )?title(?: of)?|whose (?:job )?title is|job title|title|title is|with title) (?:an? |the )?',
  ),
  entityRule('title', '', ' (?:job )?title'),
  entityRule('department', `${NOT} (?:in |from |of )?(?:the )?`, ' (?:department|dept|team)', true),
  entityRule('department', '(?:department|dept|team)(?: of| is| named| called)? '),
  entityRule(
    'department',
    '(?:in |from |of |within |working in |who work in |work in )?(?:the )?',
    ' (?:department|dept|team)',
  ),
  entityRule('organization', '(?:organization|organisation|org|company)(?: of| is| named| called)? '),
  entityRule(
    'organization',
    '(?:at |from |of |in |with |for )?(?:the )?',
    ' (?:organization|organisation|org|company)',
  ),
  entityRule('organization', `${NOT} (?:at |from |in )?(?:the )?`, '', true),
  entityRule('program', '(?:program|programme|grant program) (?:named |called )?'),
  entityRule('program', '', ' (?:program|programme)'),
  entityRule('department', '(?:in|from|within|of|working in|who work in|work in) (?:the )?'),
  entityRule('organization', '(?:at|from|of|in|with|for|belonging to|working for|employed by) (?:the )?'),
  entityRule('assignmentRole', 'as (?:an? )?'),
];

function tidyRule(): Rule {
  return {
    // The words around windows ("in the", "during") no rule needs once the window is placeholdered.
    re: /\b(?:during|within|over|since|in|from) (?=tw\d+)/g,
    apply: () => {},
  };
}

export const RULES: Rule[] = [
  ...OUTPUT_RULES,
  ...CHANGE_RULES,
  ...ROLE_RULES,
  ...LOGIN_RULES,
  ...PERSON_RULES,
  ...PLACE_RULES,
  tidyRule(),
];
