/** A query object in plain words, as the administrator reads it before it runs. */
import type { AskActivity, AskPersonFilter, AskQuery, AskWindow } from '../../src-preload/contract/ask';

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

function activity(a: AskActivity): string {
  const what =
    a.source === 'sessions'
      ? 'login sessions'
      : `${a.actions?.length ? a.actions.join('/') : 'access'} changes${a.source === 'changesMade' ? ' made by them' : ' to them'}${a.role ? ` of the role ${a.role}` : ''}`;
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
    `${a.negate ? 'with no' : 'with'} ${measure ? `${measure} ` : ''}${a.measure === 'distinctDays' ? '' : what}`,
  ];
  if (a.window) parts.push(describeWindow(a.window));
  if (a.hours) parts.push(`between ${a.hours.from}:00 and ${a.hours.to}:00 UTC`);
  if (a.weekdays?.length) parts.push(`on ${a.weekdays.map((d) => DAYS[d]).join(', ')}`);
  if (a.ip) parts.push(`from ${a.ip}`);
  return parts.join(' ');
}

export function describeQuery(q: AskQuery): string {
  const who = [...q.people.map(person), ...(q.activity ? [activity(q.activity)] : [])];
  const subject = `people${who.length ? ` ${who.join(', ')}` : ''}`;
  switch (q.output.kind) {
    case 'list':
      return `List ${subject}.`;
    case 'count':
      return `Count ${subject}.`;
    case 'group':
      return `Count ${subject}, per ${q.output.by}${q.output.limit ? ` (the top ${q.output.limit})` : ''}.`;
    case 'top':
      return `The ${q.output.n} ${subject} with the most ${q.output.measure}.`;
    case 'changes':
      return `Access changes${q.actor.length ? ` made by ${q.actor.map(person).join(', ')}` : ''}${q.people.length ? ` to ${q.people.map(person).join(', ')}` : ''}${q.activity ? ` (${activity(q.activity)})` : ''}.`;
  }
}
