/** DOCX (mammoth: raw text; two-column tables become "label: value" lines) and e-mail bodies. */
import type { IntakePage } from '../../../src-preload/contract';
import { AppError } from '../../errors/app-error';
import { checkZip } from './zip-guard';

export function textPage(text: string, number = 1): IntakePage {
  return { number, width: 0, height: 0, text: text.replace(/\r\n?/g, '\n'), items: [] };
}

export async function readDocx(name: string, bytes: Uint8Array): Promise<IntakePage[]> {
  checkZip(name, bytes);
  const mammoth = await import('mammoth');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch {
    throw new AppError(
      'VALIDATION',
      `${name} is not a readable Word document (.docx). Save it again from Word and retry.`,
    );
  }
  return [textPage(htmlToText(html))];
}

const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();

/** Paragraphs one a line; a table row of two cells "a: b", of more cells tab-separated. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const re = /<tr>([\s\S]*?)<\/tr>|<(p|h\d|li)[^>]*>([\s\S]*?)<\/\2>|<br\s*\/?>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[1] !== undefined) {
      const cells = [...m[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) =>
        decode(c[1]!.replace(/<\/p><p>/g, ' ')),
      );
      if (cells.length === 2 && cells[0]) out.push(`${cells[0].replace(/:$/, '')}: ${cells[1]}`);
      else out.push(cells.join('\t'));
    } else if (m[3] !== undefined) out.push(decode(m[3]));
  }
  return out.join('\n') + '\n';
}
