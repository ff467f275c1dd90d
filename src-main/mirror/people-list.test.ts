/**
 * The People list's sort, "all matching" ids and CSV export over a synced sandbox mirror: the
 * sorted search matches exactly the people the default search matches, in the order asked for,
 * stable across pages; the export holds every match with its cells made safe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PEOPLE_COLUMN_IDS, type PeopleSort, type PersonRow } from '../../src-preload/contract';
import { syncedMirror } from '../ask/test-support/ask-mirror';
import { createInstancesService } from '../instances/instances-service';
import type { TestDb } from '../sync/test-support/test-db';
import { createMirrorService, type MirrorService } from './mirror-service';
import { matchingPeopleIds, searchPeopleSorted } from './people-list-store';
import { searchPeople, type PeopleFilters } from './people-search-store';

let dir = '';
let t: TestDb;
let mirror: MirrorService;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-people-list-'));
  t = await syncedMirror(dir, 400, 5);
  mirror = createMirrorService({ db: t.db, instances: createInstancesService({ db: t.db }) });
}, 120_000);
afterAll(() => {
  t?.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every row of a search, a page at a time, through `page`. */
function allPages(page: (offset: number) => { rows: PersonRow[]; total: number }, size: number): PersonRow[] {
  const out: PersonRow[] = [];
  for (let offset = 0; ; offset += size) {
    const { rows, total } = page(offset);
    out.push(...rows);
    if (rows.length === 0 || offset + size >= total) return out;
  }
}

const ids = (rows: PersonRow[]) => rows.map((r) => r.id).sort((a, b) => a - b);

function someFilters(): PeopleFilters[] {
  const role = t.db
    .prepare('SELECT role_id FROM mirror_role_holdings WHERE instance_id = ? GROUP BY role_id ORDER BY count(*) DESC')
    .pluck()
    .get(t.instanceId) as number;
  return [
    {},
    { isExternal: true },
    { roleId: role },
    { status: 'Active', isExternal: false },
    { includeRemoved: true },
  ];
}

describe('the sorted People search', () => {
  it('matches exactly the people the default search matches, for words long and short, with filters', () => {
    const sample = t.db
      .prepare(
        'SELECT last_name, first_name, email FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL LIMIT 1 OFFSET 17',
      )
      .get(t.instanceId) as { last_name: string; first_name: string; email: string };
    const queries = [
      '',
      sample.last_name.slice(0, 1),
      sample.last_name.slice(0, 2),
      `${sample.first_name.slice(0, 1)} ${sample.last_name.slice(0, 1)}`,
      sample.last_name.slice(1, 5),
      `${sample.first_name.slice(0, 2)} ${sample.last_name.slice(0, 4)}`,
      sample.email.split('@')[1] ?? 'org',
      'zzzqqq',
    ];
    let compared = 0;
    for (const query of queries) {
      for (const filters of someFilters()) {
        const base = allPages((offset) => searchPeople(t.db, t.instanceId, { query, filters, limit: 97, offset }), 97);
        const sorted = allPages(
          (offset) =>
            searchPeopleSorted(t.db, t.instanceId, {
              query,
              filters,
              sort: { by: 'email', dir: 'desc' },
              limit: 97,
              offset,
            }),
          97,
        );
        expect(ids(sorted), `"${query}" ${JSON.stringify(filters)}`).toEqual(ids(base));
        const all = matchingPeopleIds(t.db, t.instanceId, { query, filters }, 100_000);
        expect(all.ids).toEqual(ids(base));
        expect(all.total).toBe(base.length);
        if (base.length > 0) compared++;
      }
    }
    // The comparisons were not all of empty answers.
    expect(compared).toBeGreaterThan(20);
  });

  it('sorts by every column either way, blanks last, one stable order across pages', () => {
    for (const by of PEOPLE_COLUMN_IDS) {
      for (const dir of ['asc', 'desc'] as const) {
        const sort: PeopleSort = { by, dir };
        const paged = allPages(
          (offset) => mirror.searchPeople(t.instanceId, { sort, limit: 13, offset, filters: { includeRemoved: true } }),
          13,
        );
        const once = searchPeopleSorted(t.db, t.instanceId, {
          sort,
          limit: 1000,
          filters: { includeRemoved: true },
        }).rows;
        expect(
          paged.map((p) => p.id),
          `${by} ${dir}`,
        ).toEqual(once.map((p) => p.id));
        expect(new Set(paged.map((p) => p.id)).size).toBe(paged.length);
        expectOrdered(paged, sort);
      }
    }
  });

  it('puts people who never logged in last, whichever way the last login is sorted', () => {
    for (const dir of ['asc', 'desc'] as const) {
      const rows = mirror.searchPeople(t.instanceId, { sort: { by: 'lastLogin', dir }, limit: 1000 }).rows;
      const firstNever = rows.findIndex((r) => !r.lastLogin);
      expect(firstNever).toBeGreaterThan(0);
      expect(rows.slice(firstNever).every((r) => !r.lastLogin)).toBe(true);
    }
  });

  it('keeps the default order for "name, A to Z" (the name indexes answer it)', () => {
    const byDefault = mirror.searchPeople(t.instanceId, { limit: 50 }).rows.map((r) => r.id);
    const byName = mirror
      .searchPeople(t.instanceId, { limit: 50, sort: { by: 'name', dir: 'asc' } })
      .rows.map((r) => r.id);
    expect(byName).toEqual(byDefault);
    const reversed = mirror.searchPeople(t.instanceId, { limit: 1000, sort: { by: 'name', dir: 'desc' } }).rows;
    expect(reversed[0]!.lastName.localeCompare(reversed.at(-1)!.lastName)).toBeGreaterThan(0);
  });
});

describe('the People CSV export', () => {
  it('holds every match, in the list order, with the columns shown and formulas neutralized', () => {
    const victim = t.db
      .prepare(
        'SELECT id FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL AND is_external = 1 ORDER BY id LIMIT 1',
      )
      .pluck()
      .get(t.instanceId) as number;
    t.db
      .prepare(
        "UPDATE mirror_people SET department = '=HYPERLINK(\"http://x\")', title = '@SUM(A1)' WHERE instance_id = ? AND id = ?",
      )
      .run(t.instanceId, victim);
    const filters = { isExternal: true };
    const sort: PeopleSort = { by: 'department', dir: 'asc' };
    const file = mirror.exportPeopleCsv(t.instanceId, {
      filters,
      sort,
      columns: ['id', 'name', 'department', 'title', 'access', 'kind'],
    });
    expect(file.mime).toBe('text/csv');
    expect(file.filename).toMatch(/^people-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = parse(file.text) as string[][];
    expect(header).toEqual(['ID', 'Last name', 'First name', 'Department', 'Title', 'Access', 'Type']);
    const total = mirror.searchPeople(t.instanceId, { filters, limit: 1 }).total;
    expect(total).toBeGreaterThan(100);
    expect(rows).toHaveLength(total);
    const listed = allPages((offset) => mirror.searchPeople(t.instanceId, { filters, sort, limit: 100, offset }), 100);
    expect(rows.map((r) => Number(r[0]))).toEqual(listed.map((p) => p.id));
    const row = rows.find((r) => Number(r[0]) === victim)!;
    expect(row[3]).toBe('\'=HYPERLINK("http://x")');
    expect(row[4]).toBe("'@SUM(A1)");
    expect(rows.every((r) => r[6] === 'External')).toBe(true);
    expect(rows.some((r) => /^(User|API|No access)/.test(r[5] ?? ''))).toBe(true);
  });

  it('exports the words of a search too, not only filters', () => {
    const someone = mirror.searchPeople(t.instanceId, { limit: 1, offset: 40 }).rows[0]!;
    const query = someone.lastName.slice(0, 4);
    const file = mirror.exportPeopleCsv(t.instanceId, { query, columns: ['email'] });
    const [, ...rows] = parse(file.text) as string[][];
    expect(rows).toHaveLength(mirror.searchPeople(t.instanceId, { query, limit: 1 }).total);
    expect(rows.map((r) => r[0])).toContain(someone.email);
  });
});

/** Checks the rows are in the order `sort` asks for (blank values after the others). */
function expectOrdered(rows: PersonRow[], sort: PeopleSort) {
  const value = (p: PersonRow): string | number | null => {
    switch (sort.by) {
      case 'name':
        return `${p.lastName.toLowerCase()}\u0000${p.firstName.toLowerCase()}`;
      case 'kind':
        return p.isExternal ? 1 : 0;
      case 'id':
        return p.id;
      case 'access':
        return null;
      default: {
        const v = p[sort.by === 'organization' ? 'organization' : sort.by];
        return v === null || v === '' ? null : String(v).toLowerCase();
      }
    }
  };
  if (sort.by === 'access') return;
  const sign = sort.dir === 'asc' ? 1 : -1;
  for (let i = 1; i < rows.length; i++) {
    const a = value(rows[i - 1]!);
    const b = value(rows[i]!);
    if (b === null) continue;
    expect(a, `${sort.by} ${sort.dir} at ${i}`).not.toBeNull();
    if (a === null) continue;
    const cmp = typeof a === 'number' ? a - (b as number) : a < b ? -1 : a > b ? 1 : 0;
    expect(cmp * sign, `${sort.by} ${sort.dir} at ${i}: ${a} then ${b}`).toBeLessThanOrEqual(0);
  }
}
