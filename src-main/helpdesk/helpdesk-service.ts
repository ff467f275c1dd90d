/**
 * The help desk as a service: "why can't this person see that?" answered from the mirror (the
 * access troubleshooter, each outcome recorded), its fixes and the one-click resets as plans
 * through the normal builders and approval, the ticket draft for what Admin Desk cannot fix, and
 * the knowledge base (the guide and the past resolutions) searched with citations, with an answer
 * written from the passages only.
 */
import type { DB } from '../db/open';
import { AppError, conflict, notFound } from '../errors/app-error';
import type { AiService } from '../ai/ai-service';
import type { InstancesService } from '../instances/instances-service';
import type {
  HelpAnswer,
  HelpSearchResult,
  HelpdeskDiagnosis,
  HelpdeskOutcomeRow,
  HelpdeskPlanMade,
  HelpdeskReset,
  HelpdeskTargetInput,
  HelpdeskTicket,
} from '../../src-preload/contract';
import { DEFAULT_EXPIRY_DAYS } from '../../src-preload/contract';
import { personName, runChecks, summarize } from './checks';
import { fixDescription, fixInputs, makePlan, RESET_TITLES, resetInput, type ResetKind } from './fix-plans';
import { createKnowledgeBase, type KnowledgeBase, type ResolvedFinding } from './kb/knowledge-base';
import { defaultGuideDir } from './kb/guide';
import {
  earlierOutcomes,
  getOutcome,
  insertOutcome,
  listOutcomes,
  type OutcomeRecord,
  setOutcomePlan,
} from './outcome-store';
import { loadSubject, resolvePerson } from './subject';
import { getSubjectOrganization, getSubjectPerson, lastSyncedAt } from './subject-store';
import { draftTicket } from './ticket';
import type { SubjectPerson } from './types';
import type { OperationInput } from '../plans/types';

export interface HelpdeskServiceDeps {
  db: DB;
  instances: Pick<InstancesService, 'get'>;
  ai: Pick<AiService, 'answerQuestion'>;
  /** The administrator recorded on this computer for an instance (plans are built under it). */
  administrator(instanceId: string): string;
  /** Where the guide's pages are (default: resources/help). */
  guideDir?: string;
  now?: () => Date;
}

export interface DiagnoseInput {
  instanceId: string;
  /** An id, an e-mail or a name. */
  person: number | string;
  target: HelpdeskTargetInput;
  expiryDays?: number | undefined;
}

export interface HelpdeskService {
  diagnose(input: DiagnoseInput): HelpdeskDiagnosis;
  outcome(instanceId: string, outcomeId: number): HelpdeskDiagnosis;
  history(instanceId: string, personId?: number, limit?: number): HelpdeskOutcomeRow[];
  createFixPlan(instanceId: string, outcomeId: number, expiryDays?: number): HelpdeskPlanMade;
  reset(instanceId: string, personId: number, kind: ResetKind, days?: number): HelpdeskPlanMade;
  ticket(instanceId: string, outcomeId: number): HelpdeskTicket;
  search(instanceId: string, query: string, limit?: number): HelpSearchResult;
  answer(instanceId: string, question: string): Promise<HelpAnswer>;
  /**
   * A dismissed or remediated finding, with its reason, as a past resolution the search finds. For
   * the findings capability to call when a finding is closed (it is not on main yet).
   */
  indexFinding(finding: ResolvedFinding): void;
  /** Indexes the guide when its text changed (also done before the first search). */
  indexGuide(): { passages: number; reindexed: boolean };
}

const OPEN_PLAN_STATES = new Set(['draft', 'in_review', 'approved', 'applying']);

export function createHelpdeskService(deps: HelpdeskServiceDeps): HelpdeskService {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const known = (instanceId: string) => deps.instances.get(instanceId).id;
  const kb = createKnowledgeBase({ db, guideDir: deps.guideDir ?? defaultGuideDir(), now });
  let guideChecked = false;
  const ensureGuide = () => {
    if (guideChecked) return;
    kb.ensureGuide();
    guideChecked = true;
  };
  const outcomeOf = (instanceId: string, outcomeId: number) => {
    const o = getOutcome(db, outcomeId);
    if (!o || o.instanceId !== known(instanceId)) throw notFound(`Troubleshooter outcome ${outcomeId}`);
    return o;
  };

  return {
    diagnose: (input) => diagnose(deps, kb, { ...input, instanceId: known(input.instanceId) }, now()),
    outcome: (instanceId, outcomeId) => toDiagnosis(db, outcomeOf(instanceId, outcomeId), now()),
    history: (instanceId, personId, limit = 50) =>
      listOutcomes(db, known(instanceId), { personId, limit }).map(toHistoryRow),
    createFixPlan: (instanceId, outcomeId, expiryDays) =>
      createFixPlan(
        deps,
        kb,
        outcomeOf(instanceId, outcomeId),
        expiryDays ? { now: now(), days: expiryDays } : undefined,
      ),
    reset(instanceId, personId, kind, days = DEFAULT_EXPIRY_DAYS) {
      const id = known(instanceId);
      const person = getSubjectPerson(db, id, personId);
      if (!person) throw notFound(`Person ${personId} in the mirror`);
      return makeReset(deps, id, person, kind, resetInput(person, kind, now(), days));
    },
    ticket(instanceId, outcomeId) {
      const o = outcomeOf(instanceId, outcomeId);
      const person = getSubjectPerson(db, o.instanceId, o.personId);
      const organization =
        person?.companyId != null ? (getSubjectOrganization(db, o.instanceId, person.companyId)?.name ?? null) : null;
      return draftTicket(
        o,
        { email: person?.email ?? '', organization, isExternal: person?.isExternal ?? false },
        earlierOutcomes(db, o, 10),
      );
    },
    search(instanceId, query, limit) {
      ensureGuide();
      const { hits: _hits, ...result } = kb.search(known(instanceId), query, limit);
      return result;
    },
    answer: (instanceId, question) => {
      ensureGuide();
      return answer(deps, kb, known(instanceId), question);
    },
    indexFinding: (finding) => {
      known(finding.instanceId);
      kb.indexFinding(finding);
    },
    indexGuide: () => {
      guideChecked = true;
      return kb.ensureGuide();
    },
  };
}

const toHistoryRow = (o: OutcomeRecord): HelpdeskOutcomeRow => ({
  id: o.id,
  personId: o.personId,
  personName: o.personName,
  target: { kind: o.targetKind, id: o.targetId, name: o.targetName },
  failed: o.failed,
  summary: summarize(o, o.checks),
  plan: o.plan && { id: o.plan.id, title: o.plan.title, state: o.plan.state },
  checkedAt: o.createdAt,
});

/** A draft plan with every fix of the outcome, linked to it (one open fix plan per outcome). */
function createFixPlan(
  deps: HelpdeskServiceDeps,
  kb: KnowledgeBase,
  o: OutcomeRecord,
  expiry: { now: Date; days: number } | undefined,
): HelpdeskPlanMade {
  const { db } = deps;
  if (o.plan && OPEN_PLAN_STATES.has(o.plan.state))
    throw conflict(
      `A fix plan was already made from this check: "${o.plan.title}" (${o.plan.state.replace('_', ' ')}).`,
    );
  const operations = fixInputs(o.checks, expiry);
  return db.transaction(() => {
    const made = makePlan(db, {
      instanceId: o.instanceId,
      actor: deps.administrator(o.instanceId),
      title: `Help desk: ${o.personName} and ${o.targetName}`,
      description: fixDescription(o),
      operations,
    });
    setOutcomePlan(db, o.id, made.plan.id);
    kb.indexOutcome(getOutcome(db, o.id)!);
    return made;
  })();
}

function makeReset(
  deps: HelpdeskServiceDeps,
  instanceId: string,
  person: SubjectPerson,
  kind: ResetKind,
  input: OperationInput,
): HelpdeskPlanMade {
  const title = kind === 'reset_password' ? 'Reset the password of' : RESET_TITLES[kind];
  return makePlan(deps.db, {
    instanceId,
    actor: deps.administrator(instanceId),
    title: `${title} ${personName(person)}`,
    description: `Help desk reset (${kind.replace('_', ' ')}) for ${personName(person)}.`,
    operations: [input],
  });
}

function diagnose(deps: HelpdeskServiceDeps, kb: KnowledgeBase, input: DiagnoseInput, at: Date): HelpdeskDiagnosis {
  const { db } = deps;
  const person = resolvePerson(db, input.instanceId, input.person);
  const expiryDays = input.expiryDays ?? DEFAULT_EXPIRY_DAYS;
  const subject = loadSubject(db, input.instanceId, person, input.target, { now: at, expiryDays });
  const checks = runChecks(subject);
  const target = subject.target;
  const record: Omit<OutcomeRecord, 'id' | 'plan'> = {
    instanceId: input.instanceId,
    personId: person.id,
    personName: personName(person),
    targetKind: target.kind,
    targetId: target.kind === 'program' ? target.program.id : target.kind === 'role' ? target.role.id : null,
    targetName:
      target.kind === 'program' ? target.program.name : target.kind === 'role' ? target.role.name : 'the portal',
    checks,
    failed: checks.filter((c) => c.result === 'fail').map((c) => c.id),
    syncedAt: lastSyncedAt(db, input.instanceId),
    createdAt: at.toISOString(),
  };
  const stored = db.transaction(() => {
    const id = insertOutcome(db, record);
    const outcome = getOutcome(db, id)!;
    kb.indexOutcome(outcome);
    return outcome;
  })();
  return toDiagnosis(db, stored, at, expiryDays);
}

function toDiagnosis(db: DB, o: OutcomeRecord, at: Date, expiryDays = DEFAULT_EXPIRY_DAYS): HelpdeskDiagnosis {
  const person = getSubjectPerson(db, o.instanceId, o.personId);
  const organization =
    person?.companyId != null ? (getSubjectOrganization(db, o.instanceId, person.companyId)?.name ?? null) : null;
  return {
    outcomeId: o.id,
    instanceId: o.instanceId,
    person: {
      id: o.personId,
      name: o.personName,
      email: person?.email ?? '',
      isExternal: person?.isExternal ?? false,
      organization,
      removed: person?.removedAt != null,
    },
    target: { kind: o.targetKind, id: o.targetId, name: o.targetName },
    checks: o.checks.map((c) => ({ ...c, operations: c.operations.map((op) => op.description) })),
    failed: o.failed,
    summary: summarize(o, o.checks),
    fixOperations:
      fixInputs(o.checks).length > 0 ? o.checks.flatMap((c) => c.operations.map((op) => op.description)) : [],
    resets: person ? resetsFor(person, at, expiryDays) : [],
    syncedAt: o.syncedAt,
    checkedAt: o.createdAt,
    plan: o.plan && { id: o.plan.id, title: o.plan.title, state: o.plan.state },
  };
}

/** Each reset as it would be planned now, or why it cannot be. */
function resetsFor(person: SubjectPerson, at: Date, days: number): HelpdeskReset[] {
  const labels: Record<ResetKind, string> = {
    reactivate: 'Reactivate',
    extend_expiry: `Extend expiry by ${days} days`,
    reset_password: 'Reset password',
  };
  return (['reactivate', 'extend_expiry', 'reset_password'] as const).map((kind) => {
    try {
      const input = resetInput(person, kind, at, days);
      const changes =
        input.kind === 'set_access'
          ? [
              input.accessType ? 'User access' : null,
              input.status ? 'status Active' : null,
              input.expiresOn ? `access expiry ${input.expiresOn}` : null,
            ].filter(Boolean)
          : [];
      return { kind, label: labels[kind], available: true, description: `A plan that sets ${changes.join(', ')}.` };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return { kind, label: labels[kind], available: false, description: e.message };
    }
  });
}

async function answer(
  deps: HelpdeskServiceDeps,
  kb: KnowledgeBase,
  instanceId: string,
  question: string,
): Promise<HelpAnswer> {
  const found = kb.search(instanceId, question, 5);
  const base = { question, passages: found.passages };
  // Nothing relevant: "I don't know", and nothing is sent anywhere.
  if (!found.relevant)
    return {
      ...base,
      sentences: [],
      unknown: true,
      engine: null,
      model: null,
      fallbackReason: null,
      suggestionId: null,
    };
  const answered = await deps.ai.answerQuestion(
    {
      question,
      passages: found.hits.map((h, i) => ({ label: `P${i + 1}`, title: h.title, text: h.body.slice(0, 4000) })),
      names: [...new Set(found.hits.flatMap((h) => h.names))].slice(0, 200),
    },
    { instanceId },
  );
  const { sentences, unknown } = answered.output;
  return {
    ...base,
    sentences: unknown
      ? []
      : sentences.map((s) => ({ text: s.text, citations: [...new Set(s.citations.map((c) => Number(c.slice(1))))] })),
    unknown,
    engine: answered.engine,
    model: answered.model,
    fallbackReason: answered.fallbackReason,
    suggestionId: answered.suggestionId,
  };
}
