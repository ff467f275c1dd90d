/**
 * Access review campaigns through the channels, on the built-in sandbox: a campaign over two
 * programs' people, decided by filter and one by one (each decision recorded and undone exactly),
 * two stages, the managers' workbook round trip (an edited file refused with nothing changed),
 * the sign-off into a plan that is approved, applied and synced (the roles gone), the report as
 * CSV and PDF, the campaign kept across a restart, the next quarter's campaign, and the AI record.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AiRecord,
  CampaignDetail,
  CampaignPreview,
  CampaignSummary,
  ConnectionDetails,
  DecideResult,
  DownloadFile,
  JobInfo,
  PersonDetail,
  ProgramRow,
  ReviewItemsPage,
  ScanStatus,
  SignOffResult,
  WorkbookImportResult,
} from '../../src-preload/contract';
import { createBackend, type Backend } from '../backend/backend';
import { ok, testKeychain } from '../test-support/channels';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-reviews-'));
const { service, skip } = await testKeychain();
const SANDBOX = { people: 800, seed: 12 };

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(skip)('access reviews through the channels', () => {
  let b: Backend;
  let instanceId = '';
  let programs: ProgramRow[] = [];

  const open = () => createBackend({ dataDir, keychainService: service, sandbox: SANDBOX, consoleLog: false });
  const items = (campaignId: string, filter: Record<string, unknown> = {}, limit = 5000) =>
    ok<ReviewItemsPage>(b.invoke('reviews:items', { campaignId, filter, limit }));
  const get = (campaignId: string) => ok<CampaignDetail>(b.invoke('reviews:get', { campaignId }));
  const trail = (action: string) =>
    b.services.db.prepare('SELECT count(*) FROM audit_trail WHERE action = ?').pluck().get(action) as number;

  async function syncAndScan() {
    const job = await ok<JobInfo>(b.invoke('sync:start', { instanceId }));
    expect((await b.services.jobs.wait(job.id)).state).toBe('succeeded');
    const scan = await ok<ScanStatus>(b.invoke('investigate:status', { instanceId }));
    if (scan.runningJobId) await b.services.jobs.wait(scan.runningJobId);
  }

  const create = (input: Record<string, unknown>) =>
    ok<CampaignDetail>(
      b.invoke('reviews:create', {
        instanceId,
        name: 'Program staff and applicants',
        scope: { programIds: programs.slice(0, 2).map((p) => p.id) },
        itemKinds: ['role', 'assignment', 'access'],
        stages: [{ name: 'Administrator', reviewers: 'administrator' }],
        dueOn: inDays(14),
        defaultDecision: 'recommendation',
        recurrence: 'none',
        ...input,
      }),
    );

  beforeAll(async () => {
    b = await open();
    instanceId = (await ok<ConnectionDetails>(b.invoke('sandbox:explore'))).instance.id;
    await ok(b.invoke('settings:update', { administratorName: 'Ana Admin' }));
    await syncAndScan();
    programs = (await ok<ProgramRow[]>(b.invoke('programs:list', { instanceId }))).sort((x, y) => x.id - y.id);
  }, 240_000);
  afterAll(async () => {
    if (instanceId) await b.services.vault.deleteInstance(instanceId).catch(() => 0);
    await b?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('previews and makes a campaign over a scope; bad input changes nothing', async () => {
    const preview = await ok<CampaignPreview>(
      b.invoke('reviews:preview', {
        instanceId,
        scope: { programIds: programs.slice(0, 2).map((p) => p.id) },
        itemKinds: ['role', 'assignment', 'access'],
      }),
    );
    expect(preview.people).toBeGreaterThan(20);
    expect(preview.scopeText).toContain(programs[0]!.name);
    const past = await b.invoke('reviews:create', {
      instanceId,
      name: 'Late',
      scope: {},
      itemKinds: ['role'],
      stages: [{ name: 'A', reviewers: 'administrator' }],
      dueOn: '2020-01-01',
      defaultDecision: 'keep',
      recurrence: 'none',
    });
    expect(past).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const four = await b.invoke('reviews:create', {
      instanceId,
      name: 'Too many stages',
      scope: {},
      itemKinds: ['role'],
      stages: Array.from({ length: 4 }, (_, i) => ({ name: `S${i}`, reviewers: 'administrator' })),
      dueOn: inDays(3),
      defaultDecision: 'keep',
      recurrence: 'none',
    });
    expect(four).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await ok<CampaignSummary[]>(b.invoke('reviews:list', { instanceId }))).toEqual([]);

    const c = await create({});
    expect(c.counts).toMatchObject({ items: preview.items, people: preview.people, decided: 0 });
    expect(c.counts.recommendedRevoke).toBe(preview.recommendedRevoke);
    const assigned = (await items(c.id, { kinds: ['assignment'] })).rows;
    expect(assigned.length).toBeGreaterThan(0);
    expect(assigned.every((i) => programs.slice(0, 2).some((p) => i.target.endsWith(p.name)))).toBe(true);
    expect(trail('review.campaign_created')).toBe(1);
  });

  it('decides by filter and one by one, each recorded and undone exactly', async () => {
    const [c] = await ok<CampaignSummary[]>(b.invoke('reviews:list', { instanceId }));
    const low = await ok<DecideResult>(
      b.invoke('reviews:decide', { campaignId: c!.id, filter: { risk: ['low'] }, decision: 'recommendation' }),
    );
    expect(low.changed).toBe((await items(c!.id, { risk: ['low'] })).total);
    expect(low.action).toMatchObject({ source: 'bulk', by: expect.stringMatching(/^Ana Admin/) });
    expect(low.action!.selection).toContain('low risk');
    const decidedLow = (await items(c!.id, { risk: ['low'] })).rows;
    expect(decidedLow.every((i) => i.decision === i.recommendation && i.decidedBy?.startsWith('Ana Admin'))).toBe(true);

    const first = (await items(c!.id, { decision: 'undecided' }, 1)).rows[0]!;
    const against = first.recommendation === 'keep' ? 'revoke' : 'keep';
    const one = await ok<DecideResult>(
      b.invoke('reviews:decide', {
        campaignId: c!.id,
        itemIds: [first.id],
        decision: against,
        reason: 'Asked the manager',
      }),
    );
    expect(one).toMatchObject({ changed: 1, action: { source: 'reviewer', reason: 'Asked the manager' } });
    const overridden = (await items(c!.id, { decision: 'overridden' })).rows;
    expect(overridden.map((i) => [i.id, i.decisionReason])).toContainEqual([first.id, 'Asked the manager']);

    // Keep everything left, then undo that action: exactly the items it decided are undecided again.
    const rest = (await items(c!.id, { decision: 'undecided' })).total;
    const all = await ok<DecideResult>(b.invoke('reviews:decide', { campaignId: c!.id, filter: {}, decision: 'keep' }));
    expect(all.changed).toBe(rest + (against === 'revoke' ? 1 : 0));
    await ok(b.invoke('reviews:undo', { campaignId: c!.id, actionId: all.action!.id }));
    expect((await items(c!.id, { decision: 'undecided' })).total).toBe(rest);
    const back = (await items(c!.id, { search: first.personName })).rows.find((i) => i.id === first.id)!;
    expect([back.decision, back.decisionReason]).toEqual([against, 'Asked the manager']);
    const twice = await b.invoke('reviews:undo', { campaignId: c!.id, actionId: all.action!.id });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(trail('review.decided')).toBe(3);
    expect(trail('review.decision_undone')).toBe(1);
  });

  it('refuses a workbook that was edited and imports the one the managers filled in', async () => {
    const [c] = await ok<CampaignSummary[]>(b.invoke('reviews:list', { instanceId }));
    const file = await ok<DownloadFile>(b.invoke('reviews:export', { campaignId: c!.id, format: 'xlsx' }));
    expect(file).toMatchObject({ encoding: 'base64', filename: expect.stringMatching(/\.xlsx$/) });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.data, 'base64') as unknown as ArrayBuffer);
    const undecided = new Set((await items(c!.id, { decision: 'undecided' })).rows.map((i) => i.id));
    const rowsOf = (s: ExcelJS.Worksheet) => {
      const found: number[] = [];
      s.eachRow((row, n) => {
        if (n > 1 && undecided.has(Number(row.getCell(1).value))) found.push(n);
      });
      return found;
    };
    const sheet = book.worksheets
      .filter((s) => s.name !== 'About')
      .sort((x, y) => rowsOf(y).length - rowsOf(x).length)[0]!;
    const rows = rowsOf(sheet);
    expect(rows.length).toBeGreaterThan(1);
    const [r1, r2] = rows as [number, number];
    sheet.getCell(r1, 12).value = 'Revoke';
    sheet.getCell(r1, 13).value = 'Left the program in June';
    sheet.getCell(r2, 12).value = 'keep';
    const filled = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');

    // The same file with a person's row changed: refused, nothing imported.
    const original = sheet.getCell(r2, 8).value;
    sheet.getCell(r2, 1).value = Number(sheet.getCell(rows[rows.length - 1]!, 1).value) + 100_000;
    const edited = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    sheet.getCell(r2, 1).value = original;
    const before = (await get(c!.id)).stageCounts.decided;
    const refused = await b.invoke('reviews:import', { campaignId: c!.id, format: 'xlsx', data: edited });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await get(c!.id)).stageCounts.decided).toBe(before);
    const garbage = await b.invoke('reviews:import', {
      campaignId: c!.id,
      format: 'xlsx',
      data: Buffer.from('not a zip').toString('base64'),
    });
    expect(garbage).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const result = await ok<WorkbookImportResult>(
      b.invoke('reviews:import', { campaignId: c!.id, format: 'xlsx', data: filled }),
    );
    expect(result.imported).toBe(2);
    expect((await get(c!.id)).stageCounts.decided).toBe(before + 2);
    const revoked = (await items(c!.id, { decision: 'revoke' })).rows.find(
      (i) => i.decisionReason === 'Left the program in June',
    );
    expect(revoked?.decisionSource).toBe('workbook');
    expect(revoked?.decidedBy).toMatch(/\(workbook imported by Ana Admin/);

    // CSV: a decision that is neither keep nor revoke refuses the whole file.
    const csv = await ok<DownloadFile>(b.invoke('reviews:export', { campaignId: c!.id, format: 'csv' }));
    const table = parse(csv.data) as string[][];
    const col = table[0]!.indexOf('decision');
    table[1]![col] = 'Maybe';
    const bad = stringify(table);
    const maybe = await b.invoke('reviews:import', { campaignId: c!.id, format: 'csv', data: bad });
    expect(maybe).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('Maybe') },
    });
  });

  it('signs off into a plan that is approved, applied and synced: the revoked roles are gone', async () => {
    const [c] = await ok<CampaignSummary[]>(b.invoke('reviews:list', { instanceId }));
    // Revoke one ordinary profile role too, so the plan changes a person's roles.
    const role = (await items(c!.id, { kinds: ['role'], decision: 'undecided', recommendation: 'keep' }, 1)).rows[0];
    if (role)
      await ok(
        b.invoke('reviews:decide', { campaignId: c!.id, itemIds: [role.id], decision: 'revoke', reason: 'Test' }),
      );
    const signed = await ok<SignOffResult>(b.invoke('reviews:signOff', { campaignId: c!.id }));
    expect(signed.campaign.state).toBe('signed_off');
    expect(signed.campaign.stageCounts.decided).toBe(signed.campaign.stageCounts.items);
    expect(signed.campaign.signOff!.defaulted).toBeGreaterThan(0);
    const revokedItems = (await items(c!.id, { decision: 'revoke' })).rows;
    expect(signed.plan!.operations + signed.campaign.signOff!.rejected.length).toBe(revokedItems.length);
    const late = await b.invoke('reviews:decide', { campaignId: c!.id, filter: {}, decision: 'keep' });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const planId = signed.plan!.id;
    await ok(b.invoke('plans:submit', { planId }));
    await ok(b.invoke('plans:approve', { planId }));
    const apply = await ok<JobInfo>(b.invoke('plans:apply', { planId }));
    expect((await b.services.jobs.wait(apply.id)).state).toBe('succeeded');
    await syncAndScan();
    for (const i of revokedItems.filter((x) => x.kind === 'role')) {
      const person = await ok<PersonDetail>(b.invoke('people:get', { instanceId, personId: i.personId }));
      expect(person.roles.map((r) => r.id)).not.toContain(i.roleId);
    }
    expect((await get(c!.id)).plan).toMatchObject({ id: planId, state: 'applied' });
  }, 240_000);

  it('reports as CSV and PDF with the audit trail head, recorded in the trail', async () => {
    const [c] = await ok<CampaignSummary[]>(b.invoke('reviews:list', { instanceId }));
    const head = b.services.db
      .prepare('SELECT hash FROM audit_trail ORDER BY seq DESC LIMIT 1')
      .pluck()
      .get() as string;
    const csv = await ok<DownloadFile>(b.invoke('reviews:report', { campaignId: c!.id, format: 'csv' }));
    expect(csv.data).toContain(`# Audit trail head: entry`);
    expect(csv.data).toContain(head);
    expect(csv.data).toMatch(/\nitem_id,stage,kind,/);
    expect(csv.data).toContain('applied and verified');
    const pdf = await ok<DownloadFile>(b.invoke('reviews:report', { campaignId: c!.id, format: 'pdf' }));
    const bytes = Buffer.from(pdf.data, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(5000);
    expect(trail('review.report_exported')).toBe(2);
  });

  it('keeps campaigns across a restart, starts the next quarter, and shows the AI record', async () => {
    await ok(b.invoke('settings:update', { administratorName: 'Ana Admin' }));
    const twoStages = await create({
      name: 'Quarterly privileged review',
      scope: {},
      itemKinds: ['role'],
      stages: [
        { name: 'Line managers', reviewers: 'managers' },
        { name: 'Administrator', reviewers: 'administrator' },
      ],
      defaultDecision: 'keep',
      recurrence: 'quarterly',
    });
    const firstRevoke = (await items(twoStages.id, { recommendation: 'revoke' }, 1)).rows[0]!;
    await ok(b.invoke('reviews:decide', { campaignId: twoStages.id, itemIds: [firstRevoke.id], decision: 'revoke' }));
    await b.close();
    b = await open();
    const reopened = await get(twoStages.id);
    expect(reopened).toMatchObject({ state: 'active', currentStage: 1, stageCounts: { decided: 1 } });

    const stage2 = await ok<CampaignDetail>(b.invoke('reviews:advanceStage', { campaignId: twoStages.id }));
    expect(stage2.currentStage).toBe(2);
    expect(stage2.stageCounts.items).toBe(reopened.stageCounts.items - 1);
    expect(stage2.stageCounts.decided).toBe(0);
    expect((await items(twoStages.id, { currentStage: false, decision: 'revoke' })).rows.map((i) => i.id)).toEqual([
      firstRevoke.id,
    ]);
    await ok(b.invoke('reviews:signOff', { campaignId: twoStages.id }));

    const early = await ok<CampaignSummary[]>(
      b.invoke('reviews:startDue', { instanceId, now: new Date().toISOString() }),
    );
    expect(early).toEqual([]);
    const later = new Date(Date.now() + 95 * 86_400_000).toISOString();
    const next = await ok<CampaignSummary[]>(b.invoke('reviews:startDue', { instanceId, now: later }));
    expect(next).toHaveLength(1);
    expect(next[0]).toMatchObject({
      seriesId: twoStages.seriesId,
      sequence: 2,
      state: 'active',
      recurrence: 'quarterly',
    });
    expect(next[0]!.name).toMatch(/^Quarterly privileged review · Q[1-4] \d{4}$/);
    expect(await ok<CampaignSummary[]>(b.invoke('reviews:startDue', { instanceId, now: later }))).toEqual([]);

    const record = await ok<AiRecord>(b.invoke('reviews:aiRecord', { instanceId }));
    expect(record.rates.some((r) => r.kind === 'review_role' && r.decided > 0)).toBe(true);
    expect(record.overrides.length).toBeGreaterThan(0);
    const sides = record.fairness.filter((g) => g.dimension === 'side').map((g) => g.group);
    expect(sides).toEqual(expect.arrayContaining(['Internal staff', 'External people']));
    expect(record.method).toContain('z-test');
  }, 180_000);
});
