/**
 * Program roster: a list of reviewers for a program. Each row is resolved against the mirror with
 * onboarding's person resolution (same / review / new, recorded as a resolve_entity suggestion);
 * the plan creates the new people, gives the program's UTA role to those on the list who lack it,
 * and, when the roster is to be exactly the list, takes it from the holders not on it. Program
 * roles of people the plan creates follow in a second plan, once they exist (read the list again
 * after the apply): SmartSimple gives a new contact's id only when it is created.
 */
import type { RosterPreview, RosterRowInput, RosterRowView, TemplatePlanResult } from '../../../src-preload/contract';
import { notFound, validation } from '../../errors/app-error';
import { inlineMatching } from '../../onboarding/matching/matcher';
import { recordResolution } from '../../onboarding/proposal';
import type { TemplatesDeps } from './deps';
import { readRoster } from './roster-read';
import { organizationIdsByName, peopleByIds, programRoleHolders, type TemplatePerson } from './store';
import { planTemplate, type SuggestionDecision, type TemplateStep } from './template-plan';

const nameOf = (p: Pick<TemplatePerson, 'firstName' | 'lastName'>) => `${p.firstName} ${p.lastName}`.trim();

export function programAndRole(deps: TemplatesDeps, instanceId: string, programId: number, roleId: number) {
  const program = deps.mirror.listPrograms(instanceId).find((p) => p.id === programId && !p.removed);
  if (!program) throw notFound(`Program ${programId}`);
  const role = deps.mirror.listRoles(instanceId).find((r) => r.id === roleId && !r.removed);
  if (!role) throw notFound(`Role ${roleId}`);
  if (!role.utaOnly)
    throw validation(`${role.name} is a profile role: a roster gives a program (UTA) role, such as Reviewer.`);
  return { program: { id: program.id, name: program.name }, role: { id: role.id, name: role.name } };
}

export async function previewRoster(
  deps: TemplatesDeps,
  input: {
    instanceId: string;
    programId: number;
    roleId: number;
    source: { name: string; text?: string | undefined; base64?: string | undefined };
  },
): Promise<RosterPreview> {
  const { instanceId } = input;
  const { program, role } = programAndRole(deps, instanceId, input.programId, input.roleId);
  const { rows, ignored } = await readRoster(input.source);
  if (rows.length === 0) throw validation('The list has no rows.');
  const holders = programRoleHolders(deps.db, instanceId, program.id, role.id);
  const holding = new Set(holders.map((h) => h.id));
  const matching = (deps.matching ?? inlineMatching())(deps, instanceId);
  const views: RosterRowView[] = [];
  for (const r of rows) {
    const base = {
      line: r.line,
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      organization: r.organization,
    };
    if (r.error) {
      views.push({
        ...base,
        outcome: 'error',
        error: r.error,
        personId: null,
        explanation: r.error,
        candidates: [],
        holds: false,
        suggestionId: null,
      });
      continue;
    }
    const fields = {
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      ...(r.organization ? { organization: r.organization } : {}),
      ...(r.title ? { title: r.title } : {}),
    };
    const resolved = await matching.resolve(fields);
    const recorded = await recordResolution(deps, instanceId, fields, resolved);
    views.push({
      ...base,
      outcome: resolved.outcome === 'possible' ? 'review' : resolved.outcome,
      error: null,
      personId: resolved.personId,
      explanation: resolved.explanation,
      candidates: resolved.candidates.map((c) => ({
        personId: c.personId,
        name: c.name,
        email: c.email,
        organization: c.organization,
        score: c.score,
        reasons: c.reasons,
      })),
      holds: resolved.personId !== null && holding.has(resolved.personId),
      suggestionId: recorded.suggestionId,
    });
  }
  const counts = { same: 0, review: 0, new: 0, error: 0 };
  for (const v of views) counts[v.outcome]++;
  return {
    program,
    role,
    rows: views,
    holders: holders.map((h) => ({ personId: h.id, name: nameOf(h), email: h.email })),
    counts,
    ignoredColumns: ignored,
  };
}

export interface RosterPlanInput {
  instanceId: string;
  programId: number;
  roleId: number;
  rows: (RosterRowInput & { picked?: boolean | undefined })[];
  exact: boolean;
  organizationId?: number | undefined;
  title?: string | undefined;
}

export function planRoster(deps: TemplatesDeps, input: RosterPlanInput): TemplatePlanResult {
  const { instanceId } = input;
  const { program, role } = programAndRole(deps, instanceId, input.programId, input.roleId);
  checkRows(deps, input);
  const holders = programRoleHolders(deps.db, instanceId, program.id, role.id);
  const holding = new Set(holders.map((h) => h.id));
  const steps: TemplateStep[] = [];
  const decisions: SuggestionDecision[] = [];
  const on = `${role.name} on ${program.name}`;
  let created = 0;
  for (const row of input.rows) {
    const step = `Roster line ${row.line}`;
    const ai = row.suggestionId ? { source: 'ai' as const, aiSuggestionId: row.suggestionId } : {};
    const decide = (i: number) =>
      row.suggestionId &&
      decisions.push({ suggestionId: row.suggestionId, decision: row.picked ? 'edited' : 'accepted', steps: [i] });
    if (row.personId === null) {
      const organizationId = row.organizationId ?? input.organizationId;
      const fields = {
        'sf_First Name': row.firstName,
        'sf_Last Name': row.lastName,
        sf_Email: row.email,
        'sf_Company ID': String(organizationId),
      };
      decide(steps.length);
      steps.push({
        input: { kind: 'create_person', fields, roleIds: [], ...ai },
        step,
        reason: `${row.firstName} ${row.lastName} <${row.email}> is on the list and not in the instance: created, then given ${on} once they exist.`,
      });
      created++;
    } else if (!holding.has(row.personId)) {
      decide(steps.length);
      steps.push({
        input: { kind: 'add_assignment', personId: row.personId, programId: program.id, roleId: role.id, ...ai },
        step,
        reason: `On the roster list (line ${row.line}): given ${on}.`,
      });
    }
  }
  if (input.exact) {
    const listed = new Set(input.rows.map((r) => r.personId).filter((x): x is number => x !== null));
    for (const h of holders.filter((x) => !listed.has(x.id)))
      steps.push({
        input: { kind: 'remove_assignment', personId: h.id, programId: program.id, roleId: role.id },
        step: 'Exact roster',
        reason: `${nameOf(h)} holds ${on} and is not on the list: the roster is made exactly the list.`,
      });
  }
  if (steps.length === 0) throw validation(`Nothing to change: the roster of ${on} already is this list.`);
  return planTemplate(deps, {
    instanceId,
    template: 'roster',
    title: input.title ?? `Roster: ${role.name}s of ${program.name}`,
    description: `Program roster of ${on} from a list of ${input.rows.length} people${input.exact ? ', made exactly the list' : ''}.`,
    steps,
    decisions,
    followUp: created
      ? `${created} ${created === 1 ? 'person is' : 'people are'} created by this plan: once it is applied, read the same list again to give them ${on} (a second plan).`
      : null,
  });
}

/** Every row is checked before anything is written: an unknown person, a repeated e-mail, a new person without an organization. */
function checkRows(deps: TemplatesDeps, input: RosterPlanInput): void {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const ids = input.rows.map((r) => r.personId).filter((x): x is number => x !== null);
  const live = new Set(peopleByIds(deps.db, input.instanceId, ids).map((p) => p.id));
  const orgs = new Set(organizationIdsByName(deps.db, input.instanceId).values());
  for (const r of input.rows) {
    const email = r.email.toLowerCase();
    if (seen.has(email)) problems.push(`Line ${r.line}: the same e-mail as line ${seen.get(email)}.`);
    seen.set(email, r.line);
    if (r.personId !== null && !live.has(r.personId))
      problems.push(`Line ${r.line}: person ${r.personId} is not in the mirror.`);
    const org = r.organizationId ?? input.organizationId;
    if (r.personId === null && (org === undefined || !orgs.has(org)))
      problems.push(`Line ${r.line}: ${r.firstName} ${r.lastName} is new: choose the organization new people go in.`);
  }
  if (problems.length)
    throw validation(
      problems.slice(0, 5).join(' ') + (problems.length > 5 ? ` (${problems.length} problems in all)` : ''),
      { problems },
    );
}
