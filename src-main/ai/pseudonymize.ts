/**
 * Pseudonymization: before anything leaves for an LLM, identifiers are replaced by stable tokens
 * (PERSON_1, EMAIL_3, ...), and answers are re-identified here, in main. The map lives only in
 * this object's memory: one Pseudonymizer per request (or session), never stored, never logged.
 *
 * What is replaced:
 * - known values passed in (people's names and their parts, organizations, addresses, ids): from
 *   the mirror or the input record;
 * - by pattern, in any string: e-mail addresses, phone numbers, runs of 5+ digits (employee
 *   numbers, SmartSimple ids), street addresses and postal codes, and, when asked, runs of
 *   capitalized words (names in prose nobody declared);
 * - any number or string under an id-like key (`id`, `personId`, `roleIds`, ...): a SmartSimple id.
 * Object keys are pseudonymized like values (a map keyed by e-mail must not leak either).
 *
 * Same value (case-insensitively) -> same token; re-identification restores the first form seen,
 * and a string that is exactly one token gets back the original value with its type (an id stays
 * a number).
 */

export type TokenKind = 'PERSON' | 'NAME' | 'ORG' | 'EMAIL' | 'PHONE' | 'ID' | 'ADDRESS';

export interface KnownIdentifier {
  kind: 'person' | 'organization' | 'address' | 'id';
  value: string;
}

export interface PseudonymizeOptions {
  /** Treat runs of 2-4 capitalized words as names (for free text such as a document). */
  capitalizedRuns?: boolean;
}

interface Span {
  start: number;
  end: number;
  kind: TokenKind;
}

const TOKEN = /\b(PERSON|NAME|ORG|EMAIL|PHONE|ID|ADDRESS)_(\d+)\b/g;
const WHOLE_TOKEN = /^(PERSON|NAME|ORG|EMAIL|PHONE|ID|ADDRESS)_(\d+)$/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// International or North American forms with separators; bare digit runs are caught as ids below.
const PHONE =
  /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?|\d{2,4}[\s.-])\d{3,4}[\s.-]\d{3,4}(?:\s?(?:x|ext\.?)\s?\d{1,5})?/g;
const DIGITS = /\b\d{5,}\b/g;
const STREET =
  /\b\d{1,6}(?:-\d{1,6})?\s+(?:[A-Z][A-Za-z'.-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Crescent|Cres|Terrace|Parkway|Pkwy|Highway|Hwy)\b\.?(?:,?\s+(?:Suite|Unit|Apt)\.?\s*\w+)?/g;
const POSTAL = /\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b/g;
const CAPITALIZED = /\b[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.\s*)?[A-Z][a-z'’-]+){1,3}\b/g;
const ID_KEY = /^(id|ids)$|[a-z](Id|Ids|ID|IDs)$|_ids?$/;

// Capitalized words that begin sentences or name things, not people: a run made only of these is
// left as it is (so "Program Manager" or "Start Date" reach the model readable).
const COMMON_WORDS = new Set(
  (
    'the a an and or of for to in on at by with from this that these please dear hello hi regards thanks thank ' +
    'first last full name e-mail email phone title job position department organization organisation company ' +
    'employer start end date role roles program programs manager director officer coordinator administrator ' +
    'admin user users global local access grant grants review reviewer assistant senior junior lead head chief ' +
    'finance operations research communications human resources team office new request form intake account ' +
    'number employee id address street city province state country postal code monday tuesday wednesday ' +
    'thursday friday saturday sunday january february march april may june july august september october ' +
    'november december approved pre-approved approval notes note subject summary'
  ).split(' '),
);

const KNOWN_KIND: Record<KnownIdentifier['kind'], TokenKind> = {
  person: 'PERSON',
  organization: 'ORG',
  address: 'ADDRESS',
  id: 'ID',
};

const norm = (v: string) => v.trim().replace(/\s+/g, ' ').toLowerCase();
const escapeRe = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Pseudonymizer {
  private readonly byValue = new Map<string, string>();
  private readonly byToken = new Map<string, unknown>();
  private readonly counters = new Map<TokenKind, number>();
  private known: { value: string; kind: TokenKind }[] = [];
  private knownRe: RegExp | null = null;

  constructor(private readonly options: PseudonymizeOptions = {}) {}

  /** Declares values that must never leave as they are (longest matched first). */
  learn(values: readonly KnownIdentifier[]): this {
    for (const { kind, value } of values) {
      const v = value.trim();
      if (v.length < 2) continue;
      this.known.push({ value: v, kind: KNOWN_KIND[kind] });
      // A person named in full may be mentioned by one part ("Ms. Gonzalez").
      if (kind === 'person')
        for (const part of v.split(/\s+/)) if (part.length >= 3) this.known.push({ value: part, kind: 'PERSON' });
    }
    this.known.sort((a, b) => b.value.length - a.value.length);
    this.knownRe =
      this.known.length > 0
        ? new RegExp(`(?<![\\w@.])(?:${this.known.map((k) => escapeRe(k.value)).join('|')})(?![\\w@])`, 'gi')
        : null;
    return this;
  }

  /** The token for a value (the same one every time). */
  tokenFor(value: unknown, kind: TokenKind): string {
    const key = `${kind === 'NAME' ? 'PERSON' : kind}:${norm(String(value))}`;
    const existing = this.byValue.get(key);
    if (existing) return existing;
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    const token = `${kind}_${n}`;
    this.byValue.set(key, token);
    this.byToken.set(token, value);
    return token;
  }

  /** A deep copy with every identifier replaced by its token. */
  pseudonymize<T>(value: T): unknown {
    return this.walk(value, false);
  }

  /** Replaces identifiers inside one string. */
  text(input: string): string {
    const spans = this.spans(input);
    let out = '';
    let at = 0;
    for (const s of spans) {
      out += input.slice(at, s.start) + this.tokenFor(input.slice(s.start, s.end), s.kind);
      at = s.end;
    }
    return out + input.slice(at);
  }

  /** Puts the original values back into an answer (strings, arrays, objects, keys). */
  reidentify(value: unknown): unknown {
    if (typeof value === 'string') {
      const whole = WHOLE_TOKEN.exec(value);
      if (whole && this.byToken.has(value)) return this.byToken.get(value);
      return value.replace(TOKEN, (t) => (this.byToken.has(t) ? String(this.byToken.get(t)) : t));
    }
    if (Array.isArray(value)) return value.map((v) => this.reidentify(v));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[String(this.reidentify(k))] = this.reidentify(v);
      return out;
    }
    return value;
  }

  /** How many distinct values were replaced (for the record; never the values). */
  get size(): number {
    return this.byToken.size;
  }

  private walk(value: unknown, idContext: boolean): unknown {
    if (typeof value === 'number' || typeof value === 'bigint') return idContext ? this.tokenFor(value, 'ID') : value;
    if (typeof value === 'string')
      return idContext && value.trim() !== '' ? this.tokenFor(value, 'ID') : this.text(value);
    if (Array.isArray(value)) return value.map((v) => this.walk(v, idContext));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[this.text(k)] = this.walk(v, ID_KEY.test(k));
      return out;
    }
    return value;
  }

  private spans(input: string): Span[] {
    const found: Span[] = [];
    const add = (re: RegExp | null, kind: TokenKind | ((m: string) => TokenKind | null)) => {
      if (!re) return;
      for (const m of input.matchAll(re)) {
        const k = typeof kind === 'function' ? kind(m[0]) : kind;
        if (k) found.push({ start: m.index, end: m.index + m[0].length, kind: k });
      }
    };
    // Order is priority: an e-mail wins over a known name inside it, a known name over a guess.
    add(EMAIL, 'EMAIL');
    add(this.knownRe, (m) => this.known.find((k) => norm(k.value) === norm(m))?.kind ?? 'PERSON');
    add(STREET, 'ADDRESS');
    add(POSTAL, 'ADDRESS');
    add(PHONE, (m) => (m.replace(/\D/g, '').length >= 7 ? 'PHONE' : null));
    add(DIGITS, 'ID');
    if (this.options.capitalizedRuns) add(CAPITALIZED, (m) => (isCommonRun(m) ? null : 'NAME'));
    const taken: Span[] = [];
    for (const s of found) {
      if (WHOLE_TOKEN.test(input.slice(s.start, s.end))) continue;
      if (taken.some((t) => s.start < t.end && t.start < s.end)) continue;
      taken.push(s);
    }
    return taken.sort((a, b) => a.start - b.start);
  }
}

function isCommonRun(run: string): boolean {
  return run.split(/\s+/).every((w) => COMMON_WORDS.has(w.replace(/\.$/, '').toLowerCase()) || /^[A-Z]\.$/.test(w));
}
