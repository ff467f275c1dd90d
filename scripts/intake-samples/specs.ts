/**
 * The sample documents: what each says and how it is drawn, with the fields a careful reader
 * takes from it (its .expected.json). Names, organizations and addresses are made up.
 */
import ExcelJS from 'exceljs';
import {
  docxOf,
  emlOf,
  jpegOf,
  msgOf,
  pdfOf,
  pngOf,
  scanOf,
  scannedPdfOf,
  tiffOf,
  type ScanOptions,
} from '../../src-main/intake/test-support/documents';
import { aboveForm, headerRowForm, letter, lineForm, tableForm } from './layouts';

export type Expected = Record<string, string | string[]>;
export interface Sample {
  file: string;
  /** What it is, for the bench's table. */
  kind: 'text-pdf' | 'scan' | 'docx' | 'email' | 'list' | 'text';
  make(): Promise<Uint8Array>;
  expected: { fields?: Expected; records?: Expected[] };
}

const pdf = (definition: Record<string, unknown>) => () => pdfOf(definition);
const scan =
  (definition: Record<string, unknown>, options: ScanOptions, encode: 'png' | 'jpeg' | 'tiff' | 'pdf') => async () => {
    const page = await scanOf(await pdfOf(definition), options);
    return encode === 'png'
      ? pngOf(page)
      : encode === 'jpeg'
        ? jpegOf(page, 62)
        : encode === 'tiff'
          ? tiffOf(page)
          : scannedPdfOf([page]);
  };

// ---------- the documents' words ----------

const okafor = {
  rows: [
    ['Given name(s)', 'Amara'],
    ['Family name', 'Okafor'],
    ['Work e-mail', 'amara.okafor@riverbend-arts.example.org'],
    ['Position', 'Senior Program Officer'],
    ['Organisation', 'Riverbend Arts Council'],
    ['Department', 'Grants and Programs'],
    ['Start date', '11/01/2027'],
    ['Reports to', 'Dr. Helen Marsh'],
    ['Telephone', '+44 20 7946 0321'],
  ] as [string, string][],
  expected: {
    firstName: 'Amara',
    lastName: 'Okafor',
    email: 'amara.okafor@riverbend-arts.example.org',
    title: 'Senior Program Officer',
    organization: 'Riverbend Arts Council',
    department: 'Grants and Programs',
    startDate: '2027-01-11',
    managerName: 'Helen Marsh',
    phone: '+442079460321',
  },
};

const chen = {
  rows: [
    ['First Name', 'Wei'],
    ['Last Name', 'Chen'],
    ['Email Address', 'wei.chen@lakeshore-foundation.example.com'],
    ['Job Title', 'Grants Analyst'],
    ['Company', 'Lakeshore Community Foundation'],
    ['Start Date', '02/03/2027'],
    ['Employee ID', 'LCF-4471'],
    ['Phone', '(416) 555-0187'],
    ['Requested Roles', 'Grant Reviewer; Report Viewer'],
  ] as [string, string][],
  expected: {
    firstName: 'Wei',
    lastName: 'Chen',
    email: 'wei.chen@lakeshore-foundation.example.com',
    title: 'Grants Analyst',
    organization: 'Lakeshore Community Foundation',
    startDate: '2027-02-03',
    employeeNumber: 'LCF-4471',
    phone: '+14165550187',
    requestedRoles: ['Grant Reviewer', 'Report Viewer'],
  },
};

const mbeki = {
  rows: [
    ['Surname', 'Mbeki'],
    ['Forename', 'Thandiwe'],
    ['E-mail', 't.mbeki@capegrants.example.org'],
    ['Job title', 'Finance Officer'],
    ['Division', 'Finance'],
    ['Line manager', 'Pieter van der Merwe'],
    ['First day', '1 March 2027'],
    ['Staff number', '008812'],
  ] as [string, string][],
  expected: {
    lastName: 'Mbeki',
    firstName: 'Thandiwe',
    email: 't.mbeki@capegrants.example.org',
    title: 'Finance Officer',
    department: 'Finance',
    managerName: 'Pieter van der Merwe',
    startDate: '2027-03-01',
    employeeNumber: '008812',
  },
};

const garcia = {
  rows: [
    ['First name', 'Lucía'],
    ['Last name', 'García Torres'],
    ['Email', 'lucia.garcia@fundacion-sol.example.es'],
    ['Role title', 'Program Coordinator'],
    ['Program', 'Community Health Fund'],
    ['Start date', 'April 6, 2027'],
  ] as [string, string][],
  expected: {
    firstName: 'Lucía',
    lastName: 'García Torres',
    email: 'lucia.garcia@fundacion-sol.example.es',
    title: 'Program Coordinator',
    program: 'Community Health Fund',
    startDate: '2027-04-06',
  },
};

const letterOkafor = {
  def: letter(
    ['Riverbend Arts Council', '14 Mill Lane, Riverbend RB2 4QT', 'www.riverbend-arts.example.org'],
    '14 December 2026',
    [
      'Dear Systems Team,',
      'Please create an account for our new Senior Program Officer, Dr. Amara Okafor, who joins the Riverbend Arts Council on 11 January 2027. She will work in the Grants and Programs department and will report to me.',
      'Her e-mail address will be amara.okafor@riverbend-arts.example.org.',
    ],
    ['Dr. Helen Marsh', 'Director of Grants', 'Riverbend Arts Council', '+44 20 7946 0300'],
  ),
  expected: {
    firstName: 'Amara',
    lastName: 'Okafor',
    email: 'amara.okafor@riverbend-arts.example.org',
    title: 'Senior Program Officer',
    organization: 'Riverbend Arts Council',
    department: 'Grants and Programs',
    startDate: '2027-01-11',
    managerName: 'Helen Marsh',
  },
};

const proseNkosi =
  'Please set up SmartSimple access for Sipho Nkosi, who has been appointed as Monitoring and Evaluation Officer. He joins the Ubuntu Education Trust on 15 February 2027, in the Impact team, and will report to Grace Dlamini. His work e-mail is sipho.nkosi@ubuntu-edu.example.org.';
const proseNkosiExpected = {
  firstName: 'Sipho',
  lastName: 'Nkosi',
  title: 'Monitoring and Evaluation Officer',
  organization: 'Ubuntu Education Trust',
  startDate: '2027-02-15',
  department: 'Impact',
  managerName: 'Grace Dlamini',
  email: 'sipho.nkosi@ubuntu-edu.example.org',
};

const selfLetter = [
  'Hello,',
  'I am joining the Northern Lights Fund as an External Reviewer for the Arctic Science programme and need an account to read the applications assigned to me. My first day is 8 March 2027.',
  'Best regards,',
  'Ingrid Solberg',
  'External Reviewer',
  'Northern Lights Fund',
  '+47 22 55 01 77',
  'ingrid.solberg@nlfund.example.no',
];
const selfExpected = {
  firstName: 'Ingrid',
  lastName: 'Solberg',
  title: 'External Reviewer',
  organization: 'Northern Lights Fund',
  program: 'Arctic Science',
  startDate: '2027-03-08',
  phone: '+4722550177',
  email: 'ingrid.solberg@nlfund.example.no',
};

const reviewers = [
  ['Aiko', 'Tanaka', 'aiko.tanaka@example.jp', 'Peer Reviewer'],
  ['Luc', 'Dubois', 'luc.dubois@example.fr', 'Peer Reviewer'],
  ['Fatima', 'Al-Sayed', 'fatima.alsayed@example.ae', 'Panel Chair'],
  ['Noah', 'Williams', 'noah.williams@example.ca', 'Peer Reviewer'],
  ['Mei', 'Lin', 'mei.lin@example.sg', 'Observer'],
];
const reviewerRecords = reviewers.map(([firstName, lastName, email, title]) => ({
  firstName,
  lastName,
  email,
  title,
})) as Expected[];

// ---------- the samples ----------

export const SAMPLES: Sample[] = [
  {
    file: 'pdf-table-form.pdf',
    kind: 'text-pdf',
    make: pdf(tableForm('New User Request', okafor.rows, ['Date submitted: 14/12/2026'])),
    expected: { fields: okafor.expected },
  },
  {
    file: 'pdf-line-form.pdf',
    kind: 'text-pdf',
    make: pdf(lineForm('SmartSimple Account Request', chen.rows, [], ['Requested on 12/18/2026 by Maria Lopez'])),
    expected: { fields: chen.expected },
  },
  {
    file: 'pdf-label-above.pdf',
    kind: 'text-pdf',
    make: pdf(aboveForm('Staff onboarding', mbeki.rows)),
    expected: { fields: mbeki.expected },
  },
  {
    file: 'pdf-header-row.pdf',
    kind: 'text-pdf',
    make: pdf(headerRowForm('New programme staff', garcia.rows, 'Please give her access before her first day.')),
    expected: { fields: garcia.expected },
  },
  {
    file: 'pdf-letter.pdf',
    kind: 'text-pdf',
    make: pdf(letterOkafor.def),
    expected: { fields: letterOkafor.expected },
  },
  {
    file: 'pdf-checkboxes.pdf',
    kind: 'text-pdf',
    make: pdf(
      lineForm('Access request form', [
        ['Full name', 'Jonas Becker'],
        ['Work email', 'jonas.becker@alpenstiftung.example.de'],
        ['Position title', 'Evaluation Specialist'],
        ['Organization', 'Alpen Stiftung'],
        ['Access start date', '2027-05-03'],
        ['Roles', '[x] Reviewer   [ ] Program Manager   [x] Report Viewer'],
      ]),
    ),
    expected: {
      fields: {
        firstName: 'Jonas',
        lastName: 'Becker',
        email: 'jonas.becker@alpenstiftung.example.de',
        title: 'Evaluation Specialist',
        organization: 'Alpen Stiftung',
        startDate: '2027-05-03',
        requestedRoles: ['Reviewer', 'Report Viewer'],
      },
    },
  },
  {
    file: 'pdf-french-form.pdf',
    kind: 'text-pdf',
    make: pdf(
      tableForm('Demande de création de compte', [
        ['Prénom', 'Élodie'],
        ['Nom de famille', 'Tremblay'],
        ['Courriel', 'elodie.tremblay@fondation-laurentides.example.ca'],
        ['Poste', 'Agente de programme'],
        ['Organisme', 'Fondation des Laurentides'],
        ['Date de début', '2027-01-18'],
      ]),
    ),
    expected: {
      fields: {
        firstName: 'Élodie',
        lastName: 'Tremblay',
        email: 'elodie.tremblay@fondation-laurentides.example.ca',
        title: 'Agente de programme',
        organization: 'Fondation des Laurentides',
        startDate: '2027-01-18',
      },
    },
  },
  {
    file: 'scan-table-300dpi.png',
    kind: 'scan',
    make: scan(
      tableForm('New User Request', okafor.rows, ['Date submitted: 14/12/2026']),
      { scale: 4.17, angle: 0.4 },
      'png',
    ),
    expected: { fields: okafor.expected },
  },
  {
    file: 'scan-lines-200dpi-tilted.png',
    kind: 'scan',
    make: scan(
      lineForm('SmartSimple Account Request', chen.rows, [], ['Requested on 12/18/2026 by Maria Lopez']),
      { scale: 2.78, angle: 4, noise: 0.002, paper: 240, ink: 30 },
      'png',
    ),
    expected: { fields: chen.expected },
  },
  {
    file: 'scan-letter-150dpi.jpg',
    kind: 'scan',
    make: scan(letterOkafor.def, { scale: 2.08, angle: -2, paper: 235, ink: 45 }, 'jpeg'),
    expected: { fields: letterOkafor.expected },
  },
  {
    file: 'scan-above-faint.tiff',
    kind: 'scan',
    make: scan(aboveForm('Staff onboarding', mbeki.rows), { scale: 2.78, angle: 1.5, paper: 215, ink: 110 }, 'tiff'),
    expected: { fields: mbeki.expected },
  },
  {
    file: 'scan-header-row.pdf',
    kind: 'scan',
    make: scan(
      headerRowForm(
        'New programme staff',
        garcia.rows.map(([l, v]) => [l, v.normalize('NFD').replace(/\p{M}/gu, '')]),
        'Please give her access before her first day.',
      ),
      { scale: 2.5, angle: -1 },
      'pdf',
    ),
    expected: { fields: { ...garcia.expected, firstName: 'Lucia', lastName: 'Garcia Torres' } },
  },
  {
    file: 'scan-noisy-form.png',
    kind: 'scan',
    make: scan(
      tableForm('Staff onboarding', mbeki.rows),
      { scale: 2.78, angle: -3, noise: 0.01, paper: 230, ink: 50, seed: 3 },
      'png',
    ),
    expected: { fields: mbeki.expected },
  },
  {
    file: 'scan-prose-memo.jpg',
    kind: 'scan',
    make: scan(
      lineForm('Memo: new staff member', [], [proseNkosi]),
      { scale: 2.78, angle: 2.5, paper: 238, ink: 35 },
      'jpeg',
    ),
    expected: { fields: proseNkosiExpected },
  },
  {
    file: 'docx-letter.docx',
    kind: 'docx',
    make: () =>
      docxOf([
        { heading: 'Ubuntu Education Trust' },
        '3 December 2026',
        'Dear SmartSimple administrators,',
        proseNkosi,
        'Thank you,',
        'Grace Dlamini',
        'Head of Impact',
      ]),
    expected: { fields: proseNkosiExpected },
  },
  {
    file: 'docx-table-form.docx',
    kind: 'docx',
    make: () =>
      docxOf([{ heading: 'New User Request' }, { table: chen.rows }, 'Requested on 12/18/2026 by Maria Lopez']),
    expected: { fields: chen.expected },
  },
  { file: 'docx-self-request.docx', kind: 'docx', make: () => docxOf(selfLetter), expected: { fields: selfExpected } },
  {
    file: 'docx-header-row.docx',
    kind: 'docx',
    make: () =>
      docxOf([
        { heading: 'New programme staff' },
        { table: [garcia.rows.map(([l]) => l), garcia.rows.map(([, v]) => v)] },
      ]),
    expected: { fields: garcia.expected },
  },
  {
    file: 'email-form-attached.eml',
    kind: 'email',
    make: async () =>
      emlOf({
        from: 'Maria Lopez <maria.lopez@lakeshore-foundation.example.com>',
        to: 'smartsimple-admin@example.org',
        subject: 'New user: Wei Chen',
        date: 'Fri, 18 Dec 2026 15:40:00 -0500',
        body: 'Hi team,\n\nThe form for our new analyst is attached.\n\nThanks,\nMaria Lopez\nHR Coordinator\nLakeshore Community Foundation\n(416) 555-0100\n',
        attachments: [
          {
            name: 'new-user-wei-chen.pdf',
            type: 'application/pdf',
            bytes: await pdfOf(lineForm('SmartSimple Account Request', chen.rows)),
          },
        ],
      }),
    expected: { fields: chen.expected },
  },
  {
    file: 'email-prose.eml',
    kind: 'email',
    make: async () =>
      emlOf({
        from: 'Helen Marsh <helen.marsh@riverbend-arts.example.org>',
        to: 'helpdesk@example.org',
        subject: 'Account for Amara Okafor',
        date: 'Mon, 14 Dec 2026 09:05:00 +0000',
        body: letterOkafor.def.content
          .slice(4)
          .map((c) => (c as { text: string }).text ?? c)
          .join('\n\n')
          .replace('Kind regards,\n\nDr. Helen Marsh', 'Kind regards,\nDr. Helen Marsh'),
      }),
    expected: { fields: letterOkafor.expected },
  },
  {
    file: 'email-self-request.eml',
    kind: 'email',
    make: async () =>
      emlOf({
        from: 'Ingrid Solberg <ingrid.solberg@nlfund.example.no>',
        to: 'support@example.org',
        subject: 'Reviewer account',
        date: 'Wed, 16 Dec 2026 11:20:00 +0100',
        body: selfLetter.join('\n'),
      }),
    expected: { fields: selfExpected },
  },
  {
    file: 'email-scan-attached.eml',
    kind: 'email',
    make: async () =>
      emlOf({
        from: 'Pieter van der Merwe <pieter.vdm@capegrants.example.org>',
        to: 'it@example.org',
        subject: 'Scanned onboarding form',
        date: 'Thu, 10 Dec 2026 08:00:00 +0200',
        body: 'Morning,\n\nScanned form attached for our new finance officer.\n\nRegards,\nPieter van der Merwe\n',
        attachments: [
          {
            name: 'onboarding-scan.png',
            type: 'image/png',
            bytes: pngOf(
              await scanOf(await pdfOf(aboveForm('Staff onboarding', mbeki.rows)), { scale: 2.78, angle: 1 }),
            ),
          },
        ],
      }),
    expected: { fields: mbeki.expected },
  },
  {
    file: 'outlook-request.msg',
    kind: 'email',
    make: async () =>
      msgOf({
        from: 'Grace Dlamini <grace.dlamini@ubuntu-edu.example.org>',
        fromName: 'Grace Dlamini',
        fromAddress: 'grace.dlamini@ubuntu-edu.example.org',
        to: 'admin@example.org',
        subject: 'New M&E officer',
        date: 'Thu, 03 Dec 2026 10:00:00 +0200',
        body: 'Hi,\n\nLetter attached.\n\nThanks,\nGrace',
        attachments: [
          {
            name: 'appointment-letter.docx',
            type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            bytes: await docxOf([proseNkosi]),
          },
        ],
      }),
    expected: { fields: proseNkosiExpected },
  },
  {
    file: 'outlook-reviewers.msg',
    kind: 'email',
    make: async () =>
      msgOf({
        from: 'Panel Office <panels@example.org>',
        fromName: 'Panel Office',
        fromAddress: 'panels@example.org',
        to: 'admin@example.org',
        subject: 'Reviewers for the spring panel',
        date: 'Tue, 01 Dec 2026 10:00:00 +0000',
        body: 'Please onboard the reviewers in the attached list.',
        attachments: [
          {
            name: 'reviewers.csv',
            type: 'text/csv',
            bytes: new TextEncoder().encode(
              ['First name,Last name,Email,Title', ...reviewers.map((r) => r.join(','))].join('\n'),
            ),
          },
        ],
      }),
    expected: { records: reviewerRecords },
  },
  {
    file: 'reviewers.csv',
    kind: 'list',
    make: async () =>
      new TextEncoder().encode(
        ['Given name,Surname,E-mail address,Position', ...reviewers.map((r) => r.join(','))].join('\r\n'),
      ),
    expected: { records: reviewerRecords },
  },
  {
    file: 'staff-list.xlsx',
    kind: 'list',
    make: async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('New staff');
      sheet.addRow(['Full name', 'Email', 'Job title', 'Start date']);
      sheet.addRow([
        'Okafor, Amara',
        'amara.okafor@riverbend-arts.example.org',
        'Senior Program Officer',
        new Date(Date.UTC(2027, 0, 11)),
      ]);
      sheet.addRow([
        'Wei Chen',
        'wei.chen@lakeshore-foundation.example.com',
        'Grants Analyst',
        new Date(Date.UTC(2027, 1, 3)),
      ]);
      return new Uint8Array(await book.xlsx.writeBuffer());
    },
    expected: {
      records: [
        {
          firstName: 'Amara',
          lastName: 'Okafor',
          email: 'amara.okafor@riverbend-arts.example.org',
          title: 'Senior Program Officer',
          startDate: '2027-01-11',
        },
        {
          firstName: 'Wei',
          lastName: 'Chen',
          email: 'wei.chen@lakeshore-foundation.example.com',
          title: 'Grants Analyst',
          startDate: '2027-02-03',
        },
      ],
    },
  },
  {
    file: 'plain-request.txt',
    kind: 'text',
    make: async () =>
      new TextEncoder().encode(
        'NEW USER\n\nName: Ms. Priya Natarajan\nTitle: Communications Manager\nDept: Communications\nOrganization: Maple Leaf Giving\nEmail: p.natarajan@mapleleafgiving.example.ca\nMobile: 604-555-0142\nStart: Monday, January 25, 2027\nManager: Tom Hughes\nAccess required: Communications Editor, Newsletter Approver\n',
      ),
    expected: {
      fields: {
        firstName: 'Priya',
        lastName: 'Natarajan',
        title: 'Communications Manager',
        department: 'Communications',
        organization: 'Maple Leaf Giving',
        email: 'p.natarajan@mapleleafgiving.example.ca',
        phone: '+16045550142',
        startDate: '2027-01-25',
        managerName: 'Tom Hughes',
        requestedRoles: ['Communications Editor', 'Newsletter Approver'],
      },
    },
  },
];
