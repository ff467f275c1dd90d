/**
 * bench/people-list: the People list's tools over a synced mirror of 100,000 people, in-process.
 * Prints, asserts nothing. Side by side in one run:
 *
 * - a page of 100 in the default order (the name indexes answer it) against the same page sorted
 *   by each column, at the top and deep in the list (offset 50,000), with and without search words;
 * - the CSV export of every match (rows, megabytes, milliseconds) against one page;
 * - the ids of "every match" for a bulk action (a filter of about a tenth of the people).
 *
 * Target: a sorted page well under 100 ms at the top of the list, so a header click feels at
 * once; the export of everyone in a few seconds.
 *
 *   npx tsx bench/people-list.ts
 *   PEOPLE_LIST_BENCH_PEOPLE=20000 npx tsx bench/people-list.ts     a smaller instance
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PEOPLE_COLUMN_IDS, type PeopleSort } from '../src-preload/contract';
import { syncedMirror } from '../src-main/ask/test-support/ask-mirror';
import { allPeopleSorted, matchingPeopleIds, searchPeopleSorted } from '../src-main/mirror/people-list-store';
import { peopleCsv } from '../src-main/mirror/people-export';
import { searchPeople, selectPeopleIds } from '../src-main/mirror/people-search-store';

const PEOPLE = Number(process.env.PEOPLE_LIST_BENCH_PEOPLE ?? 100_000);
const RUNS = 7;

function median(fn: () => unknown, runs = RUNS): number {
  fn(); // statements prepared, pages cached by SQLite
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const ms = (n: number) => `${n.toFixed(1).padStart(8)} ms`;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-bench-people-list-'));
  try {
    const started = performance.now();
    const { db, instanceId } = await syncedMirror(dir, PEOPLE, 7);
    const total = searchPeople(db, instanceId, { limit: 1 }).total;
    console.log(
      `Mirror: ${total.toLocaleString('en-US')} live people, synced in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
    );

    const deep = Math.floor(total / 2);
    const base = { top: median(() => searchPeople(db, instanceId, { limit: 100 })) };
    const baseDeep = median(() => searchPeople(db, instanceId, { limit: 100, offset: deep }));
    console.log(
      `Page of 100                      top of the list   offset ${deep.toLocaleString('en-US')}   vs default (top)`,
    );
    console.log(`  default order (name indexes) ${ms(base.top)}     ${ms(baseDeep)}         1.0x`);
    for (const by of PEOPLE_COLUMN_IDS) {
      for (const dir of ['asc', 'desc'] as const) {
        const sort: PeopleSort = { by, dir };
        const top = median(() => searchPeopleSorted(db, instanceId, { sort, limit: 100 }));
        const far = median(() => searchPeopleSorted(db, instanceId, { sort, limit: 100, offset: deep }), 3);
        console.log(
          `  by ${`${by} ${dir}`.padEnd(26)} ${ms(top)}     ${ms(far)}    ${(top / base.top).toFixed(1).padStart(6)}x`,
        );
      }
    }

    const sample = searchPeople(db, instanceId, { limit: 1, offset: 777 }).rows[0]!;
    const words = sample.lastName.slice(0, 4);
    const wordsDefault = median(() => searchPeople(db, instanceId, { query: words, limit: 100 }));
    const wordsSorted = median(() =>
      searchPeopleSorted(db, instanceId, { query: words, sort: { by: 'lastLogin', dir: 'desc' }, limit: 100 }),
    );
    const matches = searchPeople(db, instanceId, { query: words, limit: 1 }).total;
    console.log(`\nSearch "${words}" (${matches.toLocaleString('en-US')} matches), page of 100`);
    console.log(
      `  default order ${ms(wordsDefault)}   by last login ${ms(wordsSorted)}   ${(wordsSorted / wordsDefault).toFixed(1)}x`,
    );

    const columns = [...PEOPLE_COLUMN_IDS];
    let bytes = 0;
    let rows = 0;
    const exportMs = median(() => {
      const all = allPeopleSorted(db, instanceId, {}, { by: 'email', dir: 'asc' });
      rows = all.length;
      bytes = Buffer.byteLength(peopleCsv(all, columns));
    }, 3);
    console.log(`\nCSV export of everyone, by e-mail, all ${columns.length} columns`);
    console.log(
      `  ${rows.toLocaleString('en-US')} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${ms(exportMs).trim()}  (${(exportMs / base.top).toFixed(0)}x one default page)`,
    );

    const filters = { isExternal: false };
    const internal = searchPeople(db, instanceId, { filters, limit: 1 }).total;
    // What the plans builder calls: a filter alone goes through the filter's own selection.
    const idsMs = median(() => selectPeopleIds(db, instanceId, filters, 100_000));
    const idsWords = median(() => matchingPeopleIds(db, instanceId, { query: words, filters: {} }, 100_000));
    console.log(`\n"Every match" ids for a bulk action`);
    console.log(`  filter internal (${internal.toLocaleString('en-US')} people) ${ms(idsMs)}`);
    console.log(`  search "${words}" (${matches.toLocaleString('en-US')} people)      ${ms(idsWords)}`);
    db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
