/**
 * What a letter's signature says about the new person: everything, when the writer asks for
 * themself; their name as the manager, when the new person will report to the writer; otherwise
 * nothing (the writer is the requester).
 */
import type { IntakePage, IntakeRecord } from '../../../src-preload/contract';
import { put, type ReadContext } from './extract-fields';
import { splitName } from './normalize';
import { findSignature, reportsToWriter, writesAboutSelf } from './signature';

type Fields = IntakeRecord['fields'];
/** A signature is a weaker source than a form: the block is found by its shape. */
const SIGNATURE = 0.8;

export function signatureFields(pages: IntakePage[], fields: Fields, ctx: ReadContext) {
  const page = pages[pages.length - 1];
  const sig = page ? findSignature(page) : null;
  if (!sig?.name) return;
  const text = pages.map((p) => p.text).join('\n');
  const at = (l: { start: number }) => ({ page: sig.page, start: l.start });
  if (writesAboutSelf(text)) {
    const split = splitName(sig.name.text);
    if (split && !fields.firstName && !fields.lastName) {
      put(fields, 'firstName', split.first, at(sig.name), SIGNATURE, ctx);
      put(
        fields,
        'lastName',
        split.last,
        { page: sig.page, start: sig.name.start + sig.name.text.lastIndexOf(split.last) },
        SIGNATURE,
        ctx,
      );
    }
    if (sig.title) put(fields, 'title', sig.title.text, at(sig.title), SIGNATURE, ctx);
    if (sig.organization)
      put(fields, 'organization', sig.organization.text, at(sig.organization), SIGNATURE * 0.9, ctx);
    if (sig.phone) put(fields, 'phone', sig.phone.text, at(sig.phone), SIGNATURE, ctx);
    if (sig.email) put(fields, 'email', sig.email.text, at(sig.email), SIGNATURE, ctx);
  } else if (reportsToWriter(text)) {
    put(fields, 'managerName', sig.name.text, at(sig.name), SIGNATURE, ctx);
  }
}
