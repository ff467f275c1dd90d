/**
 * License optimization from the mirror: licensed accounts by seat type and what they cost a
 * year, those unused for the dormant limit, the concurrent-session peak by hour over the months
 * synced, the user types in use, and recommendations (deactivate dormant accounts, take login
 * access from accounts past their expiry, make administrators who never administer plain users,
 * count internal users who only use portal roles as portal seats) with the projected saving at the
 * administrator's cost per seat type, and a plan from them. README.md in this folder has the rules.
 */
import type {
  ChannelName,
  LicensedAccount,
  LicenseRecommendation,
  LicenseRecommendationKind,
  LicenseReport,
  LicenseSettings,
  ParsedInputOf,
  ResultOf,
  SeatType,
} from '../../src-preload/contract';
import {
  DEFAULT_LICENSE_SETTINGS,
  licenseSettingsSchema,
  SEAT_TYPE_LABELS,
  SEAT_TYPES,
} from '../../src-preload/contract';
import { appendAudit } from '../audit-trail';
import type { DB } from '../db/open';
import { validation } from '../errors/app-error';
import type { InstancesService } from '../instances/instances-service';
import { DAY_S, wireToSeconds } from '../investigate/model';
import { createPlan } from '../plans';
import type { OperationInput } from '../plans/types';
import { latestSessionByPerson } from '../mirror/logs-store';
import { ACCESS_TYPES, USER_TYPES } from '../smartsimple/protocol';
import { concurrencyPeaks } from './peak';
import {
  changesMadeBy,
  licensedAccounts,
  programStaff,
  readLicenseSettings,
  roleHolderSides,
  sessionSpans,
  writeLicenseSettings,
  type AccountRow,
} from './store';

type In<C extends ChannelName> = ParsedInputOf<C>;
type Out<C extends ChannelName> = ResultOf<C>;

/** A session with no end is taken to last this long (SmartSimple's default session timeout). */
export const OPEN_SESSION_MINUTES = 30;
/** A role held at least this share by external people is a portal role. */
export const PORTAL_ROLE_SHARE = 0.9;

export interface LicensesService {
  report(input: In<'licenses:report'>): Out<'licenses:report'>;
  updateSettings(input: In<'licenses:updateSettings'>): Out<'licenses:updateSettings'>;
  makePlan(input: In<'licenses:makePlan'>): Out<'licenses:makePlan'>;
}

export interface LicensesServiceDeps {
  db: DB;
  instances: InstancesService;
  administrator(instanceId: string): string;
  now?: () => Date;
}

export function seatOf(a: Pick<AccountRow, 'accessType' | 'userType' | 'isExternal'>): SeatType {
  if (a.accessType === ACCESS_TYPES.api) return 'api';
  if (a.userType === USER_TYPES.localAdmin || a.userType === USER_TYPES.globalAdmin) return 'admin';
  return a.isExternal ? 'portal' : 'full';
}

function settingsOf(db: DB, instanceId: string): LicenseSettings {
  const raw = readLicenseSettings(db, instanceId);
  if (!raw) return structuredClone(DEFAULT_LICENSE_SETTINGS);
  const parsed = licenseSettingsSchema.partial().safeParse(JSON.parse(raw));
  return { ...DEFAULT_LICENSE_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

interface Analysis {
  accounts: (AccountRow & { seat: SeatType; idleDays: number | null; lastSignIn: string | null })[];
  settings: LicenseSettings;
  asOf: number;
}

function analyse(deps: LicensesServiceDeps, instanceId: string, asOf: number): Analysis {
  const settings = settingsOf(deps.db, instanceId);
  const latest = latestSessionByPerson(deps.db, instanceId);
  const accounts = licensedAccounts(deps.db, instanceId).map((a) => {
    const login = wireToSeconds(a.lastLogin);
    const session = wireToSeconds(latest.get(a.id) ?? null);
    const last = login === null ? session : session === null ? login : Math.max(login, session);
    const since = last ?? wireToSeconds(a.created);
    return {
      ...a,
      seat: seatOf(a),
      lastSignIn: last === null ? null : new Date(last * 1000).toISOString().slice(0, 19).replace('T', ' '),
      idleDays: since === null ? null : Math.floor((asOf - since) / DAY_S),
    };
  });
  return { accounts, settings, asOf };
}

const expiredAt = (a: AccountRow, asOf: number) => {
  const end = wireToSeconds(a.expiry);
  return end !== null && end <= asOf;
};

type Account = Analysis['accounts'][number];

/** Who each recommendation names; an account is named by one recommendation at most. */
function candidates(deps: LicensesServiceDeps, instanceId: string, an: Analysis) {
  const { accounts, settings, asOf } = an;
  const users = accounts.filter((a) => a.seat !== 'api');
  const expired = users.filter((a) => expiredAt(a, asOf) && a.status === 'Active');
  const taken = new Set(expired.map((a) => a.id));
  const dormant = users.filter((a) => !taken.has(a.id) && a.idleDays !== null && a.idleDays >= settings.dormantDays);
  for (const a of dormant) taken.add(a.id);
  const changes = changesMadeBy(deps.db, instanceId);
  const idleAdmins = users.filter((a) => a.seat === 'admin' && !taken.has(a.id) && !changes.has(a.id));
  const sides = roleHolderSides(deps.db, instanceId);
  const staff = programStaff(deps.db, instanceId);
  const portalRole = (r: number) => {
    const s = sides.get(r);
    return s !== undefined && s.external / s.holders >= PORTAL_ROLE_SHARE;
  };
  const portalOnly = users.filter(
    (a) =>
      a.seat === 'full' && !taken.has(a.id) && !staff.has(a.id) && a.roleIds.length > 0 && a.roleIds.every(portalRole),
  );
  return { expired, dormant, idleAdmins, portalOnly };
}

function recommendations(deps: LicensesServiceDeps, instanceId: string, an: Analysis): LicenseRecommendation[] {
  const { settings } = an;
  const cost = settings.costs;
  const person = (a: Account): LicensedAccount => ({
    personId: a.id,
    name: a.name,
    seat: a.seat,
    organization: a.organization,
    lastSignIn: a.lastSignIn,
    idleDays: a.idleDays,
  });
  const { expired, dormant, idleAdmins, portalOnly } = candidates(deps, instanceId, an);
  const freed = (list: Account[]) => {
    const out: Partial<Record<SeatType, number>> = {};
    for (const a of list) out[a.seat] = (out[a.seat] ?? 0) + 1;
    return out;
  };
  const sum = (list: Account[]) => list.reduce((s, a) => s + cost[a.seat], 0);
  return [
    {
      kind: 'deactivate_dormant',
      title: 'Deactivate dormant accounts',
      detail: `Licensed accounts with no sign-in for ${settings.dormantDays} days or more (or never, for accounts that old): take their login access away.`,
      accounts: dormant.length,
      seatsFreed: freed(dormant),
      saving: sum(dormant),
      plannable: true,
      people: dormant.map(person),
    },
    {
      kind: 'remove_expired',
      title: 'Remove access past its expiry',
      detail:
        'Accounts whose access expiry has passed but which are still active with login access: they hold a seat nobody may use.',
      accounts: expired.length,
      seatsFreed: freed(expired),
      saving: sum(expired),
      plannable: true,
      people: expired.map(person),
    },
    {
      kind: 'convert_admin',
      title: 'Make unused administrators plain users',
      detail:
        'Administrator seats whose holder made no access change in the months synced: they use Admin Desk as users do.',
      accounts: idleAdmins.length,
      seatsFreed: {
        admin: idleAdmins.length,
        ...(idleAdmins.length
          ? {
              full: -idleAdmins.filter((a) => !a.isExternal).length,
              portal: -idleAdmins.filter((a) => a.isExternal).length,
            }
          : {}),
      },
      saving: idleAdmins.reduce((s, a) => s + cost.admin - cost[a.isExternal ? 'portal' : 'full'], 0),
      plannable: true,
      people: idleAdmins.map(person),
    },
    {
      kind: 'convert_portal',
      title: 'Count portal-only staff as portal users',
      detail:
        `Internal full users whose every role is a portal role (held ${Math.round(PORTAL_ROLE_SHARE * 100)}% or more by external people) and who have no staff part on a program. ` +
        'SmartSimple cannot move a person between internal and external, so no plan does it: ask for these seats to be licensed as portal users.',
      accounts: portalOnly.length,
      seatsFreed: portalOnly.length ? { full: portalOnly.length, portal: -portalOnly.length } : {},
      saving: portalOnly.length * (cost.full - cost.portal),
      plannable: false,
      people: portalOnly.map(person),
    },
  ];
}

export function licenseReport(deps: LicensesServiceDeps, instanceId: string, now: Date): LicenseReport {
  const id = deps.instances.get(instanceId).id;
  const asOf = Math.floor(now.getTime() / 1000);
  const an = analyse(deps, id, asOf);
  const { accounts, settings } = an;
  const recs = recommendations(deps, id, an);
  const peaks = concurrencyPeaks(sessionSpans(deps.db, id), OPEN_SESSION_MINUTES);
  const userTypes = new Map<string, number>();
  for (const a of accounts.filter((x) => x.seat !== 'api'))
    userTypes.set(a.userType ?? '10', (userTypes.get(a.userType ?? '10') ?? 0) + 1);
  const typeLabel: Record<string, string> = {
    '10': 'User',
    '30': 'Local user administrator',
    '40': 'Global user administrator',
  };
  const users = accounts.filter((a) => a.seat !== 'api');
  const dormant = users.filter((a) => a.idleDays !== null && a.idleDays >= settings.dormantDays);
  const reclaim = recs
    .filter((r) => r.kind === 'deactivate_dormant' || r.kind === 'remove_expired')
    .reduce((s, r) => s + r.accounts, 0);
  const expiringBeforeRenewal = settings.renewalOn
    ? users.filter((a) => !expiredAt(a, asOf) && a.expiry !== null && a.expiry.slice(0, 10) < settings.renewalOn!)
        .length
    : 0;
  const months =
    peaks.from && peaks.to
      ? Math.max(1, Math.round((wireToSeconds(peaks.to)! - wireToSeconds(peaks.from)!) / (30.44 * DAY_S)))
      : 0;
  return {
    asOf: now.toISOString(),
    settings,
    window: { from: peaks.from, to: peaks.to, months },
    seats: SEAT_TYPES.map((type) => {
      const n = accounts.filter((a) => a.seat === type).length;
      return {
        type,
        label: SEAT_TYPE_LABELS[type],
        accounts: n,
        costPerYear: settings.costs[type],
        total: n * settings.costs[type],
      };
    }),
    licensed: accounts.length,
    userTypes: [...userTypes.entries()]
      .sort()
      .map(([userType, n]) => ({ userType, label: typeLabel[userType] ?? `Type ${userType}`, accounts: n })),
    dormant: {
      days: settings.dormantDays,
      accounts: dormant.length,
      neverSignedIn: dormant.filter((a) => a.lastSignIn === null).length,
    },
    peak: {
      overall: peaks.overall,
      byHour: peaks.byHour,
      byMonth: peaks.byMonth,
      openSessionMinutes: OPEN_SESSION_MINUTES,
      sessions: peaks.sessions,
    },
    recommendations: recs,
    saving: {
      perYear: recs.filter((r) => r.plannable).reduce((s, r) => s + r.saving, 0),
      seats: reclaim,
      currency: settings.currency,
    },
    renewal: settings.renewalOn
      ? {
          on: settings.renewalOn,
          daysLeft: Math.ceil((Date.parse(`${settings.renewalOn}T00:00:00Z`) - now.getTime()) / 86_400_000),
          seatsNow: accounts.length,
          seatsAtRenewal: accounts.length - reclaim - expiringBeforeRenewal,
        }
      : null,
  };
}

function operationsFor(kind: LicenseRecommendationKind, people: LicensedAccount[]): OperationInput[] {
  if (kind === 'convert_admin')
    return people.map((p) => ({ kind: 'set_access', personId: p.personId, userType: USER_TYPES.user }));
  if (kind === 'convert_portal') return [];
  return people.map((p) => ({ kind: 'set_access', personId: p.personId, accessType: ACCESS_TYPES.none }));
}

export function createLicensesService(deps: LicensesServiceDeps): LicensesService {
  const now = () => deps.now?.() ?? new Date();
  return {
    report: ({ instanceId, now: at }) => licenseReport(deps, instanceId, at ? new Date(at) : now()),
    updateSettings({ instanceId, settings }) {
      const id = deps.instances.get(instanceId).id;
      const before = settingsOf(deps.db, id);
      const after = licenseSettingsSchema.parse({
        ...before,
        ...settings,
        costs: { ...before.costs, ...settings.costs },
      });
      const by = deps.administrator(id);
      const at = now().toISOString();
      deps.db.transaction(() => {
        writeLicenseSettings(deps.db, id, JSON.stringify(after), by, at);
        appendAudit(deps.db, {
          actor: by,
          action: 'licenses.settings_changed',
          subject: `instance:${id}`,
          instanceId: id,
          at,
          details: { from: before, to: after },
        });
      })();
      return licenseReport(deps, id, now());
    },
    makePlan({ instanceId, kinds, now: at }) {
      const id = deps.instances.get(instanceId).id;
      const report = licenseReport(deps, id, at ? new Date(at) : now());
      const chosen = report.recommendations.filter((r) => r.plannable && (!kinds || kinds.includes(r.kind)));
      const operations = chosen.flatMap((r) => operationsFor(r.kind, r.people));
      if (operations.length === 0) throw validation('Nothing to plan: the chosen recommendations name no account.');
      const change = createPlan(deps.db, {
        instanceId: id,
        title: `Licence optimization: ${chosen.map((r) => r.title.toLowerCase()).join(', ')}`,
        description: `${operations.length} accounts; projected saving ${chosen.reduce((s, r) => s + r.saving, 0)} ${report.settings.currency} a year.`,
        origin: 'manual',
        createdBy: deps.administrator(id),
        operations,
      });
      return {
        plan: change.plan,
        added: operations.length - change.rejected.length,
        rejected: change.rejected.map((r) => ({
          personId: (operations[r.index] as { personId: number }).personId,
          message: r.message,
        })),
      };
    },
  };
}
