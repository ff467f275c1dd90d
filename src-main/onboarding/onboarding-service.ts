/**
 * Onboarding as a service: documents dropped together are read (intake) and each record becomes a
 * proposal kept in the queue (to review, plan created, dismissed) across restarts. The
 * administrator edits fields (typing, or clicking text on the page), links the person, chooses the
 * organization and accepts or declines each recommendation; the proposal becomes a draft plan
 * (origin 'onboarding') whose operations are signed 'ai' with their suggestion, each suggestion
 * decided with the operation it became. Approval and apply are the plan's own (review, policy,
 * journal): nothing is approved here.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {
  AddDocumentResult,
  IntakeRecord,
  IntakeResult,
  OnboardingDocument,
  OnboardingDocumentView,
  OnboardingPage,
  OnboardingPageImage,
  Proposal,
  ProposalState,
  ProposalSummary,
} from '../../src-preload/contract';
import { PROPOSAL_STATES } from '../../src-preload/contract';
import type { AiService } from '../ai/ai-service';
import type { DB } from '../db/open';
import { conflict, notFound } from '../errors/app-error';
import type { Logger } from '../log/logger';
import type { MirrorService } from '../mirror/mirror-service';
import type { MirrorPersonFields } from '../ai/resolve/mirror-records';
import { applyDecision, baseOf, type DecideInput } from './decide';
import { planFromProposal, rejectSuggestions } from './plan';
import { inlineMatching, type Matching } from './matching/matcher';
import { buildProposal, keptFields, withOperations, type ProposeDeps } from './proposal';
import { withLlmFields } from './llm-fields';
import {
  getDocument,
  getProposal,
  insertDocument,
  insertProposal,
  listProposals,
  planStateOf,
  saveProposal,
  type DocumentRow,
} from './proposals-store';

/** What onboarding needs of intake: reading a document, and (when intake keeps the bytes) a page image. */
export interface IntakeReader {
  read(input: { name: string; bytes: Uint8Array }): Promise<IntakeResult>;
  page?(documentId: string, page: number): Promise<{ png: string; width: number; height: number }>;
}

export interface OnboardingServiceDeps {
  db: DB;
  mirror: MirrorService;
  ai: Pick<AiService, 'resolve' | 'recommendRoles' | 'decide' | 'get' | 'record' | 'extractFields' | 'engineInUse'>;
  intake?: IntakeReader;
  logger?: Logger;
  /** Where people are matched (default: in this thread; the app passes the matching worker). */
  matching?: ProposeDeps['matching'];
  /** The administrator of an instance on this computer (the plan's author and the decider). */
  administrator: (instanceId: string) => string;
  /** Where the sample documents are (resources/intake-samples). */
  samplesDir?: string;
  now?: () => Date;
}

export interface OnboardingService {
  add(input: { instanceId: string; batchId: string; name: string; bytes: Uint8Array }): Promise<AddDocumentResult>;
  propose(instanceId: string, document: OnboardingDocument, batchId?: string): Promise<Proposal>;
  list(instanceId: string, states?: readonly ProposalState[]): ProposalSummary[];
  get(proposalId: string): Proposal;
  document(documentId: string): OnboardingDocumentView;
  page(input: { documentId: string; page: number; attachment?: string | undefined }): Promise<OnboardingPageImage>;
  decide(input: DecideInput & { proposalId: string }): Promise<Proposal>;
  createPlan(proposalId: string): { planId: string; proposal: Proposal };
  dismiss(proposalId: string, reason?: string): Proposal;
  reopen(proposalId: string): Promise<Proposal>;
  samples(): { name: string; bytes: number }[];
  sample(name: string): { name: string; base64: string };
  /** Stops the matching worker, when there is one. */
  close(): Promise<void>;
}

const SAMPLE_TYPES = /\.(pdf|png|jpe?g|tiff?|docx|eml|msg|txt|csv|xlsx)$/i;

/** What every part of the service shares. */
/** The deps as the parts use them: the matching cache is always there. */
type Deps = OnboardingServiceDeps & Required<Pick<OnboardingServiceDeps, 'matching'>>;

interface Ctx {
  deps: Deps;
  db: DB;
  now(): string;
  require(id: string): Proposal;
  requireDocument(id: string): DocumentRow;
  linkedOf(p: Proposal): MirrorPersonFields | null;
}

export function createOnboardingService(input: OnboardingServiceDeps): OnboardingService {
  const deps: Deps = { ...input, matching: input.matching ?? inlineMatching() };
  const { db } = deps;
  const ctx: Ctx = {
    deps,
    db,
    now: () => (deps.now?.() ?? new Date()).toISOString(),
    require(id) {
      const p = getProposal(db, id);
      if (!p) throw notFound(`Onboarding proposal ${id}`);
      return p;
    },
    requireDocument(id) {
      const d = getDocument(db, id);
      if (!d) throw notFound(`Onboarding document ${id}`);
      return d;
    },
    linkedOf: (p) =>
      p.resolution.personId === null
        ? null
        : (deps.mirror.peopleForMatching(p.instanceId).find((x) => x.id === p.resolution.personId) ?? null),
  };
  const samplesDir = deps.samplesDir ?? path.resolve('resources', 'intake-samples');
  return {
    ...queue(ctx),
    ...documents(ctx),
    ...review(ctx),
    samples: () => listSamples(samplesDir),
    close: async () => {
      const m = deps.matching as { close?: () => Promise<void> };
      await m.close?.();
    },
    sample(name) {
      const file = path.join(samplesDir, path.basename(name));
      if (!SAMPLE_TYPES.test(name) || !fs.existsSync(file)) throw notFound(`Sample ${name}`);
      return { name: path.basename(file), base64: fs.readFileSync(file).toString('base64') };
    },
  };
}

/** Documents in, proposals kept: the queue. */
function queue({ deps, db, now }: Ctx): Pick<OnboardingService, 'add' | 'propose' | 'list'> {
  const keepNew = (doc: DocumentRow, proposals: Proposal[]) => {
    const at = now();
    db.transaction(() => {
      insertDocument(db, { ...doc, createdAt: at });
      for (const p of proposals) insertProposal(db, p, at);
    })();
  };
  return {
    async add({ instanceId, batchId, name, bytes }) {
      if (!deps.intake) throw conflict('Intake is not available here.');
      deps.mirror.organizationsTree(instanceId); // an unknown instance is refused before anything is read
      const read = await deps.intake.read({ name, bytes });
      const doc = documentRow(instanceId, batchId, read);
      const records = read.records.length > 0 ? read.records : [{ fields: {} }];
      const matching = deps.matching(deps, instanceId);
      const proposals: Proposal[] = [];
      for (const [i, record] of records.entries())
        proposals.push(await proposeRecord(deps, instanceId, { doc, recordIndex: i, fields: record.fields }, matching));
      keepNew(doc, proposals);
      const summaries = listProposals(db, instanceId, PROPOSAL_STATES).filter((s) => s.documentId === doc.id);
      return { documentId: doc.id, file: doc.file, format: doc.format, proposals: summaries, warnings: doc.warnings };
    },
    async propose(instanceId, document, batchId) {
      const pages = (document as { pages?: OnboardingPage[] }).pages;
      const doc: DocumentRow = {
        id: randomUUID(),
        instanceId,
        batchId: batchId ?? randomUUID(),
        file: document.file,
        format: 'json',
        intakeDocumentId: null,
        pages: Array.isArray(pages) ? pages : [],
        warnings: [],
        createdAt: now(),
      };
      const record = { doc, recordIndex: 0, fields: document.fields };
      const proposal = await proposeRecord(deps, instanceId, record, deps.matching(deps, instanceId));
      keepNew(doc, [proposal]);
      return proposal;
    },
    list: (instanceId, states = PROPOSAL_STATES) => {
      deps.mirror.organizationsTree(instanceId);
      // The screen is open: the matching index is built now, not when the first document arrives.
      deps.matching
        .warm?.(deps, instanceId)
        .catch((error: unknown) => deps.logger?.warn('matching warm-up failed', { error }));
      return listProposals(db, instanceId, states);
    },
  };
}

/** A document's pages, and a page as an image when intake keeps the bytes. */
function documents({ deps, requireDocument }: Ctx): Pick<OnboardingService, 'document' | 'page'> {
  return {
    document(documentId) {
      const d = requireDocument(documentId);
      return {
        id: d.id,
        file: d.file,
        format: d.format,
        pages: d.pages,
        warnings: d.warnings,
        hasImages: d.intakeDocumentId !== null && deps.intake?.page !== undefined,
      };
    },
    async page({ documentId, page, attachment }) {
      const d = requireDocument(documentId);
      const stored = d.pages.find((x) => x.number === page && (x.attachment ?? null) === (attachment ?? null));
      if (!stored) throw notFound(`Page ${page} of ${d.file}`);
      const blank = { page, attachment: attachment ?? null, width: stored.width, height: stored.height, png: null };
      const source = stored.intakeDocumentId ?? d.intakeDocumentId;
      if (!source || !deps.intake?.page) return blank;
      const image = await deps.intake.page(source, page);
      return { ...blank, width: image.width, height: image.height, png: image.png };
    },
  };
}

/** The administrator's review: edits, the plan, dismissing and reopening. */
function review(ctx: Ctx): Pick<OnboardingService, 'get' | 'decide' | 'createPlan' | 'dismiss' | 'reopen'> {
  const { deps, db, now, require, linkedOf } = ctx;
  return {
    get: require,
    async decide({ proposalId, ...input }) {
      const p = require(proposalId);
      const decided = applyDecision(p, input);
      const next = decided.rebuild
        ? await buildProposal(deps, p.instanceId, decided.rebuild)
        : withOperations(decided.proposal, linkedOf(decided.proposal));
      saveProposal(db, next, now());
      return next;
    },
    createPlan(proposalId) {
      const p = require(proposalId);
      const out = planFromProposal(deps, p, linkedOf(p), deps.administrator(p.instanceId));
      saveProposal(db, out.proposal, now());
      return out;
    },
    dismiss(proposalId, reason) {
      const p = require(proposalId);
      if (p.state !== 'to_review')
        throw conflict(`Only a proposal under review can be dismissed; this one is ${p.state.replace('_', ' ')}.`);
      const by = deps.administrator(p.instanceId);
      rejectSuggestions(deps, p, by);
      const next: Proposal = {
        ...p,
        state: 'dismissed',
        dismissedReason: reason?.trim() || 'Dismissed without a reason.',
      };
      saveProposal(db, next, now(), by);
      return next;
    },
    async reopen(proposalId) {
      const p = require(proposalId);
      if (p.state === 'to_review') return p;
      const plan = p.planId ? planStateOf(db, p.planId) : undefined;
      if (p.state === 'planned' && plan !== undefined && plan !== 'discarded')
        throw conflict('Its plan is still open: discard the plan first to review the proposal again.');
      // Rebuilt against today's mirror, with new suggestions: the earlier ones were decided.
      const next = await buildProposal(deps, p.instanceId, {
        ...baseOf(p),
        extractionSuggestionId: recordExtraction(deps, p.instanceId, p.file, p.fields),
      });
      saveProposal(db, next, now());
      return next;
    },
  };
}

/** What is kept of a read document: its pages (and its attachments' pages), never its bytes. */
function documentRow(instanceId: string, batchId: string, read: IntakeResult): DocumentRow {
  const pages: OnboardingPage[] = [
    ...read.pages.map((pg) => ({ ...pg, intakeDocumentId: read.documentId })),
    ...(read.attachments ?? []).flatMap((a) =>
      a.pages.map((pg) => ({ ...pg, attachment: a.file, intakeDocumentId: a.documentId })),
    ),
  ];
  return {
    id: randomUUID(),
    instanceId,
    batchId,
    file: read.file,
    format: read.format,
    intakeDocumentId: read.documentId,
    pages,
    warnings: read.warnings,
    createdAt: '',
  };
}

/** The fields as intake read them, recorded as a suggestion of its own (decided when the proposal is). */
function recordExtraction(
  deps: Pick<OnboardingServiceDeps, 'ai'>,
  instanceId: string,
  file: string,
  fields: Proposal['fields'],
): string {
  const values = Object.fromEntries(
    Object.entries(fields).map(([k, f]) => [k, { value: f.value, confidence: f.confidence }]),
  );
  const confidences = Object.values(fields).map((f) => f.confidence);
  const mean = confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : 0;
  return deps.ai.record(
    'extract_fields',
    {
      input: { file, fields: Object.keys(fields).sort() },
      output: { fields: values },
      confidence: mean,
      explanation: `${Object.keys(fields).length} fields read from ${file}.`,
      model: 'intake',
    },
    { instanceId },
  ).id;
}

async function proposeRecord(
  deps: OnboardingServiceDeps,
  instanceId: string,
  r: { doc: DocumentRow; recordIndex: number; fields: OnboardingDocument['fields'] | IntakeRecord['fields'] },
  matching: Matching,
): Promise<Proposal> {
  const read = keptFields({ fields: r.fields as OnboardingDocument['fields'] });
  // A list's row is its own record: the LLM reads whole documents (a form, a letter, an e-mail).
  const whole = !['csv', 'xlsx', 'json'].includes(r.doc.format);
  const fields = whole ? (await withLlmFields(deps.ai, instanceId, r.doc.pages, read)).fields : read;
  return buildProposal(
    deps,
    instanceId,
    {
      extractionSuggestionId: recordExtraction(deps, instanceId, r.doc.file, fields),
      documentId: r.doc.id,
      recordIndex: r.recordIndex,
      file: r.doc.file,
      fields,
    },
    matching,
  );
}

function listSamples(dir: string): { name: string; bytes: number }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => SAMPLE_TYPES.test(n))
    .sort()
    .map((name) => ({ name, bytes: fs.statSync(path.join(dir, name)).size }));
}
