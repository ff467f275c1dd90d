/**
 * Real documents made on the spot, for the tests and for the sample generator
 * (scripts/make-intake-samples.ts): text PDFs (pdfmake), pictures of pages as a scanner would
 * give them (pdfjs + @napi-rs/canvas: turned, blurred, noisy, faint), DOCX (a minimal WordprocessingML
 * package), e-mails (.eml, MIME with attachments) and Outlook .msg (a compound file written by
 * @kenjiuno/msgreader's own burner).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import JSZip from 'jszip';
import pdfmake from 'pdfmake';
import UTIF from 'utif2';

const require = createRequire(import.meta.url);

let fontsSet = false;
/** A PDF from a pdfmake document definition, in the standard Helvetica/Times fonts. */
export async function pdfOf(definition: Record<string, unknown>): Promise<Uint8Array> {
  if (!fontsSet) {
    pdfmake.setFonts({
      Helvetica: {
        normal: 'Helvetica',
        bold: 'Helvetica-Bold',
        italics: 'Helvetica-Oblique',
        bolditalics: 'Helvetica-BoldOblique',
      },
      Times: { normal: 'Times-Roman', bold: 'Times-Bold', italics: 'Times-Italic', bolditalics: 'Times-BoldItalic' },
    });
    (pdfmake as unknown as { setUrlAccessPolicy?: (f: () => boolean) => void }).setUrlAccessPolicy?.(() => false);
    // The standard fonts are named, not files: nothing else may be read from disk.
    (pdfmake as unknown as { setLocalAccessPolicy?: (f: (p: string) => boolean) => void }).setLocalAccessPolicy?.((p) =>
      /^(Helvetica|Times)/.test(p),
    );
    fontsSet = true;
  }
  const doc = pdfmake.createPdf({ defaultStyle: { font: 'Helvetica', fontSize: 11 }, ...definition } as never);
  return new Uint8Array(await doc.getBuffer());
}

export interface ScanOptions {
  /** Degrees, clockwise. */
  angle?: number;
  /** Pixels per PDF point (2.78 = 200 dpi). */
  scale?: number;
  /** 0-1: grey speckle. */
  noise?: number;
  /** Paper grey (255 white) and ink grey (0 black). */
  paper?: number;
  ink?: number;
  blur?: number;
  seed?: number;
}

/** A page of a PDF as a scanner would see it. */
export async function scanOf(pdf: Uint8Array, options: ScanOptions = {}, pageNumber = 1): Promise<Canvas> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const fonts = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    verbosity: 0,
    standardFontDataUrl: fonts,
  }).promise;
  const page = await doc.getPage(pageNumber);
  const view = page.getViewport({ scale: options.scale ?? 2.78 });
  // pdfjs draws on canvases of its own copy of @napi-rs/canvas; the pixels cross over as data.
  const factory = (
    doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: Canvas; context: never } } }
  ).canvasFactory;
  const drawn = factory.create(Math.ceil(view.width), Math.ceil(view.height));
  const dc = drawn.canvas.getContext('2d');
  dc.fillStyle = '#fff';
  dc.fillRect(0, 0, drawn.canvas.width, drawn.canvas.height);
  await page.render({ canvas: drawn.canvas as never, canvasContext: drawn.context, viewport: view }).promise;
  await doc.destroy();
  const clean = createCanvas(drawn.canvas.width, drawn.canvas.height);
  const c = clean.getContext('2d');
  const copy = c.createImageData(clean.width, clean.height);
  copy.data.set(dc.getImageData(0, 0, clean.width, clean.height).data);
  c.putImageData(copy, 0, 0);
  const out = createCanvas(clean.width, clean.height);
  const o = out.getContext('2d');
  o.fillStyle = '#fff';
  o.fillRect(0, 0, out.width, out.height);
  if (options.blur) o.filter = `blur(${options.blur}px)`;
  o.translate(out.width / 2, out.height / 2);
  o.rotate(((options.angle ?? 0) * Math.PI) / 180);
  o.drawImage(clean, -out.width / 2, -out.height / 2);
  o.setTransform(1, 0, 0, 1, 0, 0);
  o.filter = 'none';
  degrade(out, options);
  return out;
}

function degrade(canvas: Canvas, options: ScanOptions) {
  const ctx = canvas.getContext('2d');
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const paper = options.paper ?? 255;
  const ink = options.ink ?? 0;
  let seed = options.seed ?? 7;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < image.data.length; i += 4) {
    const g = image.data[i]! / 255;
    let v = ink + (paper - ink) * g;
    if (options.noise && random() < options.noise) v = random() * 255;
    image.data[i] = image.data[i + 1] = image.data[i + 2] = v;
  }
  ctx.putImageData(image, 0, 0);
}

export const pngOf = (canvas: Canvas) => new Uint8Array(canvas.toBuffer('image/png'));
export const jpegOf = (canvas: Canvas, quality = 80) => new Uint8Array(canvas.toBuffer('image/jpeg', quality));
/** A grey TIFF, PackBits-compressed (as office scanners write them), with UTIF writing the header. */
export function tiffOf(canvas: Canvas): Uint8Array {
  const { width: w, height: h } = canvas;
  const { data } = canvas.getContext('2d').getImageData(0, 0, w, h);
  const packed: number[] = [];
  for (let y = 0; y < h; y++) {
    const row = new Uint8Array(w);
    for (let x = 0; x < w; x++) row[x] = data[(y * w + x) * 4]!;
    packBits(row, packed);
  }
  const head = 1000;
  const ifd = {
    t256: [w],
    t257: [h],
    t258: [8],
    t259: [32773],
    t262: [1],
    t273: [head],
    t277: [1],
    t278: [h],
    t279: [packed.length],
    t284: [1],
  };
  const prefix = new Uint8Array(UTIF.encode([ifd as never]));
  const out = new Uint8Array(head + packed.length);
  out.set(prefix);
  out.set(packed, head);
  return out;
}

/** PackBits (TIFF compression 32773): runs of a repeated byte, or literal stretches, 128 at most. */
function packBits(row: Uint8Array, out: number[]) {
  let i = 0;
  while (i < row.length) {
    let run = 1;
    while (i + run < row.length && run < 128 && row[i + run] === row[i]) run++;
    if (run > 1) {
      out.push(257 - run, row[i]!);
      i += run;
      continue;
    }
    let lit = 1;
    while (i + lit < row.length && lit < 128 && row[i + lit] !== row[i + lit - 1]) lit++;
    if (i + lit < row.length && lit > 1) lit--;
    out.push(lit - 1, ...row.subarray(i, i + lit));
    i += lit;
  }
}

/** A PDF whose pages are pictures only (a scanner's PDF): no text layer. */
export async function scannedPdfOf(pages: Canvas[]): Promise<Uint8Array> {
  return pdfOf({
    pageSize: 'A4',
    pageMargins: 0,
    content: pages.map((p, i) => ({
      image: `data:image/jpeg;base64,${Buffer.from(jpegOf(p, 85)).toString('base64')}`,
      width: 595.28,
      ...(i > 0 ? { pageBreak: 'before' } : {}),
    })),
  });
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const para = (text: string, bold = false) =>
  `<w:p><w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;

export type DocxBlock = string | { heading: string } | { table: string[][] };

/** A Word document: paragraphs, headings and tables. */
export async function docxOf(blocks: DocxBlock[]): Promise<Uint8Array> {
  const body = blocks
    .map((b) =>
      typeof b === 'string'
        ? para(b)
        : 'heading' in b
          ? para(b.heading, true)
          : `<w:tbl>${b.table.map((row) => `<w:tr>${row.map((c) => `<w:tc>${para(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`,
    )
    .join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export interface MailSpec {
  from: string;
  to: string;
  subject: string;
  date: string;
  body: string;
  attachments?: { name: string; type: string; bytes: Uint8Array }[];
}

/** An RFC 5322 message, multipart/mixed when it has attachments. */
export function emlOf(mail: MailSpec): Uint8Array {
  const head = [
    `From: ${mail.from}`,
    `To: ${mail.to}`,
    `Subject: ${mail.subject}`,
    `Date: ${mail.date}`,
    'MIME-Version: 1.0',
  ];
  const text = ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', mail.body];
  if (!mail.attachments?.length) return new TextEncoder().encode([...head, ...text].join('\r\n'));
  const b = 'admin-desk-boundary-1';
  const parts = mail.attachments.map((a) =>
    [
      `--${b}`,
      `Content-Type: ${a.type}; name="${a.name}"`,
      `Content-Disposition: attachment; filename="${a.name}"`,
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(a.bytes).toString('base64').replace(/.{76}/g, '$&\r\n'),
    ].join('\r\n'),
  );
  const all = [
    ...head,
    `Content-Type: multipart/mixed; boundary="${b}"`,
    '',
    `--${b}`,
    ...text,
    ...parts,
    `--${b}--`,
    '',
  ];
  return new TextEncoder().encode(all.join('\r\n'));
}

/** An Outlook message (.msg): the MAPI property streams msgreader reads, in a compound file. */
export async function msgOf(mail: MailSpec & { fromName: string; fromAddress: string }): Promise<Uint8Array> {
  const { burn } = await import('@kenjiuno/msgreader/lib/Burner.js');
  const utf16 = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
  type Entry = {
    name: string;
    type: number;
    length: number;
    binaryProvider?: () => ArrayLike<number>;
    children?: number[];
  };
  const entries: Entry[] = [{ name: 'Root Entry', type: 5, length: 0, children: [] }];
  const stream = (parent: Entry, name: string, data: Uint8Array) => {
    entries.push({ name, type: 2, length: data.length, binaryProvider: () => data });
    parent.children!.push(entries.length - 1);
  };
  const storage = (name: string) => {
    const e: Entry = { name, type: 1, length: 0, children: [] };
    entries.push(e);
    entries[0]!.children!.push(entries.length - 1);
    return e;
  };
  const root = entries[0]!;
  stream(root, '__properties_version1.0', new Uint8Array(32));
  stream(root, '__substg1.0_0037001F', utf16(mail.subject));
  stream(root, '__substg1.0_1000001F', utf16(mail.body));
  stream(root, '__substg1.0_0C1A001F', utf16(mail.fromName));
  stream(root, '__substg1.0_0C1F001F', utf16(mail.fromAddress));
  stream(root, '__substg1.0_5D01001F', utf16(mail.fromAddress));
  const recip = storage('__recip_version1.0_#00000000');
  stream(recip, '__properties_version1.0', new Uint8Array(8));
  stream(recip, '__substg1.0_3001001F', utf16(mail.to));
  stream(recip, '__substg1.0_39FE001F', utf16(mail.to));
  (mail.attachments ?? []).forEach((a, i) => {
    const att = storage(`__attach_version1.0_#${String(i).padStart(8, '0')}`);
    stream(att, '__properties_version1.0', new Uint8Array(8));
    stream(att, '__substg1.0_3707001F', utf16(a.name));
    stream(att, '__substg1.0_3704001F', utf16(a.name));
    stream(att, '__substg1.0_370E001F', utf16(a.type));
    stream(att, '__substg1.0_37010102', a.bytes);
  });
  return burn(entries as never);
}
