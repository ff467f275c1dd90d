/**
 * The grammar's vocabulary: the many ways of saying one thing ("signed on", "logins", "sessions",
 * "accessed the portal") turned into one canonical word ("login") before any rule reads the
 * question, so each rule is written once, over canonical words, and a synonym added here serves
 * every rule. Runs after names (`e<k>`) and time phrases (`tw<k>`, `th<k>`, `td<k>`) are placeholders.
 *
 * Canonical words: people, who, login, lastlogin, not, never, role, department, organization,
 * program, title, status, accesstype, usertype, hour, weekday, month, day, action, per, count,
 * most, fewest, mostactive, top, distinct, ip, agent, time, granted, removed, deactivated,
 * activated, passwordreset, change, was, created, expiry, expired, notexpired, noexpiry,
 * noaccess, apiaccess, portalaccess, hasaccess, globaladmin, localadmin, admin, regularuser,
 * internal, external, privileged, active, inactive, pending, assignedto, reviewverb, applyverb,
 * manageverb, both, either, and, or, as, and comparisons `>`, `>=`, `<`, `<=`, `=` before a number.
 */
import { singular } from './lexicon';
import { NUMBER_WORDS } from './numbers';

/** Words singular() would spoil. */
const KEEP = new Set(
  'does status access previous various plus this his has was is us across less unless thus yes its whose always perhaps sometimes address ips'.split(
    ' ',
  ),
);

const PLACEHOLDER = /^(?:e|tw|th|td)\d+$/;
const TIME_AHEAD = '(?= (?:in |during |within |over |since |on |at |between |from |after |before |for )?t[whd]\\d)';
const GROUP_AHEAD =
  '(?= (?:the |their |each )?(?:department|organization|role|title|status|accesstype|usertype|program|hour|weekday|month|day|action)(?: |$))';

/** [pattern over the words, replacement], in order: compounds before the words they contain. */
const TABLE: [string, string][] = [
  // Asking words ("give me", "can you show") before "give" can be read as granting.
  ['(?:can|could|would|will) you (?:please )?(?:give|show|tell|list|find|get|pull|display)(?: me| us)?', ''],
  [
    '(?:please )?(?:give|show|tell|get|find|send|pull|bring) (?:me|us)|i (?:want|need|would like|wish)(?: to (?:see|know|find|get))?',
    '',
  ],
  // Compounds whose words mean something else alone.
  ['user agent|user-agent|useragent', 'agent'],
  ['(?:access|account)(?= (?:\\w+ ){0,2}(?:expir|lapse|end))', ''],
  // Numbers and comparisons.
  ['a single|one single|a lone', '1'],
  ['a couple of|a pair of|couple of', '2'],
  [
    'how many|how much|the number of|number of|count of|count the|total number of|total count of|a count of|tally of|amount of|total',
    'count',
  ],
  ['(\\d+) or (?:more|above|greater|higher|over)', '>= $1'],
  ['(\\d+) plus', '>= $1'],
  ['(\\d+) or (?:fewer|less|below|lower|under)', '<= $1'],
  ['(?:more than|greater than|over|above|exceeding|in excess of|upwards of|higher than|beyond) (\\d+)', '> $1'],
  ['(?:at least|no fewer than|no less than|not fewer than|not less than|a minimum of|minimum of|min) (\\d+)', '>= $1'],
  ['(?:fewer than|less than|under|below|lower than) (\\d+)', '< $1'],
  ['(?:at most|no more than|not more than|up to|a maximum of|maximum of|max) (\\d+)', '<= $1'],
  ['(?:exactly|precisely|only|just) (\\d+)', '= $1'],
  ['(?:multiple|several|more than 1|many)(?= )', '> 1'],
  // People and accounts.
  ['(?:login|user|system|portal) account|login id|username', 'people'],
  ['service account|integration account|integration user|api user|api account|api only|api access|api', 'apiaccess'],
  [
    'user|person|account|staff|staffer|employee|member|contact|individual|folk|colleague|profile|someone|somebody|anyone|anybody|everyone|everybody|personnel|worker|teammate|holder|owner',
    'people',
  ],
  ['people people', 'people'],
  ['whom|those who|the one who|anyone who|the people who|people who|people that|people whose', 'who'],
  ['(?:which|what) people', 'who'],
  // Logins.
  [
    '(?:the )?(?:last|latest|most recent|final) (?:time (?:they |he |she )?)?(?:logged in|logged on|log in|log on|signed in|signed on|sign in|sign-in|signin|login|logon|log-in|seen|active|access|accessed|activity|session|visit)(?: date| time)?',
    'lastlogin',
  ],
  [
    '(?:logged|log|logging|logs|signed|sign|signing|signs)(?: ?-?(?:in|on|into))(?: to)?|sign-in|log-in|log-on|sign-on|signin|logon|login|session|visit|visited',
    'login',
  ],
  [
    '(?:accessed|used|visited|entered|opened) (?:the )?(?:system|portal|platform|app|application|instance|site|smartsimple)',
    'login',
  ],
  ['login (?:into |onto |to )?(?:the )?(?:system|portal|platform|app|application|instance|site|smartsimple)', 'login'],
  ['login activity|activity|active session|login event', 'login'],
  ['logged|signed|logging|signing', 'login'],
  [`(?:been |were |was )?active${TIME_AHEAD}`, 'login'],
  // Expiry (before "not" and "access").
  [
    'past (?:its |their |the )?(?:access )?(?:expiry|expiration)(?: date)?|(?:has |have |is |are |was |were )?(?:expired|lapsed)(?: access| account)?',
    'expired',
  ],
  ['not expired|unexpired|not yet expired|still valid|not lapsed', 'notexpired'],
  ['(?:access |account )?(?:expiry|expiration|end)(?: date)?', 'expiry'],
  [
    '(?:will |due to |set to |going to |scheduled to )?(?:expire|expires|expiring|lapse|lapses|lapsing|run out|runs out)',
    'expiry',
  ],
  ['(?:access )?(?:ends|ending)', 'expiry'],
  ['(?:no|not|without|never|with no|lacking)(?: an?| any| have an?| has an?| set)? expiry', 'noexpiry'],
  // Access types and admin types.
  ['access type (?:is |of |= )?(?:none|no access|no|0)', 'noaccess'],
  ['access type (?:is |of |= )?(?:user|portal|1)', 'portalaccess'],
  ['access type (?:is |of |= )?(?:5|apiaccess)', 'apiaccess'],
  [
    '(?:no|not|without|zero|lacking)(?: have| has| any)? (?:portal |login |system )?access(?! change| type)',
    'noaccess',
  ],
  ['can not login|not able to login|unable to login', 'noaccess'],
  ['(?:portal|interactive|standard|login|normal) access|user access', 'portalaccess'],
  ['(?:with|has|have|having|who have|who has|got) access(?! change| type)|can login|able to login', 'hasaccess'],
  ['access type|access level|type of access|kind of access', 'accesstype'],
  ['user type|admin type|account type|type of people|type of user|kind of people|people type', 'usertype'],
  ['global (?:people )?(?:admin|administrator|admin people)', 'globaladmin'],
  ['local (?:admin|administrator|admin people)', 'localadmin'],
  ['(?:regular|normal|standard|ordinary|plain|basic|non-admin|nonadmin|non admin) (?:people|usertype)', 'regularuser'],
  ['(?:admin|administrator|superuser|sysadmin|super user)(?: people)?', 'admin'],
  ['(?:which|what)(?= (?:admin|globaladmin|localadmin|regularuser|internal|external|e\\d+))', 'who'],
  ['dormant|idle|stale|unused|abandoned', 'dormant'],
  // Kinds of people.
  ['outside(?: of)?(?= (?:the )?e\\d)', 'not'],
  ['non-external|not external|non external|internal|in-house|in house|our own', 'internal'],
  [
    'non-internal|not internal|non internal|external|outside|grantee|partner|third-party|third party|outsider|non-staff',
    'external',
  ],
  ['non-privileged|unprivileged|not privileged', 'not privileged'],
  ['highly privileged|high-privilege|high privilege|privileged|privilege|elevated|sensitive|powerful', 'privileged'],
  ['(?:whose |with |where )?status (?:is |of |= )?(active|inactive|pending)', '$1'],
  ['not active|non-active|nonactive', 'not active'],
  // Created ("since they were created" says nothing more than "never").
  [
    'since (?:they were|their account was|it was|the account was|the accounts were|being) (?:created|added|made|registered|set up)',
    '',
  ],
  [
    'people (?:who |that )?(?:were |was |have been |has been |got |been )?(?:added|created|registered|set up|onboarded|made)',
    'people created',
  ],
  ['created|registered|onboarded|joined|new', 'created'],
  // Changes.
  [
    '(?:access|account|login) (?:was |were |been |got |is )?(?:removed|revoked|taken away|disabled|withdrawn)|lost (?:their |his |her )?access',
    'was deactivated',
  ],
  ['(?:removed|revoked|took away|taken away|withdrew|disabled) (?:their |his |her |the )?access', 'deactivated'],
  ['(?:access|account|login) (?:was |were |been |got |is )?(?:granted|given|restored|enabled)', 'was activated'],
  ['(?:granted|gave|given|restored|enabled) (?:their |his |her |the )?access', 'activated'],
  [
    'password (?:reset|change|changed|update|updated)|reset (?:(?:their|his|her|its|a|the) )?password|password',
    'passwordreset',
  ],
  [
    'assigned to|assigned on|assigned in|assigned for|enrolled in|participating in|participant in|working on|involved in|attached to',
    'assignedto',
  ],
  ['(?<=role )(?:assigned|given|held)', ''],
  [
    '(?:got|received|gained|obtained|acquired|(?:was|were|been|be|get|getting) (?:given|granted|assigned|added|provisioned|awarded))',
    'was granted',
  ],
  [
    '(?:lost|(?:was|were|been|be|get|getting|got) (?:removed|revoked|taken away|stripped|withdrawn|deprovisioned|dropped))',
    'was removed',
  ],
  ['(?:was|were|been|be|get|getting|got) (?:deactivated|disabled|suspended|locked|terminated)', 'was deactivated'],
  ['(?:was|were|been|be|get|getting|got) (?:activated|enabled|reactivated|unlocked)', 'was activated'],
  ['(?:had|have|has|got) (?:a |their |his |her |the )?passwordreset', 'was passwordreset'],
  // Changes counted as nouns ("how many deactivations") keep a word the count rule reads.
  ['(?<=count )(?:deactivation|suspension)', 'events deactivated'],
  ['(?<=count )(?:activation|reactivation)', 'events activated'],
  ['(?<=count )(?:role )?(?:removal|revocation)', 'events removed'],
  ['(?<=count )(?:role )?grant', 'events granted'],
  ['deactivation|suspension', 'deactivated'],
  ['activation|reactivation', 'activated'],
  ['removal|revocation', 'removed'],
  [
    'granted|given|gave|give|grant|grants|gives|added|add|adds|assigned|assign|provisioned|provision|awarded|allocated|conferred',
    'granted',
  ],
  [
    'removed|remove|removes|revoked|revoke|revokes|took away|taken away|take away|stripped|withdrew|withdrawn|deprovisioned|unassigned|dropped',
    'removed',
  ],
  [
    'deactivated|deactivate|deactivates|disabled|disable|disables|suspended|suspend|locked out|locked|terminated|offboarded',
    'deactivated',
  ],
  [
    'activated|activate|activates|enabled|enable|enables|reactivated|reactivate|unlocked|unlock|re-enabled|re-activated',
    'activated',
  ],
  [
    '(?:made|make|did|do|done|performed|carried out) (?:a |any |some |the )?(?:change|modification|edit|update)',
    'change',
  ],
  ['change (?:made|done|performed|carried out)', 'change'],
  ['(?:did|has|have|had) (e\\d+) (?:make|made|do|done|perform|performed|carry out|carried out)', 'by $1'],
  ['(?:access|account|security|user) (?:change|changed|modification|event|history|log|update|edit)', 'change'],
  ['(?:role|permission) (?:change|changed|modification|event|history|log|update|edit)', 'role change'],
  [
    'changed|change|modified|modify|modifies|modification|edited|edit|updated|update|altered|alter|touched|event|history|audit log',
    'change',
  ],
  ['permission|security role|access role|profile role|user role|role assignment', 'role'],
  // "Document Manager access": the role.
  ['(?<=e\\d+ )(?:access|right|rights|privilege)(?! type| change)', 'role'],
  // Programs.
  ['program assignment|assignment|assignee', 'program'],
  ['grant program|funding program|programme|grant opportunity|funding opportunity', 'program'],
  ['(?:review|reviews|reviewing|reviewed)(?: application| proposal)?(?: for| on| of)?', 'reviewverb'],
  ['(?:apply|applies|applied|applying|submitted)(?: application)?(?: to| for| on)', 'applyverb'],
  ['(?:manage|manages|managing|managed|oversee|oversees|overseeing|run|runs|running)', 'manageverb'],
  // Group words.
  ['department|dept|team|unit|division', 'department'],
  ['grantee organization|organization|organisation|org|company|agency|institution|employer|firm', 'organization'],
  ['job title|role title|titled|entitled|title|position|job', 'title'],
  ['hour of (?:the )?day|time of (?:the )?day|hour', 'hour'],
  ['day of (?:the )?week|week ?day|weekday', 'weekday'],
  ['calendar month|month', 'month'],
  ['date|calendar day', 'day'],
  ['action|change type|kind of change|type of change|event type', 'action'],
  [
    `(?:per|by|for each|each|grouped by|group by|broken down by|breakdown by|broken out by|split by|across|in each|for every|by their|per their|according to|by each|in every)${GROUP_AHEAD}`,
    'per',
  ],
  // Ranking.
  ['most active|busiest|most frequent|heaviest|most frequently', 'mostactive'],
  [
    '(?:the )?(?:most|highest number of|largest number of|greatest number of|biggest number of|highest count of|most number of|highest|largest|biggest|greatest|maximum|ranked by|sorted by|ordered by|in order of)',
    'most',
  ],
  ['(?:the )?(?:fewest|least|lowest|smallest|lowest number of|least number of|minimum)', 'fewest'],
  ['different|distinct|unique|separate|various', 'distinct'],
  ['distinct(?= (?:people|who))', ''],
  ['ip address|ip number|ip|ips|network address|address|location|computer', 'ip'],
  ['user agent|user-agent|useragent|agent|browser|device|client|machine', 'agent'],
  ['time|occasion', 'time'],
  // Negation and joining words.
  ['not ever|not once|never ever|never', 'never'],
  [
    'not|no|without|lacking|lack|lacks|missing|excluding|exclude|except for|except|other than|but not|aside from|apart from|none of|none|nobody|zero|non|minus',
    'not',
  ],
  ['not (?:any|a|an|one|have|has|hold|holding|with)', 'not'],
  ['as well as|plus|along with|together with|&|and also', 'and'],
  ['and/or|vs|versus|compared to|compared with', 'or'],
];

const COMPILED = TABLE.map(([pattern, to]) => [new RegExp(`(?<= )(?:${pattern})(?= )`, 'g'), to] as const);

function numberWord(word: string): string {
  const n = NUMBER_WORDS[word];
  return n === undefined ? word : String(n);
}

/** The words in canonical form, as one string padded with spaces (rules read it with `(?<= )`). */
export function canonicalize(words: string[]): string {
  let s = ` ${words.map((w) => (PLACEHOLDER.test(w) || KEEP.has(w) ? w : numberWord(singular(w)))).join(' ')} `;
  for (const [re, to] of COMPILED) s = s.replace(re, to).replace(/ {2,}/g, ' ');
  return s;
}

/** Words that carry no condition of their own. */
const FILLER = new Set(
  (
    'a an the of to in on at for with who what which that this these those is are was were be been being am ' +
    'do does did have has had me us my our all any every list show find give get display tell return name names ' +
    'please can could would will should you i we there their them they it its and or but currently current now still ever also ' +
    'by from as than then so such only just some one where when whats while wherein whereby into onto within during about ' +
    'people both either here exist exists existing here holding hold held holds having possess possessing ' +
    'see want know like look lookup looking need needs let pull up out fetch bring report retrieve identify give ' +
    'utc gmt zone right system instance mirror set within since ago yet already whether if how whose ' +
    'he she his her him individually respectively altogether overall together along often frequently ' +
    'work works working worked belong belongs belonging employed based use used using make made do done ' +
    'happen happened happening occur occurred occurring took place recorded logged there'
  ).split(' '),
);

export function isFiller(word: string): boolean {
  return FILLER.has(word);
}

/** Words the grammar reads: never taken for a name with a typo, nor for a one-word name unless written as one. */
const KEYWORDS = new Set(
  (
    'login logged log signed sign session never role department program organization org company title ' +
    'external internal active inactive pending expired expiry expire access type admin administrator global local ' +
    'api portal more less fewer least most top than over under exactly different distinct unique address agent ' +
    'browser device change changed granted removed revoked added deactivated activated reset password both either ' +
    'without per each group month week day hour weekday created joined new privileged assigned team unit division ' +
    'user people person account staff member contact count number total last past previous next since before after ' +
    'between yesterday today morning afternoon evening night weekend weekday midnight noon am pm ago ' +
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday review apply manage status'
  ).split(' '),
);

export function isKeyword(word: string): boolean {
  return KEYWORDS.has(word) || KEYWORDS.has(singular(word));
}
