/**
 * The onboarding queue on real documents (read by the real intake, kept by it) against a mirror
 * synced from the sandbox over HTTP: a drop of several documents, one proposal per record, kept
 * across a restart; the pages with their item boxes for the highlights and a page image through
 * intake; click-to-assign keeps where the value came from; dismiss, reopen, plan; a new
 * organization planned before the person; a document that cannot be read keeps nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAiService } from '../ai/ai-service';
import { openDatabase } from '../db/open';
import { createInstancesService } from '../instances/instances-service';
import { createIntakeService, type IntakeService } from '../intake/intake-service';
import { pdfOf } from '../intake/test-support/documents';
import { createMirrorService } from '../mirror/mirror-service';
import { discardPlan, getPlan } from '../plans';
import { mirroredSandbox } from '../plans/test-support/fixture';
import type { SandboxHandle } from '../smartsimple/sandbox';
import { useTempDirs } from '../test-support/temp-dir';
import { createOnboardingService } from './onboarding-service';

const tempDir = useTempDirs();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

async function setup() {
  const dir = tempDir();
  const m = await mirroredSandbox(dir);
  const intake = createIntakeService({ db: m.db, blobDir: path.join(dir, 'intake') });
  closers.push(
    () => m.sb.close(),
    () => intake.close(),
  );
  const service = (db = m.db, i: IntakeService = intake) => {
    const mirror = createMirrorService({ db, instances: createInstancesService({ db }) });
    return createOnboardingService({ db, mirror, ai: createAiService({ db }), intake: i, administrator: () => 'ana' });
  };
  const ai = createAiService({ db: m.db });
  return { ...m, dir, intake, onboarding: service(), service, ai: (id: string) => ai.get(id) };
}

/** A one-page intake form as an organization would send it. */
function formPdf(rows: [string, string][]) {
  return pdfOf({
    content: [
      { text: 'New user request', fontSize: 16, margin: [0, 0, 0, 12] },
      { table: { widths: [150, 300], body: rows } },
      { text: 'Thank you.', margin: [0, 12, 0, 0] },
    ],
  });
}

const existingPerson = (sb: SandboxHandle) =>
  sb.state.data.people.find((p) => !p.deleted && p.title && p.email.includes('@'))!;

// Real documents, a real page rendering and the mirror's index: slower than the default 30 s under load.
describe('the onboarding queue', { timeout: 120_000 }, () => {
  it('keeps one proposal per record of a drop across a restart, with the pages for the highlights', async () => {
    const m = await setup();
    const bytes = await formPdf([
      ['Given name(s)', 'Marisol'],
      ['Family name', 'Quenneville'],
      ['Work e-mail', 'marisol.quenneville@harbourlight.example'],
      ['Position', 'Grants Coordinator'],
    ]);
    const csv = new TextEncoder().encode(
      'First name,Surname,Email\nAiko,Tanaka,aiko.t@x.example\nLuc,Dubois,luc.d@x.example\n',
    );
    const pdf = await m.onboarding.add({ instanceId: m.instanceId, batchId: 'drop-1', name: 'form.pdf', bytes });
    const list = await m.onboarding.add({ instanceId: m.instanceId, batchId: 'drop-1', name: 'list.csv', bytes: csv });
    expect(pdf.proposals.map((p) => p.title)).toEqual(['Marisol Quenneville']);
    expect(list.proposals.map((p) => [p.recordIndex, p.title])).toEqual([
      [0, 'Aiko Tanaka'],
      [1, 'Luc Dubois'],
    ]);

    // A restart: a new database connection and new services over the same file.
    const { db } = openDatabase(path.join(m.dir, 'app.sqlite'));
    closers.push(async () => {
      db.close();
    });
    const again = m.service(db);
    const queue = again.list(m.instanceId);
    expect(queue.map((q) => [q.batchId, q.title, q.state])).toEqual([
      ['drop-1', 'Marisol Quenneville', 'to_review'],
      ['drop-1', 'Aiko Tanaka', 'to_review'],
      ['drop-1', 'Luc Dubois', 'to_review'],
    ]);
    const proposal = again.get(queue[0]!.id);
    const doc = again.document(proposal.documentId);
    expect(doc).toMatchObject({ file: 'form.pdf', format: 'pdf', hasImages: true });
    // The source of a field is a range of the page text and a box inside the page.
    const src = proposal.fields.lastName!.source!;
    const page = doc.pages.find((p) => p.number === src.page)!;
    expect(page.text.slice(src.start, src.end)).toBe('Quenneville');
    expect(src.box!.x + src.box!.w).toBeLessThanOrEqual(page.width);
    expect(page.items.some((i) => i.str.includes('Quenneville') && i.box)).toBe(true);
    const image = await again.page({ documentId: doc.id, page: 1 });
    expect(image).toMatchObject({ width: page.width, height: page.height });
    expect(Buffer.from(image.png!, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('a document that cannot be read (damaged, password-protected) is refused and keeps nothing', async () => {
    const m = await setup();
    const count = () => m.db.prepare('SELECT COUNT(*) FROM onboarding_proposals').pluck().get();
    await expect(
      m.onboarding.add({
        instanceId: m.instanceId,
        batchId: 'b',
        name: 'broken.pdf',
        bytes: new TextEncoder().encode('%PDF-1.7\n garbage'),
      }),
    ).rejects.toThrow(/not a readable PDF/);
    const locked = fs.readFileSync(
      path.join(import.meta.dirname, '../intake/test-support/fixtures/password-protected.pdf'),
    );
    await expect(
      m.onboarding.add({ instanceId: m.instanceId, batchId: 'b', name: 'locked.pdf', bytes: locked }),
    ).rejects.toThrow('locked.pdf: This PDF is password-protected. Save an unprotected copy and drop that.');
    expect(m.db.prepare('SELECT COUNT(*) FROM intake_documents').pluck().get()).toBe(0);
    expect(count()).toBe(0);
    expect(m.db.prepare('SELECT COUNT(*) FROM onboarding_documents').pluck().get()).toBe(0);
  });

  it('click-to-assign keeps the clicked source; dismiss rejects its suggestions; reopen reviews it afresh', async () => {
    const m = await setup();
    const bytes = await formPdf([
      ['Given name(s)', 'Odalys'],
      ['Family name', 'Breckenridge'],
      ['Work e-mail', 'odalys.b@example.org'],
      ['Phone', 'call reception'],
    ]);
    const added = await m.onboarding.add({ instanceId: m.instanceId, batchId: 'b', name: 'form.pdf', bytes });
    const p = m.onboarding.get(added.proposals[0]!.id);
    const doc = m.onboarding.document(p.documentId);
    const item = doc.pages[0]!.items.find((i) => i.str.includes('Breckenridge'))!;
    const source = { page: 1, start: item.start, end: item.end, ...(item.box ? { box: item.box } : {}) };
    const edited = await m.onboarding.decide({
      proposalId: p.id,
      fields: { title: item.str },
      sources: { title: source },
    });
    expect(edited.fields.title).toEqual({ value: item.str, confidence: 1, source, edited: true });

    const dismissed = m.onboarding.dismiss(p.id, 'Already has an account under another e-mail');
    expect(dismissed).toMatchObject({
      state: 'dismissed',
      dismissedReason: 'Already has an account under another e-mail',
    });
    for (const id of [p.extractionSuggestionId!, edited.resolution.suggestionId])
      expect(m.ai(id)).toMatchObject({ decision: 'rejected', decidedBy: 'ana' });
    await expect(m.onboarding.decide({ proposalId: p.id, acceptRecommended: true })).rejects.toThrow(/reopen it first/);
    expect(m.onboarding.list(m.instanceId, ['dismissed']).map((q) => q.dismissedReason)).toEqual([
      'Already has an account under another e-mail',
    ]);

    const reopened = await m.onboarding.reopen(p.id);
    expect(reopened.state).toBe('to_review');
    expect(reopened.fields.title!.edited).toBe(true);
    expect(reopened.resolution.suggestionId).not.toBe(edited.resolution.suggestionId);
    expect(m.ai(reopened.extractionSuggestionId!).decision).toBeNull();
  });

  it('plans a new organization before the person, and reopens a proposal whose plan was discarded', async () => {
    const m = await setup();
    const bytes = await formPdf([
      ['Given name(s)', 'Tobiah'],
      ['Family name', 'Wexford-Lindqvist'],
      ['Work e-mail', 'tobiah@quillmere-trust.example'],
      ['Organization', 'Quillmere Heritage Trust'],
    ]);
    const added = await m.onboarding.add({ instanceId: m.instanceId, batchId: 'b', name: 'form.pdf', bytes });
    const p = m.onboarding.get(added.proposals[0]!.id);
    expect(p.organization).toMatchObject({
      outcome: 'new',
      name: 'Quillmere Heritage Trust',
      isExternal: true,
      create: true,
    });
    expect(p.organization.proposedParent).not.toBeNull();
    expect(p.operations.map((o) => o.kind)).toEqual(['create_organization', 'create_person']);
    const { planId } = m.onboarding.createPlan(p.id);
    const plan = getPlan(m.db, planId);
    expect(plan.operations.map((o) => [o.kind, o.params.newOrganization ?? o.after['sf_Name']])).toEqual([
      ['create_organization', 'Quillmere Heritage Trust'],
      ['create_person', 'Quillmere Heritage Trust'],
    ]);
    expect(m.ai(p.organization.suggestionId!)).toMatchObject({
      decision: 'accepted',
      operationId: plan.operations[0]!.id,
    });
    expect(m.onboarding.list(m.instanceId, ['planned'])[0]).toMatchObject({ planId, planState: 'draft' });
    await expect(m.onboarding.reopen(p.id)).rejects.toThrow(/discard the plan first/);
    discardPlan(m.db, { planId, actor: 'ana', reason: 'wrong parent' });
    expect((await m.onboarding.reopen(p.id)).state).toBe('to_review');
  });

  it('the administrator chooses the organization: an existing one, or a new one whose side must fit its parent', async () => {
    const m = await setup();
    const person = existingPerson(m.sb);
    const internal = m.sb.state.data.companies.find((c) => !c.isExternal && c.parentId !== null && !c.deleted)!;
    const bytes = await formPdf([
      ['Given name(s)', 'Ysolde'],
      ['Family name', 'Achterberg'],
      ['Work e-mail', 'ysolde.a@elsewhere.example'],
      ['Organization', 'Somewhere Unknown Ltd'],
    ]);
    const added = await m.onboarding.add({ instanceId: m.instanceId, batchId: 'b', name: 'form.pdf', bytes });
    const id = added.proposals[0]!.id;
    await expect(
      m.onboarding.decide({
        proposalId: id,
        organization: { kind: 'new', name: 'Inner Unit', parentId: internal.id, isExternal: true },
      }),
    ).rejects.toThrow(`${internal.name} is internal: an organization under it is internal too.`);
    const chosen = await m.onboarding.decide({
      proposalId: id,
      organization: { kind: 'existing', organizationId: person.companyId },
    });
    expect(chosen.organization).toMatchObject({
      outcome: 'existing',
      organizationId: person.companyId,
      decidedBy: 'administrator',
    });
    expect(chosen.operations.map((o) => o.kind)).toEqual(['create_person']);
    // A later edit elsewhere keeps the choice; editing the organization's name gives it back to the engine.
    const kept = await m.onboarding.decide({ proposalId: id, fields: { title: 'Analyst' } });
    expect(kept.organization.decidedBy).toBe('administrator');
    const reset = await m.onboarding.decide({ proposalId: id, fields: { organization: 'Another Unknown Org' } });
    expect(reset.organization).toMatchObject({ decidedBy: 'engine', outcome: 'new' });
  });
});
