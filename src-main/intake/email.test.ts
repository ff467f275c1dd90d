/** E-mails (.eml and Outlook .msg) with their attachments read in turn, headers and signatures weighed. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { createIntakeService } from './intake-service';
import { docxOf, emlOf, msgOf } from './test-support/documents';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-mail-'));
const { db } = openDatabase(path.join(dir, 'admin-desk.sqlite'));
const intake = createIntakeService({ db, blobDir: path.join(dir, 'intake') });
afterAll(async () => {
  await intake.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const REQUEST = {
  from: 'Priya Raman <priya.raman@northwind.example.org>',
  to: 'it-helpdesk@northwind.example.org',
  subject: 'New starter: account needed',
  date: 'Mon, 07 Dec 2026 09:12:00 +0000',
  body: [
    'Hello,',
    '',
    'Please set up an account for our new Grants Coordinator, Tomasz Wiśniewski, who starts on 4 January 2027.',
    'He will report to me. His details are in the attached form.',
    '',
    'Kind regards,',
    'Priya Raman',
    'Director of Programs',
    'Northwind Foundation',
    '+1 416 555 0199',
  ].join('\n'),
};

describe('e-mail intake', () => {
  it('reads an .eml: body prose, the attached form (source names it), the manager from the signature, not the sender as the new person', async () => {
    const form = await docxOf([
      { heading: 'New user form' },
      {
        table: [
          ['Given name(s)', 'Tomasz'],
          ['Family name', 'Wiśniewski'],
          ['Work e-mail', 't.wisniewski@northwind.example.org'],
          ['Employee number', 'NW-20431'],
        ],
      },
    ]);
    const eml = emlOf({
      ...REQUEST,
      attachments: [
        {
          name: 'new-user-form.docx',
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          bytes: form,
        },
      ],
    });
    const r = await intake.read({ name: 'request.eml', bytes: eml });
    expect(r.format).toBe('eml');
    expect(r.attachments?.map((a) => [a.file, a.format])).toEqual([['new-user-form.docx', 'docx']]);
    expect(r.fields.firstName?.value).toBe('Tomasz');
    expect(r.fields.lastName?.value).toBe('Wiśniewski');
    expect(r.fields.email?.value).toBe('t.wisniewski@northwind.example.org');
    expect(r.fields.email?.source?.attachment).toBe('new-user-form.docx');
    expect(r.fields.employeeNumber?.value).toBe('NW-20431');
    expect(r.fields.title?.value).toBe('Grants Coordinator');
    expect(r.fields.title?.source?.attachment).toBeUndefined();
    expect(r.fields.startDate?.value).toBe('2027-01-04');
    expect(r.fields.managerName?.value).toBe('Priya Raman');
    // The attachment is a stored document of its own.
    expect(intake.document(r.attachments![0]!.documentId).format).toBe('docx');
  }, 60_000);

  it('never takes the sender for the new person in a request made for someone else', async () => {
    const r = await intake.read({ name: 'plain.eml', bytes: emlOf(REQUEST) });
    expect(r.fields.email).toBeUndefined();
    expect(r.fields.firstName?.value).toBe('Tomasz');
    expect(r.fields.phone).toBeUndefined();
  });

  it('takes the sender and signature as the new person when they write about themself', async () => {
    const r = await intake.read({
      name: 'self.eml',
      bytes: emlOf({
        from: 'Aroha Ngata <aroha.ngata@kiwigrants.example.nz>',
        to: 'support@example.org',
        subject: 'Access please',
        date: 'Tue, 08 Dec 2026 10:00:00 +1300',
        body: 'Hi,\n\nI am joining the Pacific Arts programme as a reviewer next month and need an account.\n\nThanks,\nAroha Ngata\nProgramme Reviewer\nKiwi Grants Trust\n+64 9 555 0143\n',
      }),
    });
    expect(r.fields.firstName?.value).toBe('Aroha');
    expect(r.fields.lastName?.value).toBe('Ngata');
    expect(r.fields.email?.value).toBe('aroha.ngata@kiwigrants.example.nz');
    expect(r.fields.phone?.value).toBe('+6495550143');
    expect(r.fields.title?.value).toBe('Programme Reviewer');
    expect(r.fields.organization?.value).toBe('Kiwi Grants Trust');
  });

  it('reads an Outlook .msg the same way, its attachment in turn', async () => {
    const csv = new TextEncoder().encode(
      'First name,Last name,Email\nLena,Fischer,lena.fischer@example.de\nOmar,Haddad,omar.haddad@example.jo\n',
    );
    const msg = await msgOf({
      ...REQUEST,
      fromName: 'Priya Raman',
      fromAddress: 'priya.raman@northwind.example.org',
      body: 'Please onboard the two reviewers in the attached list.\n\nThanks,\nPriya',
      attachments: [{ name: 'reviewers.csv', type: 'text/csv', bytes: csv }],
    });
    const r = await intake.read({ name: 'reviewers.msg', bytes: msg });
    expect(r.format).toBe('msg');
    expect(r.pages[0]!.text).toContain('Subject: New starter: account needed');
    expect(r.records.map((x) => x.fields.email?.value)).toEqual(['lena.fischer@example.de', 'omar.haddad@example.jo']);
    expect(r.records[1]!.fields.lastName?.source?.attachment).toBe('reviewers.csv');
  });

  it('refuses a damaged .msg with a plain message', async () => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(intake.read({ name: 'broken.msg', bytes })).rejects.toThrow(/not a readable Outlook message/);
  });
});
