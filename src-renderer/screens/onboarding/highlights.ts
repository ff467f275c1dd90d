/**
 * Where each field came from on the page: the source's own box (OCR words), else the union of the
 * boxes of the text items its character range covers (text PDFs, laid-out documents).
 */
import type { FieldSource, IntakeBox, OnboardingPage, Proposal } from '../../../src-preload/contract';

export interface Highlight {
  field: string;
  page: OnboardingPage;
  box: IntakeBox;
}

export function unionBox(boxes: IntakeBox[]): IntakeBox | null {
  if (boxes.length === 0) return null;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const r = Math.max(...boxes.map((b) => b.x + b.w));
  const b = Math.max(...boxes.map((k) => k.y + k.h));
  return { x, y, w: r - x, h: b - y };
}

export const pageKey = (p: { number: number; attachment?: string | undefined }) => `${p.attachment ?? ''}#${p.number}`;

export function pageOf(pages: OnboardingPage[], source: FieldSource): OnboardingPage | undefined {
  return pages.find((p) => p.number === source.page && (p.attachment ?? null) === (source.attachment ?? null));
}

export function boxOf(page: OnboardingPage, source: FieldSource): IntakeBox | null {
  if (source.box) return source.box;
  const covered = page.items.filter((i) => i.box && i.start < source.end && i.end > source.start);
  return unionBox(covered.map((i) => i.box!));
}

export function highlightsOf(proposal: Proposal, pages: OnboardingPage[]): Highlight[] {
  const out: Highlight[] = [];
  for (const [field, f] of Object.entries(proposal.fields)) {
    if (!f.source) continue;
    const page = pageOf(pages, f.source);
    const box = page ? boxOf(page, f.source) : null;
    if (page && box) out.push({ field, page, box });
  }
  return out;
}
