/**
 * The knowledge base: the guide and each instance's past resolutions (troubleshooter outcomes,
 * applied plans with their descriptions) as passages in one FTS5 index, searched from one box.
 * The guide is indexed again when its text changes; outcomes are indexed as they are recorded;
 * applied plans when a search finds the instance's applied plans changed since the last look.
 *
 * Relevance: a result counts only when one of the best passages holds enough of the question's
 * meaningful words (two, or the only one there is; words every page uses do not count). A
 * question about something the guide and the resolutions do not cover gets "not relevant", and
 * the answer "I don't know".
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
  passagesMatching,
  planPeopleNames,
  plansWithoutPassage,
  replaceGuide,
  scorePassages,
  searchPassages,
  upsertPassage,
} from './passage-store';
import { buildHelpQuery } from './query';

/** How many of the best passages relevance looks at. */
const RELEVANCE_DEPTH = 3;
const PLAN_OPERATIONS_SHOWN = 12;

export interface KnowledgeBase {
  /** Indexes the guide when it changed since the last time (or was never indexed). */
  ensureGuide(): { passages: number; reindexed: boolean };
  /** The outcome as a passage (again, when its plan changed). */
  indexOutcome(outcome: OutcomeRecord): void;
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
    search(instanceId, text, limit = 5) {
      const started = performance.now();
      refreshPlans(instanceId);
      const query = buildHelpQuery(text);
      const hits = rank(db, instanceId, query, limit);
      const relevant = isRelevant(db, query.groups, hits);
      const passages = hits.map((h, i): HelpPassage => ({
        n: i + 1,
        source: h.source,
        ref: h.ref,
        title: h.title,
        body: h.body,
        snippet: h.snippet,
        at: h.at,
        score: h.score,
      }));
      return { query: text, passages, relevant, hits, ms: Math.round((performance.now() - started) * 100) / 100 };
    },
  };
}

/** How much a match through an alternative word counts against the word as typed. */
const ALTERNATIVE_WEIGHT = 0.5;

/**
 * The best passages: BM25 of the words as typed, plus half the BM25 of the query with their
 * alternatives, so a passage in the question's own words ranks above one that only shares a
 * synonym.
 */
function rank(db: DB, instanceId: string, query: ReturnType<typeof buildHelpQuery>, limit: number): PassageHit[] {
  const pool = Math.max(50, limit * 10);
  const expanded = searchPassages(db, instanceId, query.match, pool);
  const typed = query.typed === query.match ? null : scorePassages(db, instanceId, query.typed, pool);
  const coverage = coverageOf(
    db,
    query.groups,
    expanded.map((h) => h.id),
  );
  return expanded
    .map((h) => {
      const bm25 = typed ? (typed.get(h.id) ?? 0) + ALTERNATIVE_WEIGHT * h.score : h.score;
      return { ...h, score: Math.round(bm25 * (coverage.get(h.id) ?? 0) * 1000) / 1000 };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/**
 * The share of the question's words (with their alternatives) each passage holds: a passage that
 * speaks of every part of the question beats one that repeats a single word of it.
 */
function coverageOf(db: DB, groups: ReturnType<typeof buildHelpQuery>['groups'], ids: readonly number[]) {
  const matched = new Map<number, number>();
  for (const group of groups)
    for (const id of passagesMatching(db, group.match, ids)) matched.set(id, (matched.get(id) ?? 0) + 1);
  return new Map([...matched].map(([id, n]) => [id, Math.sqrt(n / Math.max(1, groups.length))]));
}

function isRelevant(db: DB, groups: ReturnType<typeof buildHelpQuery>['groups'], hits: readonly PassageHit[]) {
  if (hits.length === 0) return false;
  const counted = groups.some((g) => !g.generic) ? groups.filter((g) => !g.generic) : groups;
  const needed = Math.min(2, counted.length);
  const top = hits.slice(0, RELEVANCE_DEPTH).map((h) => h.id);
  const matched = new Map<number, number>();
  for (const group of counted)
    for (const id of passagesMatching(db, group.match, top)) matched.set(id, (matched.get(id) ?? 0) + 1);
  return [...matched.values()].some((n) => n >= needed);
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
