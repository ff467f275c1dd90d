/**
 * A question in an administrator's words as an FTS5 query: the words that carry meaning (common
 * English and question words dropped), each with the other words SmartSimple administrators use
 * for the same thing (a small thesaurus of the domain: "login" for "sign in", "org" for
 * "organization"), all ORed so BM25 ranks passages by how many of them they hold and how rare they
 * are. Every term is quoted: nothing typed can become FTS5 syntax.
 */

const STOP_WORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both ' +
    'but by can cannot could did do does doing down during each few for from further get gets getting got had has ' +
    'have having he her here hers him his how i if in into is it its itself just let me more most my myself no nor ' +
    'not now of off on once only or other our ours out over own same she should so some such than that the their ' +
    'theirs them then there these they this those through to too under until up very was we were what when where ' +
    'which while who whom why will with would you your yours yourself ' +
    // Question and request words that say nothing about the topic.
    "can't cant couldn't dont don't doesn't isn't won't wont able anyone anybody someone somebody something " +
    'anything thing things way ways need needs want wants wanted like please help know tell show make makes use ' +
    'using used happen happens happened possible go goes going still also already ever us else one ones lot ' +
    // Filler that questions are padded with.
    'exactly actually really basically simply quite kind sort maybe perhaps ok okay hi hello thanks thank'
  ).split(' '),
);

/**
 * Words administrators use for the same thing. Each entry is a group: a word typed in the question
 * brings in the whole group. Written from the domain, kept small on purpose.
 */
const THESAURUS: readonly (readonly string[])[] = [
  ['login', 'logon', 'signin', 'sign', 'log-in'],
  ['password', 'passwords', 'passwd', 'pwd'],
  ['locked', 'lock', 'lockout', 'locks', 'unlock', 'unlocked'],
  ['expiry', 'expire', 'expired', 'expires', 'expiring', 'expiration'],
  [
    'deactivate',
    'deactivated',
    'deactivating',
    'deactivation',
    'disable',
    'disabled',
    'offboard',
    'offboarding',
    'leaver',
  ],
  ['reactivate', 'reactivated', 'reactivating', 'reactivation', 'reenable', 're-enable', 'enable', 'enabled'],
  ['organization', 'organizations', 'organisation', 'organisations', 'org', 'orgs', 'company', 'companies'],
  ['program', 'programs', 'programme', 'programmes'],
  ['assignment', 'assignments', 'assign', 'assigned'],
  ['approve', 'approval', 'approvals', 'approved', 'approving', 'signoff', 'sign-off'],
  ['undo', 'revert', 'rollback', 'roll', 'reverse', 'undone'],
  ['limit', 'limits', 'quota', 'quotas', 'cap', 'maximum', 'throttle', 'throttled', 'throttling', 'budget'],
  ['crash', 'crashes', 'crashed', 'interrupt', 'interrupted', 'interruption', 'resume', 'resumes', 'resumed'],
  ['contractor', 'contractors', 'temporary', 'temp', 'temps', 'consultant', 'consultants'],
  ['give', 'gives', 'giving', 'grant', 'grants', 'granting', 'granted'],
  ['bulk', 'mass', 'batch', 'batches'],
  [
    'change',
    'changed',
    'changes',
    'changing',
    'edit',
    'edited',
    'edits',
    'editing',
    'modify',
    'modified',
    'update',
    'updated',
  ],
  ['api', 'smartconnect'],
  ['csv', 'spreadsheet', 'spreadsheets', 'excel', 'xlsx'],
  ['mfa', '2fa', 'two-factor', 'multi-factor', 'two-step', '2-step', 'otp', 'authenticator'],
  ['email', 'emails', 'e-mail', 'e-mails'],
  ['see', 'sees', 'show', 'shows', 'shown', 'visible', 'hidden', 'hide', 'hides', 'appear', 'appears'],
  ['hierarchy', 'tree', 'branch', 'branches'],
  ['duplicate', 'duplicates', 'dupe', 'dupes'],
  ['sync', 'synchronize', 'synchronise', 'resync', 'refresh'],
  ['ticket', 'tickets', 'escalate', 'escalation'],
  ['audit', 'trail'],
  ['dormant', 'stale', 'unused', 'idle'],
  ['privileged', 'sensitive', 'elevated', 'superuser'],
  ['review', 'reviews', 'recertification', 'recertify', 'attestation', 'certification'],
  ['remove', 'removed', 'removing', 'delete', 'deleted', 'deleting', 'deletion'],
  ['external', 'grantee', 'grantees'],
  ['internal', 'staff', 'employee', 'employees'],
  ['onboard', 'onboarding', 'onboarded', 'joiner', 'joiners', 'starter', 'hire', 'hires', 'hired'],
  ['administrator', 'administrators', 'admin', 'admins'],
  ['role', 'roles', 'permission', 'permissions', 'rights'],
  [
    'suggest',
    'suggests',
    'suggested',
    'suggestion',
    'suggestions',
    'recommend',
    'recommends',
    'recommended',
    'recommendation',
  ],
];

const GROUP_OF = new Map<string, readonly string[]>();
for (const group of THESAURUS) for (const word of group) GROUP_OF.set(word, group);

/** Words too common in this guide to count as evidence on their own. */
const GENERIC = new Set(['smartsimple', 'admin', 'desk', 'administrator', 'instance', 'screen', 'app']);

/** A meaningful word of the question with the other words for the same thing. */
export interface QueryGroup {
  /** The word as typed (after phrase rewriting). */
  typed: string;
  /** It and its alternatives; hyphenated ones are searched as phrases. */
  words: readonly string[];
  /** A word every page uses: it does not count as evidence on its own. */
  generic: boolean;
}

export interface HelpQuery {
  groups: QueryGroup[];
  /** The FTS5 MATCH expression of every word and its alternatives (empty when no word carries meaning). */
  match: string;
  /** Only the words as typed: ranked above their alternatives. */
  typed: string;
}

const quote = (w: string) => `"${w.replace(/"/g, '""')}"`;

/**
 * Lower-case words without accents. A possessive loses its "'s" ("contractor's" is "contractor");
 * a contraction stays whole so the stop words know it ("can't"); hyphenated forms stay as typed.
 */
export function wordsOf(text: string): string[] {
  const words =
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/’/g, "'")
      .replace(/(\p{L})'s\b/gu, '$1')
      .match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? [];
  return words
    .flatMap((w) => (w.includes("'") && !STOP_WORDS.has(w) ? w.split("'") : [w]))
    .filter((w) => w.length > 1 || /\d/.test(w));
}

/**
 * Phrases that say one thing in several words, rewritten to the word the guide would use before
 * the words are split (so "log in" does not lose "in" as a stop word, "turn it back on" is a
 * reactivation, and "who removed ..." asks for the logs and the audit trail).
 */
const PHRASES: readonly [RegExp, string][] = [
  [/\b(?:log|sign)(?:s|ged|ging|ed|ing)?[\s-]+(?:in|on|into)\b/gi, ' login '],
  [/\b(?:turn|switch|put|bring|get)(?:s|ed|ing)?\s+(?:\w+\s+){0,3}back\s+on\b/gi, ' reactivate '],
  [/\b(?:turn|switch|shut|cut)(?:s|ed|ing)?\s+(?:\w+\s+){0,3}off\b/gi, ' deactivate '],
  [/\b(?:left|leaves|leaving|leave)\s+the\s+(?:company|organi[sz]ation|firm|team)\b/gi, ' offboarding '],
  [/\b(?:run|ran|runs|running)\s+out\s+of\b/gi, ' limit reached '],
  [/\b(?:ran|run|runs|running)\s+out\b/gi, ' expired '],
  [/\bforg[eo]t(?:ten)?\s+(?:\w+\s+)?password\b/gi, ' password reset '],
  [/\broll(?:ed|ing)?\s+(?:\w+\s+){0,2}back\b/gi, ' undo '],
  [/\bnew\s+(?:hire|starter|joiner|employee|staff\s+member)s?\b/gi, ' onboarding new person '],
  [/\bwho\s+(?:\w+ed|made|did|gave|took|set)\b/gi, ' $& audit log history '],
  [/\b(?:one\s+at\s+a\s+time|one\s+by\s+one|individually|separately)\b/gi, ' one-by-one '],
];

const rewritePhrases = (text: string) => PHRASES.reduce((t, [re, to]) => t.replace(re, to), text);

const phrase = (w: string) => quote(w.replace(/-/g, ' '));
const groupMatch = (words: readonly string[]) =>
  words.length === 1 ? phrase(words[0]!) : `(${words.map(phrase).join(' OR ')})`;

/** The MATCH expressions of a set of groups (quoted terms only: nothing typed becomes syntax). */
export function withMatches(groups: QueryGroup[]): HelpQuery {
  return {
    groups,
    match: groups.map((g) => groupMatch(g.words)).join(' OR '),
    typed: groups
      .filter((g) => g.words.includes(g.typed))
      .map((g) => phrase(g.typed))
      .join(' OR '),
  };
}

/** The single terms of a group (hyphenated words split as FTS5 splits them). */
export const termsOf = (g: QueryGroup) => g.words.flatMap((w) => w.split('-'));

export function buildHelpQuery(text: string): HelpQuery {
  const seen = new Set<string>();
  const groups: QueryGroup[] = [];
  for (const word of wordsOf(rewritePhrases(text))) {
    if (STOP_WORDS.has(word) || seen.has(word)) continue;
    const alternatives = GROUP_OF.get(word) ?? [word];
    const fresh = alternatives.every((a) => !seen.has(a));
    seen.add(word);
    if (!fresh) continue;
    for (const a of alternatives) seen.add(a);
    groups.push({ typed: word, words: alternatives, generic: alternatives.some((a) => GENERIC.has(a)) });
  }
  return withMatches(groups);
}
