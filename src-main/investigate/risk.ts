/**
 * A person's risk score: a plain sum of documented contributions, each shown with its points, so
 * the administrator can see exactly how a score is made (SailPoint's users complain they cannot).
 *
 * Standing access counts only while the account can sign in; open findings (open or
 * acknowledged, still detected; dismissed and remediated ones do not count) count either way.
 * Dormant, expired and external-with-internal-role findings are not counted again as findings:
 * the "stale account", "access past expiry" and "external with a sensitive role" factors say the
 * same thing from the person's record.
 */
import type { FindingKind, RiskContribution, RiskFactor } from '../../src-preload/contract';
import { FINDING_KIND_LABELS, inSentence } from '../../src-preload/contract';
import type { DetectorSettings, PersonFacts, RoleFacts } from './model';
import { canSignIn, DAY_S, isExpired, lastActivity, plural } from './model';
import { ACCESS_TYPES, USER_TYPES } from '../smartsimple/protocol';

/** Points per open finding, and the most a kind can add. */
const FINDING_POINTS: Partial<Record<FindingKind, { each: number; max: number }>> = {
  permission_burst: { each: 30, max: 60 },
  sod_conflict: { each: 25, max: 50 },
  privileged_unused: { each: 20, max: 20 },
  peer_outlier: { each: 15, max: 30 },
  off_hours: { each: 10, max: 30 },
  new_ip_or_agent: { each: 3, max: 15 },
};

const PRIVILEGED_ROLE = { each: 20, max: 40 };
const LIKELY_PRIVILEGED_ROLE = { each: 10, max: 20 };
const ADMIN_TYPE: Record<string, number> = { [USER_TYPES.localAdmin]: 25, [USER_TYPES.globalAdmin]: 40 };
const EXTERNAL_SENSITIVE = 25;
const STALE = 15;
const PAST_EXPIRY = 20;
const MANY_ROLES = { over: 8, points: 5 };

/** The factors as the Risk tab documents them. */
export const RISK_FACTORS: RiskFactor[] = [
  {
    factor: 'privileged_role',
    label: 'Privileged roles held',
    points: `${PRIVILEGED_ROLE.each} each, at most ${PRIVILEGED_ROLE.max}`,
    description: 'Roles the administrator flagged privileged, while the account can sign in.',
  },
  {
    factor: 'likely_privileged_role',
    label: 'Roles that look privileged (undecided)',
    points: `${LIKELY_PRIVILEGED_ROLE.each} each, at most ${LIKELY_PRIVILEGED_ROLE.max}`,
    description: 'Undecided roles whose name or holders look privileged; deciding them on the Roles screen settles it.',
  },
  {
    factor: 'admin_type',
    label: 'Administrator type',
    points: `${ADMIN_TYPE[USER_TYPES.localAdmin]} local, ${ADMIN_TYPE[USER_TYPES.globalAdmin]} global`,
    description: 'A user administrator type (local or global), while the account can sign in.',
  },
  {
    factor: 'external_sensitive',
    label: 'External with a sensitive role',
    points: String(EXTERNAL_SENSITIVE),
    description: 'An external person holding a privileged role or a role held almost only by internal staff.',
  },
  {
    factor: 'stale_account',
    label: 'Stale account',
    points: String(STALE),
    description: 'Can sign in but has not for longer than the dormant limit (or never did).',
  },
  {
    factor: 'past_expiry',
    label: 'Access past its expiry',
    points: String(PAST_EXPIRY),
    description: 'The access expiry has passed but the account is still Active with login access.',
  },
  {
    factor: 'many_roles',
    label: 'Many roles',
    points: String(MANY_ROLES.points),
    description: `More than ${MANY_ROLES.over} profile roles.`,
  },
  ...Object.entries(FINDING_POINTS).map(([kind, p]) => ({
    factor: `finding:${kind}`,
    label: `Open finding: ${inSentence(FINDING_KIND_LABELS[kind as FindingKind])}`,
    points: `${p.each} each, at most ${p.max}`,
    description: 'Open or acknowledged, still detected; dismissed and remediated findings do not count.',
  })),
];

export interface RiskInput {
  settings: DetectorSettings;
  asOf: number;
  roles: ReadonlyMap<number, RoleFacts>;
  /** Roles counted as internal for the external-sensitive factor. */
  internalRoles: ReadonlySet<number>;
}

const capped = (n: number, r: { each: number; max: number }) => Math.min(r.max, n * r.each);

function accessContributions(p: PersonFacts, input: RiskInput): RiskContribution[] {
  const out: RiskContribution[] = [];
  const held = p.roleIds.map((id) => input.roles.get(id)).filter((r): r is RoleFacts => r !== undefined);
  const privileged = held.filter((r) => r.privileged);
  const likely = held.filter((r) => !r.privileged && r.likelyPrivileged);
  if (privileged.length > 0)
    out.push({
      factor: 'privileged_role',
      label: 'Privileged roles held',
      points: capped(privileged.length, PRIVILEGED_ROLE),
      detail: privileged.map((r) => r.name).join(', '),
    });
  if (likely.length > 0)
    out.push({
      factor: 'likely_privileged_role',
      label: 'Roles that look privileged (undecided)',
      points: capped(likely.length, LIKELY_PRIVILEGED_ROLE),
      detail: likely.map((r) => r.name).join(', '),
    });
  const admin = ADMIN_TYPE[p.userType ?? ''];
  if (admin)
    out.push({
      factor: 'admin_type',
      label: 'Administrator type',
      points: admin,
      detail: p.userType === USER_TYPES.globalAdmin ? 'Global administrator' : 'Local user administrator',
    });
  const sensitive = held.filter((r) => r.privileged || input.internalRoles.has(r.id));
  if (p.isExternal && sensitive.length > 0)
    out.push({
      factor: 'external_sensitive',
      label: 'External with a sensitive role',
      points: EXTERNAL_SENSITIVE,
      detail: sensitive.map((r) => r.name).join(', '),
    });
  if (p.roleIds.length > MANY_ROLES.over)
    out.push({
      factor: 'many_roles',
      label: 'Many roles',
      points: MANY_ROLES.points,
      detail: plural(p.roleIds.length, 'role'),
    });
  return out;
}

function recordContributions(p: PersonFacts, input: RiskInput): RiskContribution[] {
  const out: RiskContribution[] = [];
  if (canSignIn(p, input.asOf)) {
    const since = lastActivity(p) ?? p.created;
    const idle = since === null ? null : Math.floor((input.asOf - since) / DAY_S);
    if (idle !== null && idle > input.settings.dormantDays)
      out.push({
        factor: 'stale_account',
        label: 'Stale account',
        points: STALE,
        detail: lastActivity(p) === null ? `never signed in (created ${idle} days ago)` : `no sign-in for ${idle} days`,
      });
  } else if (!p.deleted && p.accessType === ACCESS_TYPES.user && p.status === 'Active' && isExpired(p, input.asOf))
    out.push({
      factor: 'past_expiry',
      label: 'Access past its expiry',
      points: PAST_EXPIRY,
      detail: `expired ${p.expiry}`,
    });
  return out;
}

export function findingContributions(open: ReadonlyMap<FindingKind, number> | undefined): RiskContribution[] {
  const out: RiskContribution[] = [];
  for (const [kind, n] of open ?? []) {
    const rule = FINDING_POINTS[kind];
    if (!rule) continue;
    out.push({
      factor: `finding:${kind}`,
      label: `Open finding: ${inSentence(FINDING_KIND_LABELS[kind])}`,
      points: capped(n, rule),
      detail: plural(n, 'open finding'),
    });
  }
  return out;
}

/** Every contribution to a person's score, largest first; the score is their sum. */
export function riskOf(
  p: PersonFacts,
  open: ReadonlyMap<FindingKind, number> | undefined,
  input: RiskInput,
): { score: number; contributions: RiskContribution[] } {
  if (p.deleted) return { score: 0, contributions: [] };
  const access = canSignIn(p, input.asOf) ? accessContributions(p, input) : [];
  const contributions = [...access, ...recordContributions(p, input), ...findingContributions(open)].sort(
    (a, b) => b.points - a.points || a.factor.localeCompare(b.factor),
  );
  return { score: contributions.reduce((s, c) => s + c.points, 0), contributions };
}
