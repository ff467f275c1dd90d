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
    'using used happen happens happened possible go goes going still also already ever us else one ones lot'
  ).split(' '),
);

/**
 * Words administrators use for the same thing. Each entry is a group: a word typed in the question
 * brings in the whole group. Written from the domain, kept small on purpose.
 */
const THESAURUS: readonly (readonly string[])[] = [
  ['login', 'logon', 'signin', 'sign', 'logging', 'log-in'],
  ['password', 'passwords', 'passwd', 'pwd', 'credentials'],
  ['locked', 'lock', 'lockout', 'unlock', 'unlocked', 'locks'],
  ['expiry', 'expire', 'expired', 'expires', 'expiring', 'expiration'],
  [
    'deactivate',
    'deactivated',
    'deactivating',
    'disable',
    'disabled',
    'offboard',
    'offboarding',
    'leaver',
    'terminate',
  ],
  ['reactivate', 'reactivated', 'reactivating', 'reenable', 're-enable', 'reinstate', 'enable'],
  ['organization', 'organizations', 'organisation', 'org', 'orgs', 'company', 'companies'],
  ['program', 'programs', 'programme', 'programmes', 'level1'],
  ['uta', 'part', 'parts', 'assignment', 'assignments', 'assign'],
  ['approve', 'approval', 'approvals', 'approved', 'signoff', 'sign-off'],
  ['undo', 'revert', 'rollback', 'reverse', 'undone'],
  ['limit', 'quota', 'throttle', 'throttled', 'hourly', 'budget'],
  ['api', 'smartconnect'],
  ['csv', 'spreadsheet', 'excel'],
  ['mfa', '2fa', 'two-factor', 'otp', 'authenticator'],
  ['duplicate', 'duplicates', 'dupe', 'dupes', 'twice'],
  ['sync', 'synchronize', 'refresh', 'mirror'],
  ['ticket', 'escalate', 'escalation'],
  ['audit', 'trail', 'history'],
  ['dormant', 'stale', 'unused', 'idle'],
  ['privileged', 'sensitive', 'elevated', 'superuser', 'admin-level'],
  ['review', 'reviews', 'recertification', 'recertify', 'attestation', 'certification'],
  ['remove', 'removed', 'delete', 'deleted', 'deletion'],
  ['external', 'grantee', 'grantees', 'applicant', 'applicants', 'portal'],
  ['internal', 'staff', 'employee', 'employees'],
  ['onboard', 'onboarding', 'onboarded', 'joiner', 'starter'],
  ['administrator', 'administrators', 'admin'],
  ['role', 'roles', 'permission', 'permissions', 'rights'],
];

const GROUP_OF = new Map<string, readonly string[]>();
for (const group of THESAURUS) for (const word of group) GROUP_OF.set(word, group);

/** Words too common in this guide to count as evidence on their own. */
const GENERIC = new Set(['smartsimple', 'admin', 'desk', 'administrator', 'instance', 'screen', 'app']);

export interface HelpQuery {
  /** The FTS5 MATCH expression (empty when no word carries meaning). */
  match: string;
  /** One MATCH expression per meaningful word (with its alternatives), for judging relevance. */
  groups: { match: string; generic: boolean }[];
}

const quote = (w: string) => `"${w.replace(/"/g, '""')}"`;

/** Lower-case words, apostrophes kept inside words, hyphenated forms kept as typed. */
export function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []
  )
    .map((w) => w.replace(/’/g, "'"))
    .filter((w) => w.length > 1 || /\d/.test(w));
}

/** "log in", "signed on", "logging into": one word, so "in" and "on" are not lost as stop words. */
const PHRASAL_SIGN_IN = /\b(?:log|sign)(?:s|ged|ging|ed|ing)?[\s-]+(?:in|on|into)\b/gi;

export function buildHelpQuery(text: string): HelpQuery {
  const seen = new Set<string>();
  const groups: HelpQuery['groups'] = [];
  for (const word of wordsOf(text.replace(PHRASAL_SIGN_IN, ' login '))) {
    if (STOP_WORDS.has(word) || seen.has(word)) continue;
    const alternatives = GROUP_OF.get(word) ?? [word];
    const fresh = alternatives.every((a) => !seen.has(a));
    seen.add(word);
    if (!fresh) continue;
    for (const a of alternatives) seen.add(a);
    // Hyphenated words are searched as their parts, in order (FTS5 splits them the same way).
    const terms = alternatives.map((a) => quote(a.replace(/-/g, ' ')));
    groups.push({
      match: terms.length === 1 ? terms[0]! : `(${terms.join(' OR ')})`,
      generic: alternatives.some((a) => GENERIC.has(a)),
    });
  }
  return { match: groups.map((g) => g.match).join(' OR '), groups };
}
