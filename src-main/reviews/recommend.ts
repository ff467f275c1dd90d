/**
 * Keep or revoke for one item, with every reason shown. A plain rule, stated once (README.md):
 * revoke when a decisive reason says so, keep otherwise; the other reasons are shown and set the
 * confidence. Decisive reasons:
 * - no sign-in for the dormant limit (90 days by default), or never since the account was made;
 * - no peer holds the role (a peer group of at least `peerMinGroup`, the person included);
 * - an open finding about this very access (an unusual role, a separation-of-duties conflict, an
 *   external with an internal role, privileged access unused; for login access: dormant, expired);
 * - privileged access that is rarely held by peers (10% or less) or unused for 30 days (the
 *   investigation's privileged-unused limit); an undecided role that looks privileged counts only
 *   when internal staff hold it more than external people do;
 * - the program is closed and the person is staff on it (applicants keep their part to report).
 * Nothing else decides: 30 days without a sign-in, a risk score, a finding about something else,
 * some peers holding it, are shown and weigh on the confidence only.
 */
import type { ReviewDecision, ReviewReason, RiskBand } from '../../src-preload/contract';
import { FINDING_KIND_LABELS } from '../../src-preload/contract';
import type { FindingKind } from '../../src-preload/contract';
import { canSignIn, DAY_S, isExpired, lastActivity, percent, plural, secondsToWire } from '../investigate/model';
import { ACCESS_TYPES, USER_TYPES } from '../smartsimple/protocol';
import type { DraftItem, OpenFinding, PersonRisk, ReviewPerson, ReviewProgram, ReviewRole } from './model';
import { isClosedProgram, RECOMMEND } from './model';
import type { PeerCount } from './peers';

export interface ItemContext {
  item: DraftItem;
  person: ReviewPerson;
  /** Seconds. */
  asOf: number;
  dormantDays: number;
  /** Privileged access unused this many days is revoked (the investigation's setting, 30 by default). */
  privilegedUnusedDays: number;
  peers: PeerCount | null;
  role?: ReviewRole | undefined;
  program?: ReviewProgram | undefined;
  findings: readonly OpenFinding[];
  risk: PersonRisk | null;
}

export interface Recommendation {
  recommendation: ReviewDecision;
  confidence: number;
  reasons: ReviewReason[];
  riskBand: RiskBand;
  /** Days since the last sign-in (or since the account was made, when never); null when unknown. */
  idleDays: number | null;
}

const reason = (code: ReviewReason['code'], effect: ReviewReason['effect'], text: string, decisive = false) => ({
  code,
  effect,
  decisive,
  text,
});
const day = (seconds: number) => secondsToWire(seconds).slice(0, 10);

/** Findings about this very access decide; those about the person are shown. */
const ROLE_FINDINGS: ReadonlySet<FindingKind> = new Set([
  'peer_outlier',
  'sod_conflict',
  'external_internal_role',
  'privileged_unused',
]);
const ACCESS_FINDINGS: ReadonlySet<FindingKind> = new Set(['dormant', 'expired_access', 'privileged_unused']);

function idleDaysOf(ctx: ItemContext): number | null {
  const since = lastActivity(ctx.person) ?? ctx.person.created;
  return since === null ? null : Math.floor((ctx.asOf - since) / DAY_S);
}

function signInReasons(ctx: ItemContext, idle: number | null): ReviewReason[] {
  const p = ctx.person;
  if (p.accessType !== ACCESS_TYPES.user)
    return [
      reason('cannot_sign_in', 'info', 'Has no login access: what they hold grants nothing until access is given.'),
    ];
  if (p.status === 'Pending') return [reason('pending', 'info', 'Pending activation: has not been let in yet.')];
  if (isExpired(p, ctx.asOf))
    return p.status === 'Active'
      ? [
          reason(
            'access_expired',
            ctx.item.kind === 'access' ? 'revoke' : 'info',
            `Access expired on ${p.expiry?.slice(0, 10)}, but the account is still active with login access.`,
            ctx.item.kind === 'access',
          ),
        ]
      : [reason('cannot_sign_in', 'info', `Access expired on ${p.expiry?.slice(0, 10)}.`)];
  if (!canSignIn(p, ctx.asOf)) return [reason('cannot_sign_in', 'info', `Cannot sign in (status ${p.status}).`)];
  const last = lastActivity(p);
  if (idle === null) return [];
  if (idle >= ctx.dormantDays)
    return [
      reason(
        'no_login_90',
        'revoke',
        last === null
          ? `Never signed in; the account was made ${plural(idle, 'day')} ago.`
          : `No sign-in for ${plural(idle, 'day')} (last ${day(last)}; the limit is ${ctx.dormantDays}).`,
        true,
      ),
    ];
  if (idle >= RECOMMEND.recentDays)
    return [
      reason(
        'no_login_30',
        'info',
        last === null
          ? `Never signed in; the account is ${plural(idle, 'day')} old.`
          : `No sign-in for ${plural(idle, 'day')} (last ${day(last)}).`,
      ),
    ];
  return [
    reason(
      'recent_sign_in',
      'keep',
      last === null
        ? 'A new account.'
        : `Signed in ${idle === 0 ? 'today' : `${plural(idle, 'day')} ago`} (${day(last!)}).`,
    ),
  ];
}

function peerReason(ctx: ItemContext): ReviewReason {
  const peers = ctx.peers;
  const what = ctx.item.kind === 'access' ? 'login access' : ctx.item.kind === 'assignment' ? 'this part' : 'it';
  if (!peers)
    return reason(
      'no_peer_group',
      'info',
      'No peer group to compare with (fewer than 4 people share their side, department and title).',
    );
  const share = peers.n === 0 ? 0 : peers.k / peers.n;
  const text = `${peers.k === 0 ? 'None' : `${peers.k}`} of their ${plural(peers.n, 'peer')} (${peers.group}) hold${peers.k === 1 ? 's' : ''} ${what} (${percent(share)}).`;
  if (share > RECOMMEND.peerKeepShare) return reason('peers_most', 'keep', text);
  // Only a profile role is judged by its peers: program parts and login access are personal.
  if (peers.k === 0 && ctx.item.kind === 'role') return reason('peers_none', 'revoke', text, true);
  return reason('peers_some', 'info', text);
}

function isAbout(ctx: ItemContext, f: OpenFinding): boolean {
  if (ctx.item.kind === 'access') return ACCESS_FINDINGS.has(f.kind);
  if (ctx.item.kind === 'role') return ROLE_FINDINGS.has(f.kind) && f.roleIds.includes(ctx.item.roleId ?? -1);
  return false;
}

function findingReasons(ctx: ItemContext): ReviewReason[] {
  const about = ctx.findings.filter((f) => isAbout(ctx, f));
  const other = ctx.findings.filter((f) => !isAbout(ctx, f)).sort((a, b) => b.score - a.score);
  const label = (f: OpenFinding) => `${FINDING_KIND_LABELS[f.kind]} (score ${f.score.toFixed(2)}): ${f.reason}`;
  const out = about.map((f) => reason('finding', 'revoke', `Open finding about it: ${label(f)}`, true));
  for (const f of other.slice(0, 3))
    out.push(reason('finding_person', 'info', `Open finding about the person: ${label(f)}`));
  if (other.length > 3)
    out.push(reason('finding_person', 'info', `${plural(other.length - 3, 'more open finding')} about the person.`));
  return out;
}

function riskReason(ctx: ItemContext): ReviewReason | null {
  if (!ctx.risk || ctx.risk.score <= 0) return null;
  const parts = ctx.risk.contributions
    .slice(0, 3)
    .map((c) => `${c.label} +${c.points}`)
    .join(', ');
  return reason('risk', 'info', `Risk score ${ctx.risk.score}: ${parts}.`);
}

function privilegedReason(ctx: ItemContext, idle: number | null): ReviewReason | null {
  if (!ctx.item.privileged) return null;
  const p = ctx.person;
  const what =
    ctx.item.kind === 'access'
      ? `A ${p.userType === USER_TYPES.globalAdmin ? 'global' : 'local'} user administrator account`
      : ctx.role?.flagged
        ? `${ctx.role.name} is flagged privileged`
        : `${ctx.role?.name ?? 'The role'} looks privileged (not yet decided on the Roles screen)`;
  const peers = ctx.peers;
  const rare =
    ctx.item.kind === 'role' &&
    peers &&
    peers.n >= 3 &&
    peers.k > 0 &&
    peers.k / peers.n <= RECOMMEND.privilegedRareShare;
  const unused = canSignIn(p, ctx.asOf) && idle !== null && idle >= ctx.privilegedUnusedDays && idle < ctx.dormantDays;
  if (rare)
    return reason('privileged', 'revoke', `${what}, and only ${percent(peers.k / peers.n)} of peers hold it.`, true);
  if (unused) return reason('privileged', 'revoke', `${what}, unused for ${plural(idle, 'day')}.`, true);
  return reason('privileged', 'info', `${what}.`);
}

function programReason(ctx: ItemContext): ReviewReason | null {
  const program = ctx.program;
  if (ctx.item.kind !== 'assignment' || !program) return null;
  if (!isClosedProgram(program.status)) return null;
  if (program.ownerId === ctx.person.id)
    return reason(
      'program_owner',
      'keep',
      `Owns ${program.name}, which is closed: a closed program stays with its owner.`,
    );
  if (ctx.person.isExternal)
    return reason(
      'program_closed',
      'info',
      `${program.name} is ${program.status}; applicants keep their part to see and report on their applications.`,
    );
  return reason(
    'program_closed',
    'revoke',
    `${program.name} is ${program.status}: a staff part on it ends with it.`,
    true,
  );
}

function bandOf(ctx: ItemContext, recommendation: ReviewDecision, reasons: ReviewReason[]): RiskBand {
  const score = ctx.risk?.score ?? 0;
  if (score >= RECOMMEND.highRisk || reasons.some((r) => r.code === 'finding')) return 'high';
  if (ctx.item.privileged) return recommendation === 'revoke' ? 'high' : 'medium';
  return score >= RECOMMEND.mediumRisk ? 'medium' : 'low';
}

function confidenceOf(recommendation: ReviewDecision, reasons: ReviewReason[]): number {
  const against = recommendation === 'revoke' ? 'keep' : 'revoke';
  const forIt = reasons.filter((r) => r.effect === recommendation).length;
  const weakAgainst = reasons.filter(
    (r) => r.effect === against || r.code === 'no_login_30' || r.code === 'finding_person' || r.code === 'peers_some',
  ).length;
  const base = recommendation === 'revoke' ? 0.65 : 0.6;
  const c = base + 0.1 * Math.max(0, forIt - (recommendation === 'revoke' ? 1 : 0)) - 0.08 * weakAgainst;
  return Math.round(Math.min(0.98, Math.max(0.5, c)) * 100) / 100;
}

export function recommend(ctx: ItemContext): Recommendation {
  const idle = idleDaysOf(ctx);
  const reasons = [
    ...signInReasons(ctx, idle),
    peerReason(ctx),
    programReason(ctx),
    privilegedReason(ctx, idle),
    ...findingReasons(ctx),
    riskReason(ctx),
  ].filter((r): r is ReviewReason => r !== null);
  // Strongest first: what decides, then what points the same way, then the rest.
  const order = (r: ReviewReason) => (r.decisive ? 0 : r.effect === 'info' ? 2 : 1);
  reasons.sort((a, b) => order(a) - order(b));
  const recommendation: ReviewDecision = reasons.some((r) => r.decisive && r.effect === 'revoke') ? 'revoke' : 'keep';
  return {
    recommendation,
    confidence: confidenceOf(recommendation, reasons),
    reasons,
    riskBand: bandOf(ctx, recommendation, reasons),
    idleDays: idle,
  };
}
