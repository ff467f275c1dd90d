/**
 * `othersettings` paging, with the documented precedence: `recordend` > 0 wins (1-based,
 * inclusive, `recordstart` defaults to 1); else `recordsperpage` with `pagenum` (or with
 * `recordstart`); else everything from `recordstart`. Always clipped to 10,000 rows. Decision:
 * an empty page reports `recordfrom` and `recordto` as 0.
 */
import { ERROR_TEXTS, type ListMessage, MAX_RECORDS_PER_CALL, type OtherSettings } from '../protocol';
import { SandboxError } from './errors';

const settingsError = (detail: string): SandboxError => new SandboxError(ERROR_TEXTS.otherSettings, detail);

const NUMERIC_KEYS = ['recordstart', 'recordend', 'recordsperpage', 'pagenum'] as const;

export function parseOtherSettings(raw: string | undefined): OtherSettings {
  if (raw === undefined || raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw settingsError('not JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw settingsError('not an object');
  const source = parsed as Record<string, unknown>;
  const settings: OtherSettings = {};
  for (const key of NUMERIC_KEYS) {
    const value = source[key];
    if (value === undefined || value === null || value === '') continue;
    const n =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && /^\s*\d+\s*$/.test(value)
          ? Number(value)
          : Number.NaN;
    if (!Number.isInteger(n) || n < 0) throw settingsError(`${key} must be a whole number`);
    settings[key] = n;
  }
  // getstorevalue, includearchive, keyformat: accepted and ignored (values are already strings).
  return settings;
}

export interface Page extends ListMessage {
  /** 0-based index of the first row in the result, meaningful when recordcount > 0. */
  offset: number;
}

export function pageOf(settings: OtherSettings, total: number): Page {
  const recordstart = Math.max(1, settings.recordstart ?? 1);
  let start: number;
  let end: number;
  if ((settings.recordend ?? 0) > 0) {
    start = recordstart;
    end = settings.recordend ?? 0;
  } else if ((settings.recordsperpage ?? 0) > 0) {
    const size = settings.recordsperpage ?? 0;
    start = (settings.pagenum ?? 0) > 0 ? ((settings.pagenum ?? 1) - 1) * size + 1 : recordstart;
    end = start + size - 1;
  } else {
    start = recordstart;
    end = Number.POSITIVE_INFINITY;
  }
  end = Math.min(end, start + MAX_RECORDS_PER_CALL - 1, total);
  const count = Math.max(0, end - start + 1);
  return count === 0
    ? { recordfrom: 0, recordto: 0, recordcount: 0, allcount: total, offset: 0 }
    : { recordfrom: start, recordto: end, recordcount: count, allcount: total, offset: start - 1 };
}

export function listMessage(page: Page): ListMessage {
  return {
    recordfrom: page.recordfrom,
    recordto: page.recordto,
    recordcount: page.recordcount,
    allcount: page.allcount,
  };
}
