/**
 * `desk why PERSON [PROGRAM] [--role ROLE] [--fix] [--expiry-days N] [--instance ID] [--json]`:
 * the access troubleshooter from the command line. PERSON is an id, an e-mail or a name; PROGRAM
 * an id or a name; without PROGRAM or --role it checks the portal sign-in. Every check is printed
 * in order with its result and what to change; --fix also makes the draft fix plan. --json prints
 * the diagnosis (and the plan made). Exit 0 when the checks ran, whatever they found.
 */
import type { HelpdeskDiagnosis, HelpdeskPlanMade, HelpdeskTargetInput } from '../../../src-preload/contract';
import type { Command } from '../command';
import { usageError } from '../output';
import { resolveInstance } from './instance-arg';

const USAGE = 'Usage: desk why PERSON [PROGRAM] [--role ROLE] [--fix] (PERSON: id, e-mail or name; quote names)';
const RESULT_WORDS = { pass: 'OK  ', fail: 'FAIL', skip: '--  ' } as const;
const ref = (text: string) => (/^\d{1,15}$/.test(text.trim()) ? Number(text.trim()) : text.trim());

function targetOf(program: string | undefined, role: string | undefined): HelpdeskTargetInput {
  if (program !== undefined && role !== undefined) throw usageError('Name a PROGRAM or a --role, not both.');
  if (program !== undefined) return { kind: 'program', program: ref(program) };
  if (role !== undefined) return { kind: 'role', role: ref(role) };
  return { kind: 'portal' };
}

function human(d: HelpdeskDiagnosis, plan: HelpdeskPlanMade | null): string {
  const width = Math.max(...d.checks.map((c) => c.label.length));
  const lines = [
    d.summary,
    `${d.person.name} <${d.person.email}> (id ${d.person.id}, ${d.person.isExternal ? 'external' : 'internal'}${d.person.organization ? `, ${d.person.organization}` : ''}); mirror synced ${d.syncedAt ? `${d.syncedAt.slice(0, 16).replace('T', ' ')} UTC` : 'never'}.`,
    '',
  ];
  d.checks.forEach((c, i) => {
    lines.push(`${String(i + 1).padStart(2)}. ${RESULT_WORDS[c.result]}  ${c.label.padEnd(width)}  ${c.finding}`);
    if (c.advice)
      lines.push(`${' '.repeat(width + 12)}-> ${c.advice}${c.fix === 'outside' ? ' [not through SmartConnect]' : ''}`);
  });
  lines.push('');
  if (plan)
    lines.push(
      `Fix plan made (draft, to review and approve): "${plan.plan.title}" ${plan.plan.id}`,
      ...plan.operations.map((o) => `  - ${o}`),
    );
  else if (d.fixOperations.length > 0)
    lines.push(`A fix plan would hold: ${d.fixOperations.join('; ')}. Add --fix to make it (a draft to approve).`);
  else if (d.failed.length > 0) lines.push('Nothing here can be changed through SmartConnect: see the advice above.');
  return lines.join('\n');
}

export const whyCommand: Command = {
  name: 'why',
  usage: 'why PERSON [PROGRAM] [--role ROLE] [--fix] [--expiry-days N] [--instance ID|NAME]',
  summary: "Why can't this person see that program (or use a role, or sign in)? Every access check, in order.",
  options: {
    instance: { type: 'string' },
    role: { type: 'string' },
    fix: { type: 'boolean' },
    'expiry-days': { type: 'string' },
  },
  async run({ positionals, values, out, session }) {
    if (positionals.length < 1 || positionals.length > 2) throw usageError(USAGE);
    const [person, program] = positionals as [string, string | undefined];
    if (!person.trim()) throw usageError(USAGE);
    const target = targetOf(program, values.role as string | undefined);
    const days = values['expiry-days'] === undefined ? undefined : Number(values['expiry-days']);
    if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650))
      throw usageError('--expiry-days takes a whole number of days, 1 to 3650.');
    const instance = await resolveInstance(session, values.instance as string | undefined);
    const diagnosis = await session.call('helpdesk:diagnose', {
      instanceId: instance.id,
      person: ref(person),
      target,
      ...(days ? { expiryDays: days } : {}),
    });
    const plan =
      values.fix === true && diagnosis.fixOperations.length > 0
        ? await session.call('helpdesk:createFixPlan', {
            instanceId: instance.id,
            outcomeId: diagnosis.outcomeId,
            ...(days ? { expiryDays: days } : {}),
          })
        : null;
    out.result(plan ? { ...diagnosis, planMade: plan } : diagnosis, () => human(diagnosis, plan));
  },
};
