/** A query object in plain words, as the administrator reads it before it runs. */
import type { AskActivity, AskPersonFilter, AskQuery, AskWindow } from '../../src-preload/contract/ask';
import { isPlainExistence } from './activity';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const OPS: Record<string, string> = {
  '>': 'more than',
  '>=': 'at least',
  '<': 'fewer than',
  '<=': 'at most',
  '=': 'exactly',
};

export function describeWindow(w: AskWindow | null): string {
  if (!w) return '';
  if (w.from && w.to) return `from ${w.from.slice(0, 16)} to ${w.to.slice(0, 16)} UTC`;
  if (w.from) return `since ${w.from.slice(0, 16)} UTC`;
  if (w.to) return `before ${w.to.slice(0, 16)} UTC`;
  return '';
}

function person(f: AskPersonFilter): string {
  switch (f.kind) {
    case 'role':
      return f.mode === 'all'
        ? `holding all of the roles ${f.roles.join(' and ')}`
        : f.mode === 'none'
          ? `not holding ${f.roles.join(' or ')}`
          : `holding the role ${f.roles.join(' or ')}`;
    case 'roleCount':
      return f.n === 0 && f.op === '=' ? 'holding no role' : `holding ${OPS[f.op]} ${f.n} roles`;
    case 'privileged':
      return f.value ? 'holding a role marked privileged' : 'holding no privileged role';
    case 'department':
    case 'organization':
    case 'title':
    case 'status':
      return `${f.negate ? 'whose' : 'whose'} ${f.kind} is ${f.negate ? 'not ' : ''}${f.values.join(' or ')}`;
    case 'program':
      return `${f.negate ? 'not ' : ''}assigned to ${f.program ? `the program ${f.program}` : 'a program'}${f.role ? ` as ${f.role}` : ''}`;
    case 'external':
      return f.value ? 'external' : 'internal';
    case 'accessType':
      return `with access type ${f.values.join(' or ')}`;
    case 'userType':
      return `of user type ${f.values.join(' or ')}`;
    case 'expiry':
      return f.state === 'expired'
        ? 'whose access has expired'
        : f.state === 'notExpired'
          ? 'whose access has not expired'
          : f.state === 'none'
            ? 'with no access expiry'
            : f.state === 'set'
              ? 'with an access expiry'
              : `whose access expires ${describeWindow(f.window)}`;
    case 'lastLogin':
      return f.state === 'never'
        ? 'who never logged in'
        : f.state === 'notWindow'
          ? `who have not logged in ${describeWindow(f.window)}`
          : `whose last login was ${describeWindow(f.window)}`;
    case 'created':
      return `created ${describeWindow(f.window)}`;
    case 'name':
      return `named ${f.text}`;
  }
}

const ACTION_WORDS: Record<string, string> = {
  role_added: 'role granted',
  role_removed: 'role removed',
  activated: 'activation',
  deactivated: 'deactivation',
  password_reset: 'password reset',
};

function changes(a: AskActivity): string {
  const kinds = a.actions?.length ? a.actions.map((x) => ACTION_WORDS[x] ?? x).join(' or ') : 'access';
  const whose = a.source === 'changesMade' ? ' made by them' : ' to them';
  const other = a.person ? (a.source === 'changesMade' ? ` to ${a.person}` : ` by ${a.person}`) : '';
  return `${kinds} changes${whose}${other}${a.role ? ` of the role ${a.role}` : ''}`;
}

function activity(a: AskActivity): string {
  const what = a.source === 'sessions' ? 'login sessions' : changes(a);
  const measure =
    a.measure === 'distinctIp'
      ? `${OPS[a.op]} ${a.n} different IP addresses in`
      : a.measure === 'distinctAgent'
        ? `${OPS[a.op]} ${a.n} different user agents in`
        : a.measure === 'distinctDays'
          ? `${what} on ${OPS[a.op]} ${a.n} different days`
          : a.op === '>=' && a.n === 1
            ? ''
            : `${OPS[a.op]} ${a.n}`;
  const parts = [
    `${a.negate ? 'with no' : 'with'} ${measure ? `${measure} ` : ''}${a.measure === 'distinctDays' ? '' : what}`.trim(),
  ];
  if (a.window) parts.push(describeWindow(a.window));
  if (a.hours) parts.push(`between ${a.hours.from}:00 and ${a.hours.to}:00 UTC`);
  if (a.weekdays?.length) parts.push(`on ${a.weekdays.map((d) => DAYS[d]).join(', ')}`);
  if (a.ip) parts.push(`from ${a.ip}`);
  return parts.join(' ');
}

const GROUP_WORDS: Record<string, string> = {
  accessType: 'access type',
  userType: 'user type',
  external: 'internal or external',
};
const TOP_WORDS: Record<string, string> = {
  sessions: 'login sessions',
  changes: 'access changes made to them',
  changesMade: 'access changes they made',
  roles: 'roles',
  distinctIp: 'different IP addresses',
};

/** Time, hours and weekdays of an activity, for rows of it ("login sessions since ..."). */
function when(a: AskActivity | null): string {
  if (!a) return '';
  const parts = [describeWindow(a.window)];
  if (a.hours) parts.push(`between ${a.hours.from}:00 and ${a.hours.to}:00 UTC`);
  if (a.weekdays?.length) parts.push(`on ${a.weekdays.map((d) => DAYS[d]).join(', ')}`);
  if (a.ip) parts.push(`from ${a.ip}`);
  return parts.filter(Boolean).join(' ');
}

function rowsOf(q: AskQuery, what: string): string {
  const a = q.activity;
  const parts = [what];
  if (q.actor.length) parts.push(`made by people ${q.actor.map(person).join(', ')}`);
  if (q.people.length)
    parts.push(`${what.startsWith('Login') ? 'of' : 'to'} people ${q.people.map(person).join(', ')}`);
  if (a && a.source !== 'sessions' && (a.actions?.length || a.role || a.person)) parts.push(`(${changes(a)})`);
  parts.push(when(a));
  return `${parts.filter(Boolean).join(' ')}.`;
}

export function describeQuery(q: AskQuery): string {
  const who = [...q.people.map(person), ...(q.activity ? [activity(q.activity)] : [])];
  const subject = `people${who.length ? ` ${who.join(', ')}` : ''}`;
  const out = q.output;
  switch (out.kind) {
    case 'list':
      return `List ${subject}.`;
    case 'count':
      return `Count ${subject}.`;
    case 'eventCount':
      return `Count the ${rowsOf(q, out.of === 'sessions' ? 'login sessions' : 'access changes')}`;
    case 'group': {
      const counted =
        out.measure === 'people'
          ? subject
          : rowsOf(q, out.measure === 'sessions' ? 'login sessions' : 'access changes').slice(0, -1);
      const top = out.limit ? ` (the ${out.limit} with the ${out.order === 'fewest' ? 'fewest' : 'most'})` : '';
      return `Count ${counted}, per ${GROUP_WORDS[out.by] ?? out.by}${top}.`;
    }
    case 'top': {
      // The logins (or changes) counted are not also said as a condition.
      const counted = q.activity && isPlainExistence(q.activity) ? q.people.map(person) : who;
      return `${out.n === 1 ? 'The person' : `The ${out.n} people`}${counted.length ? ` ${counted.join(', ')}` : ''} with the most ${TOP_WORDS[out.measure] ?? out.measure}${when(q.activity) ? ` ${when(q.activity)}` : ''}.`;
    }
    case 'changes':
      return rowsOf(q, 'Access changes');
    case 'sessions':
      return rowsOf(q, 'Login sessions');
  }
}

/** Each condition of a query in words, keyed by where it sits (`people.0`, `activity`, `actor.1`), for editing one by one. */
export function describeParts(q: AskQuery): { key: string; text: string }[] {
  return [
    ...q.people.map((f, i) => ({ key: `people.${i}`, text: person(f) })),
    ...(q.activity ? [{ key: 'activity', text: activity(q.activity) }] : []),
    ...q.actor.map((f, i) => ({ key: `actor.${i}`, text: `changes made by people ${person(f)}` })),
  ];
}
