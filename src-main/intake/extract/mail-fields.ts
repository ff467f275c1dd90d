/**
 * The fields of an e-mail: what its body states, what its attachments state (each source says
 * which attachment), and its headers and signature only where they describe the new person. The
 * sender is usually the one asking for the account: the From line becomes the new person's name
 * and e-mail only when the writer asks for themself.
 */
import type { IntakeField, IntakeMapping, IntakePage, IntakeRecord } from '../../../src-preload/contract';
import type { Mail } from '../read/email';
import type { Read } from '../read/read-document';
import { extractFields, put } from './extract-fields';
import { splitName } from './normalize';
import { writesAboutSelf } from './signature';

type Fields = IntakeRecord['fields'];

const fromAttachment = (fields: Fields, attachment: string): Fields =>
  Object.fromEntries(
    (Object.entries(fields) as [string, IntakeField][]).map(([k, f]) => [
      k,
      { ...f, source: f.source ? { ...f.source, attachment } : null },
    ]),
  ) as Fields;

export function mailFields(
  mail: Mail,
  page: IntakePage,
  attachments: Read[],
  mappings: IntakeMapping[],
): { records: IntakeRecord[]; warnings: string[] } {
  // A list attached ("the 12 reviewers are in the sheet"): one record a row, as the list reads.
  const list = attachments.find((a) => a.records.length > 1);
  if (list)
    return { records: list.records.map((r) => ({ fields: fromAttachment(r.fields, list.name) })), warnings: [] };
  const reference =
    mail.date && !Number.isNaN(Date.parse(mail.date)) ? new Date(mail.date).toISOString().slice(0, 10) : null;
  const body = extractFields([page], mappings, { skipLines: headerLines(page), reference });
  const fields: Fields = { ...body.fields };
  const self = writesAboutSelf(mail.body);
  // The sender's address, picked up as loose evidence in a request made for someone else, is the requester's.
  if (!self && mail.from && fields.email?.value === mail.from.address.toLowerCase() && fields.email.confidence < 0.6)
    delete fields.email;
  for (const a of attachments) {
    for (const [k, f] of Object.entries(fromAttachment(a.records[0]?.fields ?? {}, a.name)) as [
      string,
      IntakeField,
    ][]) {
      const had = fields[k as keyof Fields];
      if (!had || had.confidence < f.confidence) fields[k as keyof Fields] = f;
    }
  }
  if (self && mail.from) fromHeader(fields, mail.from, page);
  return { records: [{ fields }], warnings: body.warnings };
}

function headerLines(page: IntakePage): number {
  return page.text.split('\n').findIndex((l) => l.trim() === '');
}

/** The From line as the new person's own name and address (the writer asks for themself). */
function fromHeader(fields: Fields, from: { name: string; address: string }, page: IntakePage) {
  const line = page.text.indexOf('From: ');
  if (line < 0) return;
  const split = from.name ? splitName(from.name) : null;
  if (split && !fields.firstName && !fields.lastName) {
    put(fields, 'firstName', split.first, { page, start: line }, 0.7);
    put(fields, 'lastName', split.last, { page, start: line + 6 + from.name.lastIndexOf(split.last) }, 0.7);
  }
  if (from.address) put(fields, 'email', from.address, { page, start: line }, 0.75);
}
