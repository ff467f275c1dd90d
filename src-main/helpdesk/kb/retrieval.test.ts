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

const QUESTIONS: [question: string, answers: string | string[]][] = [
  ['A user says the login page tells them their account is locked. What can I do?', 'access#locked-accounts'],
  ["Can I reset someone's password from Admin Desk?", 'access#passwords-and-password-resets'],
  ["Someone isn't getting their MFA code when they try to log in", 'access#multi-factor-sign-in-problems'],
  ["What's the difference between user access and API access?", 'access#access-types'],
  ['How do I make someone a local user administrator for their branch?', 'access#administrator-types'],
  ['A new user is stuck in pending status and cannot get in', 'access#user-status'],
  ["A contractor's access ran out last week, how do I give them more time?", 'access#access-expiry-dates'],
  ['A former employee came back, how do I turn their account back on?', 'access#reactivating-someone'],
  ['A staff member left the organization; how do I offboard them properly?', 'access#deactivating-someone'],
  ['Can I move a grantee contact over to our internal staff side?', 'access#internal-and-external-people'],
  [
    'Someone was deleted in SmartSimple by mistake. Can Admin Desk bring the record back?',
    'access#removed-people-and-organizations',
  ],
  ['What is Admin Desk actually used for?', 'admin-desk#what-admin-desk-is-for'],
  ['Can Admin Desk create new roles or edit our workflows?', 'admin-desk#what-admin-desk-does-not-do'],
  ['Where are the API password and tokens kept on my computer?', 'admin-desk#where-your-data-lives'],
  ['Is there a safe practice environment I can try things on first?', 'admin-desk#the-sandbox-instance'],
  [
    'How do I set up the connection to our production instance with the function tokens?',
    'admin-desk#connecting-an-instance',
  ],
  [
    'The people list looks out of date, how do I refresh it from SmartSimple?',
    'admin-desk#keeping-the-mirror-up-to-date',
  ],
  ['Can I run the access troubleshooter from a terminal or a script?', 'admin-desk#the-command-line'],
  ['How many API calls are we allowed per hour?', 'api-limit#the-hourly-call-limit'],
  ['Does searching and filtering people use up API calls?', 'api-limit#what-uses-api-calls'],
  ['What happens if we run out of API calls in the middle of applying changes?', 'api-limit#when-the-limit-is-reached'],
  ['I need to change roles for 5000 users. Will that blow through the quota?', 'api-limit#planning-big-changes'],
  [
    "An applicant says they can't find the program in the portal",
    ['help-desk#why-can-t-this-person-see-that-program', 'roles#uta-roles-on-programs'],
  ],
  ['The troubleshooter found problems. How do I get them fixed?', 'help-desk#fixing-what-the-troubleshooter-found'],
  ["What if the cause is something Admin Desk can't change?", 'help-desk#problems-admin-desk-cannot-fix'],
  ['An applicant cannot see a program that is closed. Is that a bug?', 'help-desk#closed-programs'],
  ['How do I escalate an issue to our IT ticketing system?', 'help-desk#ticket-drafts'],
  [
    'Is there a quick one-click way to reactivate somebody?',
    ['help-desk#one-click-resets', 'access#reactivating-someone'],
  ],
  ['Does the search box also look at problems we fixed before?', 'help-desk#searching-the-guide-and-past-resolutions'],
  ['How do I add a brand new user?', 'onboarding#adding-a-new-person'],
  ['Can it read an intake form PDF and fill in the fields for me?', 'onboarding#onboarding-from-documents'],
  ['How do I avoid creating the same contact twice?', 'onboarding#checking-for-duplicates-before-creating'],
  ['Which organization should a new grantee contact go under?', 'onboarding#choosing-the-organization'],
  [
    'Setting up an outside expert who only reviews applications for one program',
    'onboarding#onboarding-a-reviewer-for-one-program',
  ],
  ['What exactly is a plan?', 'plans#what-a-plan-is'],
  [
    'How do I give a role to everyone in the finance department at once?',
    ['plans#building-a-plan', 'roles#profile-roles'],
  ],
  ['Do I have to approve every change one at a time?', 'plans#review-and-approval'],
  ["Why is it asking for a second administrator's name?", 'plans#four-eyes-approval'],
  ['What happens if my laptop crashes while the changes are being sent?', 'plans#applying-a-plan'],
  [
    'Someone edited the user in SmartSimple after I made my plan. What happens when I apply?',
    'plans#when-something-changed-in-smartsimple-meanwhile',
  ],
  ['I applied the wrong changes. How do I roll them back?', 'plans#undoing-a-plan'],
  [
    'One privileged change is still waiting for sign-off. Can I send the rest now?',
    'plans#applying-only-part-of-a-plan',
  ],
  ['Where can I see who approved what and when?', 'plans#the-audit-trail'],
  ['How should I run our quarterly access recertification?', 'reviews#running-an-access-review-today'],
  ['How do I find accounts nobody has used in months?', 'reviews#finding-dormant-accounts'],
  ['Can I see failed login attempts?', 'reviews#the-logs-admin-desk-reads'],
  ['Can I just type a question like "who holds Finance Approver"?', 'reviews#asking-questions-about-the-mirror'],
  ['Who removed a role from this user, and when?', 'reviews#who-changed-someone-s-access'],
  ['What are profile roles?', 'roles#profile-roles'],
  ['What is a UTA role?', 'roles#uta-roles-on-programs'],
  ["A role marked UTA roles only is sitting on someone's profile", 'roles#roles-flagged-uta-roles-only'],
  [
    "A staff member was given the applicant role on a program and still can't see it",
    'roles#parts-played-by-internal-and-external-people',
  ],
  ['How do I mark a role as privileged?', 'roles#privileged-roles'],
  ['Can I upload a spreadsheet of users with the roles they should get?', 'roles#roles-from-a-csv-file'],
  ['How does it decide which roles to suggest for a new hire?', 'roles#recommended-roles'],
];

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
