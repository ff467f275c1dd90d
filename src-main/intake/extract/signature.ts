/**
 * The signature block of a letter or e-mail: the lines after the closing ("Kind regards", "Best",
 * "Sincerely", "--"): a name, then a title, an organization, a phone, an e-mail. The writer is
 * usually the one asking for the account, not the new person: callers decide what it is evidence
 * of (`writesAboutSelf`).
 */
import type { IntakePage } from '../../../src-preload/contract';
import { looksLikeTitle } from './title-words';

export interface SignatureLine {
  text: string;
  start: number;
}
export interface Signature {
  page: IntakePage;
  name?: SignatureLine;
  title?: SignatureLine;
  organization?: SignatureLine;
  phone?: SignatureLine;
  email?: SignatureLine;
}

const CLOSING =
  /^(?:(?:with\s+)?(?:kind|best|warm|many)?\s*(?:regards|wishes|thanks)|thanks(?: again| so much)?|thank you|sincerely|yours(?: sincerely| faithfully| truly)?|cheers|best|respectfully|cordialement|--)\s*[,.!]?\s*$/i;
const PERSON =
  /^(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?\s+)?\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}(?:,\s*\p{Lu}[\p{L}.]+)?$/u;
const PHONE_LINE =
  /^(?:(?:t|tel|phone|mobile|m|cell|direct|office)\.?\s*[:.]?\s*)?(\+?[\d ().-]{7,20}\d)(?:\s*(?:x|ext\.?)\s*\d+)?$/i;
const EMAIL_LINE = /^(?:e-?mail\s*[:.]?\s*)?([A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})$/i;

export function findSignature(page: IntakePage): Signature | null {
  const lines: SignatureLine[] = [];
  let at = 0;
  for (const raw of page.text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    lines.push({ text: raw.trim(), start: at + lead });
    at += raw.length + 1;
  }
  // The last closing in the text: quoted replies and forwarded parts come after the signature.
  let close = -1;
  for (let i = 0; i < lines.length; i++) if (CLOSING.test(lines[i]!.text)) close = i;
  if (close < 0) return null;
  const block = lines.slice(close + 1).filter((l) => l.text);
  const sig: Signature = { page };
  for (const line of block.slice(0, 7)) {
    if (/^(?:from|sent|to|subject|on .* wrote):?/i.test(line.text)) break;
    const phone = PHONE_LINE.exec(line.text);
    const email = EMAIL_LINE.exec(line.text);
    if (email) sig.email ??= { text: email[1]!, start: line.start + line.text.indexOf(email[1]!) };
    else if (phone) sig.phone ??= { text: phone[1]!, start: line.start + line.text.indexOf(phone[1]!) };
    else if (!sig.name && PERSON.test(line.text) && !looksLikeTitle(line.text)) sig.name = line;
    else if (sig.name && !sig.title && looksLikeTitle(line.text)) sig.title = line;
    else if (sig.name && !sig.organization && /\p{Lu}/u.test(line.text) && !/\d{3}/.test(line.text))
      sig.organization = line;
  }
  return sig.name ? sig : null;
}

/** The writer speaks of themself as the one who needs the account ("I will be joining", "my account"). */
export function writesAboutSelf(raw: string): boolean {
  const text = raw.replace(/\s+/g, ' ');
  return /\b(?:I am|I'm|I will be|I'll be|I have been|I've been|I)\s+(?:\w+\s+){0,3}(?:join(?:ing|ed)?|start(?:ing|ed)?|hired|appointed|new)\b|\bmy (?:new )?(?:account|access|login|user(?:name)?)\b/i.test(
    text,
  );
}

/** The writer is the new person's manager ("she will report to me"). */
export function reportsToWriter(raw: string): boolean {
  const text = raw.replace(/\s+/g, ' ');
  return /\breport(?:s|ing)? (?:directly )?to me\b|\bin my team\b|\bjoin(?:s|ing)? my team\b/i.test(text);
}
