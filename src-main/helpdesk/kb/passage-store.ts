/**
 * The knowledge base's passages and their FTS5 index (migration 13): the guide's sections (no
 * instance) and each instance's past resolutions. Search ranks with BM25, the title weighing
 * twice the body, and returns a snippet with the matched words marked.
 */
import type { DB } from '../../db/open';
import type { HelpSource } from '../../../src-preload/contract';
import type { GuidePassage } from './guide';

export interface PassageInput {
  instanceId: string | null;
  source: HelpSource;
  ref: string;
  title: string;
  body: string;
  /** People the passage names (declared to the pseudonymizer before an LLM sees it). */
  names: string[];
  at: string | null;
}

export interface PassageHit {
  id: number;
  source: HelpSource;
  ref: string;
  title: string;
  body: string;
  names: string[];
  at: string | null;
  /** Title and body with every matched word between MARK_OPEN and MARK_CLOSE. */
  markedTitle: string;
  markedBody: string;
  score: number;
}

/** Marks around matched words in snippets (the renderer shows them bold). */
export const MARK_OPEN = '«';
export const MARK_CLOSE = '»';

export function guideDigest(db: DB): string | null {
  return (db.prepare('SELECT digest FROM help_guide_state WHERE id = 1').pluck().get() as string | undefined) ?? null;
}

/** Replaces the guide's passages with these, and remembers the digest. One transaction. */
export function replaceGuide(db: DB, passages: readonly GuidePassage[], digest: string, at: string): void {
  db.transaction(() => {
    db.prepare("DELETE FROM help_passages WHERE source = 'guide'").run();
    const insert = db.prepare(
      "INSERT INTO help_passages (instance_id, source, ref, title, body, names, at) VALUES (NULL, 'guide', ?, ?, ?, '[]', NULL)",
    );
    for (const p of passages) insert.run(p.ref, p.title, p.body);
    db.prepare(
      'INSERT INTO help_guide_state (id, digest, indexed_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET digest = excluded.digest, indexed_at = excluded.indexed_at',
    ).run(digest, at);
  })();
}

/** Adds a passage, or replaces the one with the same source and ref. */
export function upsertPassage(db: DB, p: PassageInput): void {
  db.prepare(
    `INSERT INTO help_passages (instance_id, source, ref, title, body, names, at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (source, ref) DO UPDATE SET title = excluded.title, body = excluded.body, names = excluded.names, at = excluded.at`,
  ).run(p.instanceId, p.source, p.ref, p.title, p.body, JSON.stringify(p.names), p.at);
}

interface HitRow {
  id: number;
  source: HelpSource;
  ref: string;
  title: string;
  body: string;
  names: string;
  at: string | null;
  marked_title: string;
  marked_body: string;
  rank: number;
}

/** The guide's index, or the past resolutions' (each with its own BM25 statistics). */
export type HelpIndex = 'guide' | 'resolutions';
const TABLE: Record<HelpIndex, string> = { guide: 'help_guide_fts', resolutions: 'help_resolutions_fts' };

/**
 * The best passages of an index for a MATCH expression, best first: the guide's, or the
 * instance's own resolutions. Ranked inside FTS5 (`ORDER BY rank`, BM25 with the title weighing
 * twice the body), so the marked text is made only for the rows returned.
 */
export function searchPassages(
  db: DB,
  index: HelpIndex,
  instanceId: string,
  match: string,
  limit: number,
): PassageHit[] {
  if (!match) return [];
  const fts = TABLE[index];
  const rows = db
    .prepare(
      `SELECT p.id, p.source, p.ref, p.title, p.body, p.names, p.at,
         highlight(${fts}, 0, '${MARK_OPEN}', '${MARK_CLOSE}') AS marked_title,
         highlight(${fts}, 1, '${MARK_OPEN}', '${MARK_CLOSE}') AS marked_body,
         ${fts}.rank AS rank
       FROM ${fts} JOIN help_passages p ON p.id = ${fts}.rowid
       WHERE ${fts} MATCH ? AND ${index === 'guide' ? 'p.instance_id IS NULL AND ? IS NOT NULL' : 'p.instance_id = ?'}
       ORDER BY rank LIMIT ?`,
    )
    .all(match, instanceId, limit) as HitRow[];
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    ref: r.ref,
    title: r.title,
    body: r.body,
    names: JSON.parse(r.names) as string[],
    at: r.at,
    markedTitle: r.marked_title,
    markedBody: r.marked_body,
    score: Math.round(-r.rank * 1000) / 1000,
  }));
}

/** BM25 scores (higher is better) of the best passages of an index for a MATCH expression, by id. */
export function scorePassages(
  db: DB,
  index: HelpIndex,
  instanceId: string,
  match: string,
  limit: number,
): Map<number, number> {
  if (!match) return new Map();
  const fts = TABLE[index];
  const rows = db
    .prepare(
      `SELECT p.id, ${fts}.rank AS rank FROM ${fts} JOIN help_passages p ON p.id = ${fts}.rowid
       WHERE ${fts} MATCH ? AND ${index === 'guide' ? 'p.instance_id IS NULL AND ? IS NOT NULL' : 'p.instance_id = ?'}
       ORDER BY rank LIMIT ?`,
    )
    .all(match, instanceId, limit) as { id: number; rank: number }[];
  return new Map(rows.map((r) => [r.id, -r.rank]));
}

/**
 * The index's own stems of words (FTS5's porter tokenizer, through a scratch table of this
 * connection): what the vocabulary is keyed by. A hyphenated word gives several.
 */
export function stemsOf(db: DB, words: readonly string[]): string[][] {
  db.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.help_stem USING fts5(t, tokenize = 'porter unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.help_stem_vocab USING fts5vocab(temp, help_stem, 'instance');
  `);
  const insert = db.prepare('INSERT INTO temp.help_stem (rowid, t) VALUES (?, ?)');
  const out: string[][] = words.map(() => []);
  db.transaction(() => {
    db.prepare('DELETE FROM temp.help_stem').run();
    words.forEach((w, i) => insert.run(i + 1, w));
    const rows = db.prepare('SELECT doc, term FROM temp.help_stem_vocab ORDER BY doc, offset').all() as {
      doc: number;
      term: string;
    }[];
    for (const r of rows) out[r.doc - 1]?.push(r.term);
  })();
  return out;
}

/** How many resolutions (all instances: BM25 counts them all) hold each stem. */
export function resolutionFrequencies(db: DB, stems: readonly string[]): Map<string, number> {
  if (stems.length === 0) return new Map();
  const rows = db
    .prepare('SELECT term, doc FROM help_resolutions_vocab WHERE term IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...new Set(stems)])) as { term: string; doc: number }[];
  return new Map(rows.map((r) => [r.term, r.doc]));
}

export function resolutionTotal(db: DB): number {
  // Both counts walk an index (the second the guide's rows only): cheaper than a filtered scan.
  const all = db.prepare('SELECT count(*) FROM help_passages').pluck().get() as number;
  const guide = db.prepare('SELECT count(*) FROM help_passages WHERE instance_id IS NULL').pluck().get() as number;
  return all - guide;
}

/** Applied plans of the instance that have no passage yet (past resolutions to index). */
export function plansWithoutPassage(
  db: DB,
  instanceId: string,
): { id: string; title: string; description: string; state: string; finishedAt: string | null }[] {
  return db
    .prepare(
      `SELECT id, title, description, state, apply_finished_at AS finishedAt FROM plans
       WHERE instance_id = ? AND state IN ('applied', 'partially_applied')
         AND NOT EXISTS (SELECT 1 FROM help_passages h WHERE h.source = 'plan' AND h.ref = 'plan:' || plans.id)`,
    )
    .all(instanceId) as { id: string; title: string; description: string; state: string; finishedAt: string | null }[];
}

/** A cheap fingerprint of the instance's applied plans: when it moves, plans are indexed again. */
export function appliedPlansFingerprint(db: DB, instanceId: string): string {
  const row = db
    .prepare(
      `SELECT count(*) AS n, max(updated_at) AS last FROM plans
       WHERE instance_id = ? AND state IN ('applied', 'partially_applied')`,
    )
    .get(instanceId) as { n: number; last: string | null };
  return `${row.n}:${row.last ?? ''}`;
}

/** The people the operations of a plan touch, by name (first few): for a plan's passage. */
export function planPeopleNames(db: DB, planId: string, limit: number): { id: number; name: string }[] {
  return db
    .prepare(
      `SELECT DISTINCT o.person_id AS id, trim(p.first_name || ' ' || p.last_name) AS name
       FROM plan_operations o JOIN plans pl ON pl.id = o.plan_id
       JOIN mirror_people p ON p.instance_id = pl.instance_id AND p.id = o.person_id
       WHERE o.plan_id = ? ORDER BY o.seq LIMIT ?`,
    )
    .all(planId, limit) as { id: number; name: string }[];
}
