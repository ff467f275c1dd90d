/**
 * The knowledge base: the guide and each instance's past resolutions (troubleshooter outcomes,
 * applied plans with their descriptions), each in its own FTS5 index, searched from one box: the
 * guide's best sections first, then the past resolutions that share the question's specific words.
 * The guide is indexed again when its text changes; outcomes as they are recorded; applied plans
 * when a search finds the instance's applied plans changed since the last look.
 *
 * Relevance: a result counts only when one of the best passages holds enough of the question's
 * meaningful words (ranking.ts). A question the guide and the resolutions do not cover is "not
 * relevant", and its answer "I don't know".
 */
import type { DB } from '../../db/open';
import { getPlan } from '../../plans';
import type { HelpPassage, HelpSearchResult } from '../../../src-preload/contract';
import type { OutcomeRecord } from '../outcome-store';
import { loadGuide } from './guide';
import {
  appliedPlansFingerprint,
  guideDigest,
  type PassageHit,
  planPeopleNames,
  plansWithoutPassage,
  replaceGuide,
  upsertPassage,
} from './passage-store';
import { buildHelpQuery } from './query';
import { distinctStems, isRelevant, rank, type Ranked, resolutionsQuery, snippetOf } from './ranking';

/** What the findings capability hands over when a finding is closed (src-main/investigate). */
export interface ResolvedFinding {
  id: string | number;
  instanceId: string;
  title: string;
  summary: string;
  decision: 'dismissed' | 'remediated';
  reason: string | null;
  /** People the finding names (pseudonymized before an LLM sees the passage). */
  people: string[];
  decidedAt: string;
}

/** Past resolutions shown after the guide's sections. */
const RESOLUTIONS_SHOWN = 3;
const PLAN_OPERATIONS_SHOWN = 12;

export interface KnowledgeBase {
  /** Indexes the guide when it changed since the last time (or was never indexed). */
  ensureGuide(): { passages: number; reindexed: boolean };
  /** The outcome as a passage (again, when its plan changed). */
  indexOutcome(outcome: OutcomeRecord): void;
  /** A dismissed or remediated finding with its reason, as a past resolution of its instance. */
  indexFinding(finding: ResolvedFinding): void;
  search(instanceId: string, query: string, limit?: number): HelpSearchResult & { hits: PassageHit[] };
}

export function createKnowledgeBase(deps: { db: DB; guideDir: string; now?: () => Date }): KnowledgeBase {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const planFingerprints = new Map<string, string>();

  const refreshPlans = (instanceId: string) => {
    const fingerprint = appliedPlansFingerprint(db, instanceId);
    if (planFingerprints.get(instanceId) === fingerprint) return;
    db.transaction(() => {
      for (const plan of plansWithoutPassage(db, instanceId)) indexPlan(db, instanceId, plan);
    })();
    planFingerprints.set(instanceId, fingerprint);
  };

  return {
    ensureGuide() {
      const guide = loadGuide(deps.guideDir);
      if (guideDigest(db) === guide.digest) return { passages: guide.passages.length, reindexed: false };
      replaceGuide(db, guide.passages, guide.digest, now().toISOString());
      return { passages: guide.passages.length, reindexed: true };
    },
    indexOutcome: (outcome) => upsertPassage(db, outcomePassage(outcome)),
    indexFinding: (f) =>
      upsertPassage(db, {
        instanceId: f.instanceId,
        source: 'finding',
        ref: `finding:${f.id}`,
        title: `Finding ${f.decision}: ${f.title}`,
        body: `${f.summary.trim()} ${f.decision === 'dismissed' ? 'Dismissed' : 'Remediated'}${f.reason ? `: ${f.reason.trim()}` : '.'}`,
        names: f.people,
        at: f.decidedAt,
      }),
    search(instanceId, text, limit = 5) {
      const started = performance.now();
      refreshPlans(instanceId);
      const query = distinctStems(db, buildHelpQuery(text));
      const guide = rank(db, 'guide', instanceId, query, limit);
      const specific = resolutionsQuery(db, query);
      const resolutions = specific ? rank(db, 'resolutions', instanceId, specific, RESOLUTIONS_SHOWN) : [];
      const cases = specific && isRelevant(specific.groups, resolutions) ? resolutions : [];
      const hits: Ranked[] = [...guide, ...cases];
      const passages = hits.map((h, i): HelpPassage => ({
        n: i + 1,
        source: h.source,
        ref: h.ref,
        title: h.title,
        body: h.body,
        snippet: snippetOf(h),
        at: h.at,
        score: h.score,
      }));
      const relevant = isRelevant(query.groups, guide) || cases.length > 0;
      return { query: text, passages, relevant, hits, ms: Math.round((performance.now() - started) * 100) / 100 };
    },
  };
}

/** An outcome in words: who, against what, what failed and what was advised, and the fix plan. */
export function outcomePassage(o: OutcomeRecord) {
  const failed = o.checks.filter((c) => c.result === 'fail');
  const findings = failed.map((c) => `${c.label}: ${c.finding}${c.advice ? ` Advice: ${c.advice}` : ''}`);
  const plan = o.plan ? ` Fix plan "${o.plan.title}" (${o.plan.state.replace('_', ' ')}).` : '';
  return {
    instanceId: o.instanceId,
    source: 'outcome' as const,
    ref: `outcome:${o.id}`,
    title: `Troubleshooter: ${o.personName} and ${o.targetName}`,
    body:
      failed.length === 0
        ? `Every check passed for ${o.personName} and ${o.targetName}.${plan}`
        : `${o.personName} and ${o.targetName}: ${findings.join(' ')}${plan}`,
    names: [o.personName],
    at: o.createdAt,
  };
}

function indexPlan(
  db: DB,
  instanceId: string,
  plan: { id: string; title: string; description: string; state: string; finishedAt: string | null },
): void {
  const people = new Map(planPeopleNames(db, plan.id, 1000).map((p) => [p.id, p.name]));
  const operations = getPlan(db, plan.id).operations;
  const lines = operations
    .slice(0, PLAN_OPERATIONS_SHOWN)
    .map(
      (o) => `${o.summary}${o.personId !== null && people.has(o.personId) ? ` for ${people.get(o.personId)}` : ''}.`,
    );
  const more =
    operations.length > PLAN_OPERATIONS_SHOWN ? ` And ${operations.length - PLAN_OPERATIONS_SHOWN} more.` : '';
  upsertPassage(db, {
    instanceId,
    source: 'plan',
    ref: `plan:${plan.id}`,
    title: `Plan: ${plan.title}`,
    body: `${plan.description ? `${plan.description.trim()} ` : ''}${plan.state === 'applied' ? 'Applied' : 'Partly applied'}: ${lines.join(' ')}${more}`,
    names: [...new Set(people.values())].filter(Boolean),
    at: plan.finishedAt,
  });
}
