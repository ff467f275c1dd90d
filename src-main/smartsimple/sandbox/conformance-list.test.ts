/** Get and List: paging and its precedence, counters, criteria with every operator and brackets, sorting. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_TEXTS, MAX_RECORDS_PER_CALL } from '../protocol';
import type { Person } from './model';
import type { SandboxHandle } from './server';
import { call, type CallResult, errorOf, startTestSandbox } from './test-support';

let sandbox: SandboxHandle;
let people: Person[];
beforeAll(async () => {
  sandbox = await startTestSandbox();
  people = sandbox.state.data.people.filter((p) => !p.deleted);
});
afterAll(() => sandbox.close());

const ids = (result: CallResult): string[] => (result.body.records ?? []).map((r) => String(r.recordid));
const list = (params: Record<string, unknown>, name = 'users.list'): Promise<CallResult> => call(sandbox, name, params);
const idsOf = (predicate: (p: Person) => boolean): string[] => people.filter(predicate).map((p) => String(p.id));

describe('Get', () => {
  it('returns one record with the function fields and recordid', async () => {
    const person = people[5]!;
    const result = await call(sandbox, 'users.get', { recordid: String(person.id) });
    const record = result.body.records?.[0] ?? {};
    expect(Object.keys(record)).toEqual(['recordid', ...(sandbox.functions['users.get']?.fields ?? [])]);
    expect(record['sf_User ID']).toBe(String(person.id));
    expect(record['sf_Email']).toBe(person.email);
    expect(result.body.message).toEqual({});
  });
  it('says "Recordset does not exist" for unknown or malformed ids', async () => {
    for (const recordid of ['1', 'abc', '', '-5'])
      expect(errorOf(await call(sandbox, 'users.get', { recordid }))).toBe(ERROR_TEXTS.notFound);
  });
  it('shows empty custom fields as null and empty standard fields as ""', async () => {
    const external = people.find((p) => p.isExternal && p.accessExpiry === null)!;
    const record = (await call(sandbox, 'users.get', { recordid: String(external.id) })).body.records?.[0] ?? {};
    expect(record['cf_Department']).toBeNull();
    expect(record['cf_Employee Number']).toBeNull();
    expect(record['sf_Access Expiry']).toBe('');
  });
});

describe('List paging', () => {
  it('lists everything in record id order with numeric counters by default', async () => {
    const result = await list({});
    expect(ids(result)).toEqual(people.map((p) => String(p.id)));
    expect(result.body.message).toEqual({
      recordfrom: 1,
      recordto: people.length,
      recordcount: people.length,
      allcount: people.length,
    });
    expect((result.body.records ?? []).every((r) => r.recordid === r['sf_User ID'])).toBe(true);
  });
  it('recordend 35 gives records 1..35; recordstart 10 with it gives 26', async () => {
    const all = people.map((p) => String(p.id));
    const end35 = await list({ othersettings: { recordend: 35 } });
    expect(ids(end35)).toEqual(all.slice(0, 35));
    expect(end35.body.message).toEqual({ recordfrom: 1, recordto: 35, recordcount: 35, allcount: people.length });
    const start10 = await list({ othersettings: { recordstart: 10, recordend: 35 } });
    expect(ids(start10)).toEqual(all.slice(9, 35));
    expect(start10.body.message).toMatchObject({ recordfrom: 10, recordto: 35, recordcount: 26 });
  });
  it('lets recordend win over recordsperpage and pagenum', async () => {
    const result = await list({ othersettings: { recordstart: 10, recordend: 35, recordsperpage: 5, pagenum: 3 } });
    expect(result.body.message).toMatchObject({ recordfrom: 10, recordto: 35, recordcount: 26 });
  });
  it('pages with recordsperpage and pagenum, or recordstart and recordsperpage', async () => {
    const all = people.map((p) => String(p.id));
    const page3 = await list({ othersettings: { recordsperpage: 50, pagenum: 3 } });
    expect(ids(page3)).toEqual(all.slice(100, 150));
    expect(page3.body.message).toEqual({ recordfrom: 101, recordto: 150, recordcount: 50, allcount: people.length });
    const fromStart = await list({ othersettings: { recordstart: 20, recordsperpage: 5 } });
    expect(ids(fromStart)).toEqual(all.slice(19, 24));
    const strings = await list({ othersettings: JSON.stringify({ recordsperpage: '50', pagenum: '3' }) });
    expect(ids(strings)).toEqual(all.slice(100, 150));
  });
  it('clips at the end and reports an empty page past it', async () => {
    const last = await list({ othersettings: { recordstart: people.length - 2, recordend: people.length + 50 } });
    expect(last.body.message).toEqual({
      recordfrom: people.length - 2,
      recordto: people.length,
      recordcount: 3,
      allcount: people.length,
    });
    const beyond = await list({ othersettings: { recordsperpage: 100, pagenum: 99 } });
    expect(beyond.body).toEqual({
      records: [],
      message: { recordfrom: 0, recordto: 0, recordcount: 0, allcount: people.length },
    });
  });
  it('refuses malformed other settings', async () => {
    for (const othersettings of [
      '{',
      '[1]',
      '"x"',
      '{"recordend": -1}',
      '{"pagenum": "x"}',
      '{"recordsperpage": 2.5}',
    ]) {
      expect(errorOf(await list({ othersettings }))).toBe(ERROR_TEXTS.otherSettings);
    }
  });
  it(`never returns more than ${MAX_RECORDS_PER_CALL} records in one call`, async () => {
    const big = await startTestSandbox({ people: 1500 });
    try {
      const total = big.state.data.sessions.length;
      expect(total).toBeGreaterThan(MAX_RECORDS_PER_CALL);
      for (const othersettings of [{}, { recordend: total }, { recordsperpage: 20_000, pagenum: 1 }]) {
        const result = await call(big, 'reports.login_sessions', { othersettings });
        expect(result.body.records).toHaveLength(MAX_RECORDS_PER_CALL);
        expect(result.body.message).toEqual({
          recordfrom: 1,
          recordto: MAX_RECORDS_PER_CALL,
          recordcount: MAX_RECORDS_PER_CALL,
          allcount: total,
        });
      }
      const tail = await call(big, 'reports.login_sessions', { othersettings: { recordstart: 10_001 } });
      expect(tail.body.message).toEqual({
        recordfrom: 10_001,
        recordto: total,
        recordcount: total - 10_000,
        allcount: total,
      });
    } finally {
      await big.close();
    }
  });
});

describe('List criteria', () => {
  const one = (field: string, operator: string, value: string, andor = 'and'): Record<string, string> => ({
    andor,
    field,
    operator,
    value,
  });
  const someone = (): Person => people.find((p) => p.isExternal && p.lastName.length > 4)!;

  it('supports every operator', async () => {
    const p = someone();
    const mid = people[Math.floor(people.length / 2)]!;
    const lastUpdated = new Date(mid.lastUpdated).toISOString().slice(0, 19).replace('T', ' ');
    const needle = p.lastName.slice(1, 4).toLowerCase();
    const cases: Array<[Record<string, string>, (x: Person) => boolean]> = [
      [
        one('sf_Last Name', '=', p.lastName.toUpperCase()),
        (x) => x.lastName.toLowerCase() === p.lastName.toLowerCase(),
      ],
      [one('sf_Last Name', '<>', p.lastName), (x) => x.lastName.toLowerCase() !== p.lastName.toLowerCase()],
      [one('sf_Last Name', '!=', p.lastName), (x) => x.lastName.toLowerCase() !== p.lastName.toLowerCase()],
      [one('sf_User ID', '>', String(mid.id)), (x) => x.id > mid.id],
      [one('sf_User ID', '>=', String(mid.id)), (x) => x.id >= mid.id],
      [one('sf_User ID', '<', String(mid.id)), (x) => x.id < mid.id],
      [one('sf_User ID', '<=', String(mid.id)), (x) => x.id <= mid.id],
      [
        one('sf_Last Updated', '>', lastUpdated),
        (x) => Math.floor(x.lastUpdated / 1000) * 1000 > Math.floor(mid.lastUpdated / 1000) * 1000,
      ],
      [one('sf_Last Updated', '<', '2020-01-01'), (x) => x.lastUpdated < Date.UTC(2020, 0, 1)],
      [one('sf_Last Name', 'like', needle), (x) => x.lastName.toLowerCase().includes(needle)],
      [
        one('sf_Email', 'like', `${p.firstName.slice(0, 2)}%@%.org`),
        (x) => new RegExp(`${p.firstName.slice(0, 2).toLowerCase()}.*@.*\\.org`).test(x.email.toLowerCase()),
      ],
      [one('sf_Last Name', 'not like', needle), (x) => !x.lastName.toLowerCase().includes(needle)],
      [one('cf_Department', 'isempty', 'true'), (x) => x.department === null],
      [one('cf_Department', 'isempty', 'false'), (x) => x.department !== null],
      [one('sf_Last Name', '>', 'M'), (x) => x.lastName.toLowerCase() > 'm'],
    ];
    for (const [criterion, predicate] of cases) {
      const result = await list({ criteria: [criterion] });
      expect([criterion, ids(result)]).toEqual([criterion, idsOf(predicate)]);
      expect(result.body.message.allcount).toBe(idsOf(predicate).length);
    }
  });

  it('groups with brackets in andor: (a or b) and (c or d), AND before OR otherwise', async () => {
    const a = one('sf_Is External', '=', '0');
    const b = one('sf_Title', '=', 'Grant Writer', 'or');
    const c = one('sf_Last Name', 'like', 'a', ') and (');
    const d = one('sf_First Name', 'like', 'e', 'or');
    const grouped = await list({ criteria: [{ ...a, andor: '(' }, b, c, d] });
    const expected = idsOf(
      (x) =>
        (!x.isExternal || x.title === 'Grant Writer') &&
        (x.lastName.toLowerCase().includes('a') || x.firstName.toLowerCase().includes('e')),
    );
    expect(ids(grouped)).toEqual(expected);
    const flat = await list({ criteria: [a, b, { ...c, andor: 'and' }, d] });
    expect(ids(flat)).toEqual(
      idsOf(
        (x) =>
          !x.isExternal ||
          (x.title === 'Grant Writer' && x.lastName.toLowerCase().includes('a')) ||
          x.firstName.toLowerCase().includes('e'),
      ),
    );
  });

  it('tolerates a trailing open bracket', async () => {
    const result = await list({
      criteria: [
        one('sf_Is External', '=', '1'),
        one('sf_Title', '=', 'Finance Officer', 'and ('),
        one('sf_Title', '=', 'Researcher', 'or'),
      ],
    });
    expect(ids(result)).toEqual(
      idsOf((x) => x.isExternal && (x.title === 'Finance Officer' || x.title === 'Researcher')),
    );
    const opening = await list({
      criteria: [{ ...one('sf_Title', '=', 'Researcher'), andor: '(' }, one('sf_Title', '=', 'Grant Writer', 'or')],
    });
    expect(ids(opening)).toEqual(idsOf((x) => x.title === 'Researcher' || x.title === 'Grant Writer'));
  });

  it('refuses unknown fields, malformed JSON and bad values with the list error', async () => {
    const bad: unknown[] = [
      '[',
      '{"field": "sf_Email"}',
      [one('sf_Shoe Size', '=', '1')],
      [one('sf_Email', 'contains', 'a')],
      [one('cf_Department', 'isempty', 'maybe')],
      [one('sf_User ID', '>', 'many')],
      [one('sf_Last Updated', '>', 'yesterday')],
      [one('sf_Email', '=', 'x'), one('sf_Email', '=', 'y', ') and')],
      [one('sf_Email', '=', 'x', 'and or')],
    ];
    for (const criteria of bad) expect(errorOf(await list({ criteria }))).toBe(ERROR_TEXTS.list);
    // A field of the record type that is not in this function's field list.
    expect(errorOf(await call(sandbox, 'users.ids', { criteria: [one('sf_Email', 'like', 'a')] }))).toBe(
      ERROR_TEXTS.list,
    );
  });
});

describe('List sorting', () => {
  it('sorts by one or more fields, ties in record id order', async () => {
    const result = await list({
      sortby: [
        { field: 'sf_Last Name', direction: 'desc' },
        { field: 'sf_First Name', direction: 'asc' },
      ],
    });
    const expected = [...people]
      .sort((x, y) =>
        x.lastName.toLowerCase() < y.lastName.toLowerCase()
          ? 1
          : x.lastName.toLowerCase() > y.lastName.toLowerCase()
            ? -1
            : x.firstName.toLowerCase() < y.firstName.toLowerCase()
              ? -1
              : x.firstName.toLowerCase() > y.firstName.toLowerCase()
                ? 1
                : x.id - y.id,
      )
      .map((p) => String(p.id));
    expect(ids(result)).toEqual(expected);
    const byUpdate = await list({
      sortby: [{ field: 'sf_Last Updated', direction: 'desc' }],
      othersettings: { recordend: 10 },
    });
    const dates = (byUpdate.body.records ?? []).map((r) => String(r['sf_Last Updated']));
    expect(dates).toEqual([...dates].sort().reverse());
  });
  it('refuses unknown sort fields and directions', async () => {
    expect(errorOf(await list({ sortby: [{ field: 'sf_Nope' }] }))).toBe(ERROR_TEXTS.list);
    expect(errorOf(await list({ sortby: [{ field: 'sf_Email', direction: 'up' }] }))).toBe(ERROR_TEXTS.list);
  });
});

describe('other record types', () => {
  it('lists ids cheaply and companies and programs with their fields', async () => {
    const idsOnly = await call(sandbox, 'users.ids', { othersettings: { recordend: 2 } });
    expect(Object.keys(idsOnly.body.records?.[0] ?? {})).toEqual(['recordid', 'sf_User ID', 'sf_Last Updated']);
    const companies = await call(sandbox, 'companies.list', {
      criteria: [{ andor: 'and', field: 'sf_Is External', operator: '=', value: '1' }],
    });
    expect(companies.body.records?.length).toBe(sandbox.state.data.companies.filter((c) => c.isExternal).length);
    const root = await call(sandbox, 'companies.get', { recordid: sandbox.rootCompanyId });
    expect(root.body.records?.[0]).toMatchObject({
      'sf_Company ID': sandbox.rootCompanyId,
      'sf_Parent Company ID': '',
      'sf_Is External': '0',
    });
    const programs = await call(sandbox, 'programs.list', {});
    expect(Object.keys(programs.body.records?.[0] ?? {})).toEqual([
      'recordid',
      ...(sandbox.functions['programs.list']?.fields ?? []),
    ]);
  });
});
