/**
 * The ticket draft: for what the administrator cannot fix, a plain text to paste into the
 * organization's ticket system: the person, the problem, every check with its result, what was
 * tried, and what is needed. Never a password or a token: only what the outcome recorded.
 */
import type { HelpdeskTicket } from '../../src-preload/contract';
import type { OutcomeRecord } from './outcome-store';

export interface TicketPerson {
  email: string;
  organization: string | null;
  isExternal: boolean;
}

const RESULT = { pass: 'OK  ', fail: 'FAIL', skip: '--  ' } as const;

function problemOf(o: OutcomeRecord): string {
  if (o.targetKind === 'program') return `cannot see the program ${o.targetName}`;
  if (o.targetKind === 'role') return `cannot use the role ${o.targetName}`;
  return 'cannot sign in';
}

function tried(o: OutcomeRecord, earlier: readonly OutcomeRecord[]): string[] {
  const lines: string[] = [];
  const plans = [o, ...earlier].flatMap((x) => (x.plan ? [x.plan] : []));
  const seen = new Set<string>();
  for (const p of plans) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    const when = p.appliedAt ? ` on ${p.appliedAt.slice(0, 16).replace('T', ' ')}` : '';
    lines.push(`- Plan "${p.title}": ${p.state.replace('_', ' ')}${when}.`);
  }
  if (earlier.length > 0)
    lines.push(
      `- Checked ${earlier.length} time${earlier.length === 1 ? '' : 's'} before (first ${earlier[earlier.length - 1]!.createdAt.slice(0, 10)}).`,
    );
  return lines.length > 0 ? lines : ['- Nothing yet: the checks below are the first look.'];
}

export function draftTicket(o: OutcomeRecord, person: TicketPerson, earlier: readonly OutcomeRecord[]): HelpdeskTicket {
  const failed = o.checks.filter((c) => c.result === 'fail');
  const subject = `${o.personName} ${problemOf(o)}${failed[0] ? ` (${failed[0].label.toLowerCase()})` : ''}`;
  const width = Math.max(...o.checks.map((c) => c.label.length));
  const needed = failed.filter((c) => c.fix !== 'plan' || c.operations.length === 0);
  const text = [
    `Subject: ${subject}`,
    '',
    `Person: ${o.personName} <${person.email}>, SmartSimple id ${o.personId}, ${person.isExternal ? 'external' : 'internal'}${person.organization ? `, ${person.organization}` : ''}`,
    `Problem: ${o.personName} ${problemOf(o)}.`,
    `Checked: ${o.createdAt.slice(0, 16).replace('T', ' ')} UTC with Admin Desk, on the mirror synced ${o.syncedAt ? o.syncedAt.slice(0, 16).replace('T', ' ') + ' UTC' : '(never)'}.`,
    '',
    'Checks, in order:',
    ...o.checks.map((c) => `  ${RESULT[c.result]}  ${c.label.padEnd(width)}  ${c.finding}`),
    '',
    'What was tried:',
    ...tried(o, earlier),
    '',
    'What is needed:',
    ...(needed.length > 0
      ? needed.map((c) => `- ${c.advice ?? c.finding}`)
      : failed.length > 0
        ? ['- The fix plan above, once approved and applied; then a sync and a new check.']
        : [
            '- Nothing found in the mirror: the cause may be outside it (browser, SSO, MFA, a recent change not synced).',
          ]),
  ].join('\n');
  return { subject, text };
}
