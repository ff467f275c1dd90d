/**
 * Fields stated in sentences: "an account for our new Senior Program Officer, Dr. Jane Roe, who
 * joins the Arts Council on 11 January 2027". Only what a sentence states about the new person is
 * read; requests addressed to the reader (grant, approve, skip review) are never fields.
 */
import type { IntakePage, IntakeRecord } from '../../../src-preload/contract';
import { put, type ReadContext } from './extract-fields';
import { splitName } from './normalize';
import { TITLE_HEADS } from './title-words';

type Fields = IntakeRecord['fields'];
const PARTICLE = String.raw`(?:van|von|de|der|den|del|della|da|di|la|le|du|dos|das|bin|ibn|al|el|ter|ten)`;
const WORD = String.raw`\p{Lu}[\p{L}'’-]+`;
const NAME = String.raw`((?:(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?\s+)?${WORD}(?:\s+(?:${PARTICLE}\s+)*${WORD}){1,3})`;
const TITLE = String.raw`((?:(?:\p{Lu}[\p{L}-]+|of|and|&)\s+){0,5}(?:${TITLE_HEADS.join('|')})(?:,?\s+(?:of|for)\s+(?:\p{Lu}[\p{L}-]+\s?){1,3})?)`;
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const DATE = String.raw`(\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH},?\s+\d{4}|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}))`;
const ORG = String.raw`((?:the\s+)?\p{Lu}[\p{L}&'’-]*(?:\s+(?:of|for|and|&|on|de|du|des|la|le)?\s*\p{Lu}[\p{L}&'’-]*){0,6})`;
const EMAIL = String.raw`([A-Za-z0-9._%+'-]+ ?@ ?[A-Za-z0-9.-]+\.[A-Za-z]{2,})`;
const PERSON = String.raw`(?:she|he|they|[A-Z][a-z]+)`;

interface Pattern {
  re: RegExp;
  fields: (string | null)[];
  conf: number;
}
const p = (source: string, fields: (string | null)[], conf: number): Pattern => ({
  re: new RegExp(source, 'gu'),
  fields,
  conf,
});

/** Stronger patterns first: a field keeps its most confident reading. */
const PATTERNS: Pattern[] = [
  p(String.raw`\bnew\s+${TITLE},?\s+${NAME}`, ['title', 'name'], 0.85),
  p(
    String.raw`${NAME},?\s+(?:who\s+is\s+|is\s+)?(?:our|the|as|a|an)\s+(?:new(?:ly appointed)?\s+)?${TITLE}`,
    ['name', 'title'],
    0.8,
  ),
  p(
    String.raw`${NAME},?\s+(?:who\s+)?(?:has been|was|is being|will be|has)\s+(?:hired|appointed|recruited|engaged|joining[^.]{0,60}?)\s+as\s+(?:(?:a|an|our|the)\s+)?(?:new\s+)?${TITLE}`,
    ['name', 'title'],
    0.85,
  ),
  p(String.raw`(?:account|access|login|profile|user)\s+(?:set up\s+)?for\s+${NAME}`, ['name'], 0.75),
  p(String.raw`(?:welcome|introduce|introducing)\s+${NAME}`, ['name'], 0.7),
  p(String.raw`${NAME}\s*[(<]${EMAIL}[)>]`, ['name', 'email'], 0.85),
  p(
    String.raw`(?:e-?mail(?:\s+address)?\s+(?:is|will be)|reached at|write to (?:her|him|them) at)\s*:?\s*${EMAIL}`,
    ['email'],
    0.8,
  ),
  p(String.raw`(?:phone|telephone|mobile|number)\s+(?:is|will be|:)\s*(\+?[\d(][\d ().-]{6,18}\d)`, ['phone'], 0.75),
  p(
    String.raw`\b(?:join(?:s|ing)?|join(?:s|ing)? us at|start(?:s|ing)? (?:at|with)|hired by|employed by|appointed to)\s+${ORG}`,
    ['organization'],
    0.7,
  ),
  p(
    String.raw`\b(?:on|from|starting|effective|begins|starts|commencing|as of|start date (?:is|of)|first day (?:is|will be))\s+${DATE}`,
    ['startDate'],
    0.8,
  ),
  p(
    String.raw`\b(?:report(?:s|ing)?\s+(?:directly\s+)?to|managed by|supervised by|manager (?:is|will be))\s+${NAME}`,
    ['managerName'],
    0.75,
  ),
  p(
    String.raw`\b(?:in|with|to|join(?:s|ing)?)\s+(?:the|our)\s+(\p{Lu}[\p{L}&-]*(?:\s+(?:and\s+|&\s+)?\p{Lu}[\p{L}&-]*){0,4})\s+(?:department|unit|division|team|branch|directorate)\b`,
    ['department'],
    0.7,
  ),
  p(
    String.raw`\b(?:on|to|for|in|with)\s+(?:the|our)\s+(\p{Lu}[\p{L}&'-]*(?:\s+(?:and\s+|&\s+|for\s+|of\s+)?\p{Lu}[\p{L}&'-]*){0,5})\s+(?:program|programme)\b`,
    ['program'],
    0.7,
  ),
  p(
    String.raw`\b(?:employee|staff|personnel|payroll)\s+(?:number|no\.?|id|#)\s*(?:is|will be|:)?\s*([A-Z]{0,4}-?\d[\d-]{2,12})`,
    ['employeeNumber'],
    0.8,
  ),
  p(
    String.raw`\b${PERSON}\s+(?:will\s+)?(?:need|needs|require|requires|should have|should get)\s+(?:access\s+(?:to|as)\s+|the\s+)?((?:(?:a|an|the)\s+)?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,3}(?:(?:,\s*|\s+and\s+)(?:the\s+)?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,3}){0,4})\s+roles?\b`,
    ['requestedRoles'],
    0.65,
  ),
];

function putName(fields: Fields, raw: string, page: IntakePage, start: number, conf: number, ctx: ReadContext) {
  const split = splitName(raw);
  if (!split || /^(?:The|Our|This|Please|Dear|Hello|Hi)\b/.test(raw)) return;
  put(fields, 'firstName', split.first, { page, start }, conf, ctx);
  put(fields, 'lastName', split.last, { page, start: start + raw.lastIndexOf(split.last) }, conf, ctx);
}

export function proseFields(pages: IntakePage[], fields: Fields, ctx: ReadContext, skipFrom = 0) {
  pages.forEach((page, n) => {
    // Sentences run across lines; a blank line ends a paragraph. Offsets stay those of the page.
    const text = page.text.replace(/[\t ]*\n(?![\t ]*\n)[\t ]*/g, (s) => ' '.padEnd(s.length, ' '));
    const from = n === 0 ? skipFrom : 0;
    for (const { re, fields: names, conf } of PATTERNS) {
      re.lastIndex = from;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        names.forEach((name, i) => {
          const raw = m![i + 1];
          if (!name || !raw) return;
          const start = m!.index + m![0].indexOf(raw);
          if (name === 'name') putName(fields, raw, page, start, conf, ctx);
          else if (name === 'organization') {
            const org = raw.replace(/\s+(?:on|in|from|as|at)$/, '').replace(/^the\s+/, '');
            put(fields, name, org, { page, start: start + raw.indexOf(org) }, conf, ctx);
          } else put(fields, name, raw, { page, start }, conf, ctx);
        });
      }
    }
  });
}
