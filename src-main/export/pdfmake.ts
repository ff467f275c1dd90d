/**
 * pdfmake, loaded once and locked down for every PDF the app writes (evidence, campaign reports):
 * nothing is fetched (no URL is allowed) and only pdfmake's own font files may be read.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}

let loaded: PdfMake | null = null;
export function pdfmake(): PdfMake {
  if (loaded) return loaded;
  const pm = require('pdfmake') as PdfMake;
  const { Roboto } = require('pdfmake/fonts/Roboto') as { Roboto: Record<string, string> };
  const fontFiles = new Set(Object.values(Roboto));
  pm.setFonts({ Roboto });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((file) => fontFiles.has(file));
  loaded = pm;
  return pm;
}
