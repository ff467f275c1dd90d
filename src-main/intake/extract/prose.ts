/**
 * Fields stated in sentences: "an account for our new Senior Program Officer, Dr. Jane Roe, who
 * joins the Arts Council on 11 January 2027". Only what a sentence states about the new person is
 * read; requests addressed to the reader (grant, approve, skip review) are never fields.
 */
import type { IntakePage, IntakeRecord } from '../../../src-preload/contract';
import { put } from './extract-fields';
import { splitName } from './normalize';

type Fields = IntakeRecord['fields'];
const NAME = String.raw`((?:(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?\s+)?[A-Z][\p{L}'’-]+(?:\s+(?:van|von|de|der|del|da|di|la|le|du|O'|Mc)?\s*[A-Z][\p{L}'’-]+){1,3})`;
const TITLE = String.raw`((?:[A-Z][\p{L}-]+\s+){0,4}(?:Officer|Manager|Coordinator|Co-ordinator|Director|Analyst|Assistant|Advisor|Adviser|Reviewer|Specialist|Administrator|Lead|Associate|Consultant|Clerk|Engineer|Developer|Accountant|Secretary|Editor|Evaluator|Intern))`;
const DATE = String.raw`(\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)?(?:day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}))`;

const PATTERNS: { re: RegExp; fields: (string | null)[]; conf: number }[] = [
  { re: new RegExp(String.raw`new\s+${TITLE},?\s+${NAME}`, 'gu'), fields: ['title', 'name'], conf: 0.8 },
  {
    re: new RegExp(String.raw`${NAME},?\s+(?:our|the|as|a)\s+(?:new\s+)?${TITLE}`, 'gu'),
    fields: ['name', 'title'],
    conf: 0.75,
  },
  { re: new RegExp(String.raw`(?:account|access|login)\s+for\s+${NAME}`, 'gu'), fields: ['name'], conf: 0.7 },
  {
    re: new RegExp(
      String.raw`(?:joins|joining|join|starts? at|starting at)\s+(?:us at\s+)?(the\s+[A-Z][\p{L}&'-]+(?:\s+(?:of|for|and|&)?\s*[A-Z][\p{L}&'-]+){0,5}|[A-Z][\p{L}&'-]+(?:\s+(?:of|for|and|&)?\s*[A-Z][\p{L}&'-]+){0,5})`,
      'gu',
    ),
    fields: ['organization'],
    conf: 0.7,
  },
  {
    re: new RegExp(String.raw`(?:on|from|starting|effective|begins|starts|commencing|as of)\s+${DATE}`, 'gu'),
    fields: ['startDate'],
    conf: 0.75,
  },
  {
    re: new RegExp(String.raw`(?:report(?:s|ing)?\s+to|managed by|supervised by)\s+${NAME}`, 'gu'),
    fields: ['managerName'],
    conf: 0.7,
  },
  {
    re: new RegExp(
      String.raw`(?:in|with)\s+(?:the|our)\s+([A-Z][\p{L}&-]+(?:\s+[A-Z][\p{L}&-]+){0,4})\s+(?:department|unit|division|team)`,
      'gu',
    ),
    fields: ['department'],
    conf: 0.65,
  },
  {
    re: new RegExp(
      String.raw`(?:on|to|for)\s+the\s+([A-Z][\p{L}&-]+(?:\s+[A-Z][\p{L}&-]+){0,5})\s+(?:program|programme)\b`,
      'gu',
    ),
    fields: ['program'],
    conf: 0.6,
  },
];

export function proseFields(pages: IntakePage[], fields: Fields) {
  for (const page of pages) {
    const text = page.text.replace(/\n(?!\n)/g, ' ');
    for (const { re, fields: names, conf } of PATTERNS) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        names.forEach((name, i) => {
          const raw = m![i + 1];
          if (!name || !raw) return;
          const start = m!.index + m![0].indexOf(raw);
          const at = { page, start };
          if (name === 'name') {
            const split = splitName(raw);
            if (!split) return;
            put(fields, 'firstName', split.first, { page, start }, conf);
            put(fields, 'lastName', split.last, { page, start: start + raw.lastIndexOf(split.last) }, conf);
          } else if (name === 'organization') {
            put(fields, name, raw.replace(/^the\s+(?=[A-Z])/, (s) => s).replace(/\s+(?:on|in|from)$/, ''), at, conf);
          } else put(fields, name, raw, at, conf);
        });
      }
    }
  }
}
