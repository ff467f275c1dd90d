/**
 * Retrieval over the administrator's guide: questions written the way administrators ask them
 * (their words, not the guide's), each with the section that answers it. The right section must
 * be in the top 3 for at least 90% of them, with past resolutions in the same index competing.
 * The misses are printed. A few questions have two sections that both answer them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../db/open';
import { createInstance } from '../../instances/instances-store';
import { loadGuide, defaultGuideDir } from './guide';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base';
import { upsertPassage } from './passage-store';
import { HOLDOUT_QUESTIONS } from './retrieval-holdout';
import { QUESTIONS } from './retrieval-questions';

let dir: string;
let db: DB;
let kb: KnowledgeBase;
let instanceId: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-retrieval-'));
  db = openDatabase(path.join(dir, 'app.sqlite')).db;
  instanceId = createInstance(
    db,
    { name: 'Retrieval', host: 'https://x.example.org', alias: 'x', rootCompanyId: '1', apiVersion: 1 },
    {},
  ).id;
  kb = createKnowledgeBase({ db, guideDir: defaultGuideDir() });
  kb.ensureGuide();
  // Past resolutions compete in the same index, as they do in the app.
  const people = ['Ana Rivera', 'Tom Okafor', 'Li Wei', 'Maria Santos', 'Sam Patel'];
  for (let i = 0; i < 300; i++) {
    const name = people[i % people.length]!;
    upsertPassage(db, {
      instanceId,
      source: i % 2 ? 'outcome' : 'plan',
      ref: `${i % 2 ? 'outcome' : 'plan'}:${i}`,
      title: i % 2 ? `Troubleshooter: ${name} and Health Grant ${2020 + (i % 6)}` : `Plan: access fixes ${i}`,
      body:
        i % 3 === 0
          ? `${name}: Status: Status is Pending: the account was created but never activated. Advice: Set the status to Active.`
          : i % 3 === 1
            ? `${name}: Part on the program: No part (UTA role) on Health Grant. Advice: Give ${name} the part Applicant.`
            : `Applied: Change access: Access Expiry: "2025-01-01" -> "2026-04-01" for ${name}.`,
      names: [name],
      at: '2026-10-01T10:00:00.000Z',
    });
  }
});
afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('retrieval over the guide', () => {
  it('has a question for most sections, each naming a section that exists', () => {
    const refs = new Set(loadGuide(defaultGuideDir()).passages.map((p) => p.ref));
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(40);
    for (const [, answers] of QUESTIONS)
      for (const a of [answers].flat()) expect(refs.has(`guide:${a}`), `guide:${a}`).toBe(true);
  });

  const topThree = (set: typeof QUESTIONS) => {
    const misses: string[] = [];
    for (const [question, answers] of set) {
      const found = kb.search(instanceId, question, 3);
      const wanted = [answers].flat().map((a) => `guide:${a}`);
      if (!found.passages.some((p) => wanted.includes(p.ref)))
        misses.push(
          `${question}\n    wanted ${wanted.join(' or ')}\n    got ${found.passages.map((p) => p.ref).join(', ')}`,
        );
    }
    return { share: (set.length - misses.length) / set.length, hits: set.length - misses.length, misses };
  };

  it('puts the answering section in the top 3 for at least 90% of the questions', () => {
    const { share, hits, misses } = topThree(QUESTIONS);
    console.log(`retrieval: ${hits} of ${QUESTIONS.length} in the top 3 (${(share * 100).toFixed(1)}%)`);
    if (misses.length > 0) console.log(`misses:\n  ${misses.join('\n  ')}`);
    // The held-out set: its figure, not its misses (they must not steer the method).
    const holdout = topThree(HOLDOUT_QUESTIONS);
    console.log(
      `held-out: ${holdout.hits} of ${HOLDOUT_QUESTIONS.length} in the top 3 (${(holdout.share * 100).toFixed(1)}%)`,
    );
    expect(share).toBeGreaterThanOrEqual(0.9);
  });

  it('finds nothing relevant for questions the guide does not cover', () => {
    for (const q of [
      'What will the weather be in Paris tomorrow?',
      'Best recipe for sourdough bread',
      'Who won the football final?',
    ])
      expect(kb.search(instanceId, q).relevant, q).toBe(false);
    expect(kb.search(instanceId, 'the of and to').passages).toEqual([]);
  });
});
