/**
 * E-mail: `.eml` (postal-mime) and Outlook `.msg` (@kenjiuno/msgreader) to one page of text (the
 * headers that matter, then the body) and the attachments to read in turn. The headers are kept
 * as text so a field taken from them has a place on the page like any other.
 */
import { AppError } from '../../errors/app-error';
import { htmlToText } from './office';

export interface Mail {
  from: { name: string; address: string } | null;
  to: string;
  date: string | null;
  subject: string;
  body: string;
  attachments: { name: string; bytes: Uint8Array }[];
}

/** The page an e-mail is shown as: its headers (with their labels), a blank line, the body. */
export function mailText(mail: Mail): string {
  const from = mail.from ? (mail.from.name ? `${mail.from.name} <${mail.from.address}>` : mail.from.address) : '';
  const head = [
    from && `From: ${from}`,
    mail.to && `To: ${mail.to}`,
    mail.date && `Sent: ${mail.date}`,
    `Subject: ${mail.subject}`,
  ].filter(Boolean);
  const names = mail.attachments.map((a) => a.name).join('; ');
  return `${head.join('\n')}${names ? `\nAttachments: ${names}` : ''}\n\n${mail.body.replace(/\r\n?/g, '\n').trim()}\n`;
}

const MAX_ATTACHMENTS = 10;

export async function readEml(name: string, bytes: Uint8Array): Promise<Mail> {
  const { default: PostalMime } = await import('postal-mime');
  let email;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  } catch {
    throw new AppError('VALIDATION', `${name} is not a readable e-mail (.eml). Save it again from the mail program.`);
  }
  const body = email.text?.trim() ? email.text : email.html ? htmlToText(email.html) : '';
  return {
    from:
      email.from && 'address' in email.from ? { name: email.from.name ?? '', address: email.from.address ?? '' } : null,
    to: (email.to ?? []).map((a) => ('address' in a ? a.address : a.name)).join(', '),
    date: email.date ?? null,
    subject: email.subject ?? '',
    body,
    attachments: (email.attachments ?? [])
      .filter((a) => a.disposition !== 'inline' || a.filename)
      .slice(0, MAX_ATTACHMENTS)
      .map((a, i) => ({
        name: a.filename || `attachment-${i + 1}`,
        bytes: typeof a.content === 'string' ? new TextEncoder().encode(a.content) : new Uint8Array(a.content),
      })),
  };
}

export async function readMsg(name: string, bytes: Uint8Array): Promise<Mail> {
  const { default: MsgReader } = await import('@kenjiuno/msgreader');
  let reader;
  let data;
  try {
    reader = new MsgReader(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    data = reader.getFileData();
  } catch {
    throw new AppError('VALIDATION', `${name} is not a readable Outlook message (.msg). Save it again from Outlook.`);
  }
  if (data.error || (!data.subject && !data.body && !data.senderEmail && !data.attachments?.length))
    throw new AppError('VALIDATION', `${name} is not a readable Outlook message (.msg). Save it again from Outlook.`);
  const address = data.senderSmtpAddress || data.senderEmail || data.creatorSMTPAddress || '';
  const attachments = (data.attachments ?? []).slice(0, MAX_ATTACHMENTS).flatMap((a, i) => {
    if (a.innerMsgContent) return [];
    const got = reader.getAttachment(a);
    return [{ name: got.fileName || `attachment-${i + 1}`, bytes: new Uint8Array(got.content) }];
  });
  return {
    from: address || data.senderName ? { name: data.senderName ?? '', address } : null,
    to: (data.recipients ?? []).map((r) => r.smtpAddress || r.email || r.name || '').join(', '),
    date: data.clientSubmitTime ?? data.messageDeliveryTime ?? null,
    subject: data.subject ?? '',
    body: data.body?.trim() ? data.body : data.bodyHtml ? htmlToText(data.bodyHtml) : '',
    attachments,
  };
}
