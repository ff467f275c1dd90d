/**
 * OCR with tesseract.js, offline: the English model comes from the @tesseract.js-data/eng package
 * on disk (a plain folder path, gzip), nothing is cached to the working folder, and the WASM core
 * loads from tesseract.js-core. One tesseract worker is kept for the life of the intake worker.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, type Worker as Tesseract } from 'tesseract.js';
import type { PlacedText } from '../read/layout';

const require = createRequire(import.meta.url);
/** The folder of eng.traineddata.gz (the LSTM "best_int" model: the fast and accurate one). */
export const LANG_PATH = path.join(
  path.dirname(require.resolve('@tesseract.js-data/eng/package.json')),
  '4.0.0_best_int',
);

let tesseract: Promise<Tesseract> | null = null;

function engine(): Promise<Tesseract> {
  tesseract ??= createWorker('eng', 1, {
    langPath: LANG_PATH,
    gzip: true,
    cacheMethod: 'none',
    // 1: LSTM only, the model this package ships.
  }).catch((error: unknown) => {
    tesseract = null;
    throw error;
  });
  return tesseract;
}

export async function closeOcr(): Promise<void> {
  const t = tesseract;
  tesseract = null;
  if (t) await (await t).terminate();
}

interface Word {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

/** The words tesseract reads in an image (PNG, PGM...), boxes divided by `scale` (back to page units). */
export async function recognizeWords(image: Buffer, scale: number): Promise<PlacedText[]> {
  const t = await engine();
  const { data } = await t.recognize(image, {}, { blocks: true, text: false });
  const words: Word[] = [];
  for (const block of data.blocks ?? [])
    for (const para of block.paragraphs)
      for (const line of para.lines) for (const word of line.words) words.push(word as unknown as Word);
  return words
    .map(trimRuleMarks)
    .filter((w) => !RULE_NOISE.test(w.text) && (w.confidence >= 30 || /[\p{L}\p{N}]{2,}/u.test(w.text)))
    .map((w) => ({
      str: w.text,
      confidence: Math.round(w.confidence) / 100,
      box: {
        x: round(w.bbox.x0 / scale),
        y: round(w.bbox.y0 / scale),
        w: round((w.bbox.x1 - w.bbox.x0) / scale),
        h: round((w.bbox.y1 - w.bbox.y0) / scale),
      },
    }));
}

const round = (n: number) => Math.round(n * 100) / 100;

/** A word with a bar or bracket of a form's rule stuck to it loses the mark, and its box the mark's share. */
function trimRuleMarks(w: Word): Word {
  const raw = w.text.trim();
  const lead = /^[|[‘(~]+(?=\p{L})/u.exec(raw)?.[0].length ?? 0;
  const tail = /(?<=[\p{L}\p{N}.])[|\]~]+$/u.exec(raw)?.[0].length ?? 0;
  if (!lead && !tail) return { ...w, text: raw };
  const per = (w.bbox.x1 - w.bbox.x0) / raw.length;
  const bbox = { ...w.bbox, x0: w.bbox.x0 + lead * per, x1: w.bbox.x1 - tail * per };
  return { ...w, text: raw.slice(lead, raw.length - tail), bbox };
}
/** What the remains of a form's rules read as: bars, tildes, dashes, quotes on their own. */
const RULE_NOISE = /^(?:[|~=_‘’'"[\](){}—–-]+|)$/;
