/**
 * Investigation as a service: the detectors' findings (listed, opened, given a status, turned
 * into a plan), scans as jobs (after each sync, and on demand), detector settings and
 * separation-of-duties rules, risk scores and a person's timeline. See README.md in this folder
 * for what each detector finds and how its score and a person's risk are made.
 */
import type { ChannelName, ParsedInputOf, ResultOf } from '../../src-preload/contract';
import { DEFAULT_DETECTOR_SETTINGS, FINDING_KIND_LABELS } from '../../src-preload/contract';
import { appendAudit } from '../audit-trail';
import type { DB } from '../db/open';
import { notFound, validation } from '../errors/app-error';
import type { InstancesService } from '../instances/instances-service';
import type { JobsService } from '../jobs/jobs-service';
import type { Logger } from '../log/logger';
import type { MirrorService } from '../mirror/mirror-service';
import type { PlansService } from '../plans/plans-service';
import { suggestSodRules } from './detectors/sod-catalogue';
import { countFindings, linkPlan, listFindings, openFindingsByPerson, setFindingStatus } from './findings-store';
import { operationsFor } from './remediation';
import { findingContributions } from './risk';
import { refreshFindingContributions } from './risk-store';
import type { ScanResult } from './scan/scan';
import { createScanJobs, type ScanMode } from './scan-jobs';
import { markInterruptedScans } from './scans-store';
import {
  addSodRule,
  getDetectorSettings,
  holdersOfBoth,
  listSodRules,
  removeSodRule,
  saveDetectorSettings,
} from './settings-store';
import { findingDetail, personTimeline, riskOverview } from './views';

type In<C extends ChannelName> = ParsedInputOf<C>;
type Out<C extends ChannelName> = ResultOf<C>;

export interface InvestigateService {
  findings(input: In<'investigate:findings'>): Out<'investigate:findings'>;
  finding(input: In<'investigate:finding'>): Out<'investigate:finding'>;
  /** Acknowledge, dismiss (with a reason) or reopen findings; each change goes to the audit trail. */
  setStatus(input: In<'investigate:setStatus'>): Out<'investigate:setStatus'>;
  /** Starts a scan job (CONFLICT while one of this instance runs). */
  scan(input: In<'investigate:scan'>): Out<'investigate:scan'>;
  /** Starts a scan job and resolves when it has finished (the command line). */
  scanAndWait(instanceId: string, mode: ScanMode, now?: string): Promise<ScanResult>;
  status(instanceId: string): Out<'investigate:status'>;
  settings(instanceId: string): Out<'investigate:settings'>;
  updateSettings(input: In<'investigate:updateSettings'>): Out<'investigate:updateSettings'>;
  addSodRule(input: In<'investigate:addSodRule'>): Out<'investigate:addSodRule'>;
  removeSodRule(input: In<'investigate:removeSodRule'>): Out<'investigate:removeSodRule'>;
  risk(input: In<'investigate:risk'>): Out<'investigate:risk'>;
  timeline(input: In<'investigate:timeline'>): Out<'investigate:timeline'>;
  /** A plan from a finding through the plans builders; the finding links to it. */
  makePlan(input: In<'investigate:makePlan'>): Out<'investigate:makePlan'>;
  /** A sync of the instance succeeded: scan what it brought. */
  afterSync(instanceId: string): void;
  /** Start-up: scans a previous process left running did not finish. */
  sweepInterrupted(): void;
}

export interface InvestigateServiceDeps {
  db: DB;
  instances: InstancesService;
  mirror: MirrorService;
  plans: PlansService;
  jobs: JobsService;
  logger: Logger;
  /** Who decisions are recorded under on this computer. */
  administrator(instanceId: string): string;
  /** A scan ended: the screens that read findings refresh. */
  onScanFinished(): void;
  /** Findings were dismissed with a reason: a past resolution the help desk can cite. */
  onDismissed?(finding: DismissedFinding): void;
}

/** A dismissed finding as a past resolution (handed to the help desk's knowledge base). */
export interface DismissedFinding {
  id: number;
  instanceId: string;
  title: string;
  summary: string;
  decision: 'dismissed';
  reason: string | null;
  people: string[];
  decidedAt: string;
}

export function createInvestigateService(deps: InvestigateServiceDeps): InvestigateService {
  const { db } = deps;
  const scans = createScanJobs({ ...deps, onFinished: deps.onScanFinished });
  const instance = (id: string) => deps.instances.get(id).id;
  const settingsView = (instanceId: string) => settingsOf(deps, instanceId);
  return {
    findings(input) {
      const id = instance(input.instanceId);
      return { ...listFindings(db, input), ...countFindings(db, id), scan: scans.status(id) };
    },
    finding: ({ instanceId, findingId }) => findingDetail(db, instance(instanceId), findingId),
    setStatus: (input) => setStatus(deps, input),
    scan: ({ instanceId, mode, now }) => scans.start(instance(instanceId), mode ?? 'auto', now).job,
    scanAndWait: (instanceId, mode, now) => scans.start(instance(instanceId), mode, now).done,
    status: (instanceId) => scans.status(instance(instanceId)),
    settings: settingsView,
    updateSettings({ instanceId, settings }) {
      const id = instance(instanceId);
      const before = getDetectorSettings(db, id);
      const after = { ...before, ...settings };
      db.transaction(() => {
        saveDetectorSettings(db, id, after, new Date().toISOString());
        const changes = Object.keys(settings).filter(
          (k) => JSON.stringify(before[k as keyof typeof before]) !== JSON.stringify(after[k as keyof typeof after]),
        );
        if (changes.length > 0)
          appendAudit(db, {
            actor: deps.administrator(id),
            action: 'investigate.settings_changed',
            subject: `instance:${id}`,
            instanceId: id,
            details: Object.fromEntries(
              changes.map((k) => [k, { from: before[k as keyof typeof before], to: after[k as keyof typeof after] }]),
            ),
          });
      })();
      return settingsView(id);
    },
    addSodRule: (input) => addRule(deps, input, settingsView),
    removeSodRule({ instanceId, ruleId }) {
      const id = instance(instanceId);
      db.transaction(() => {
        const rule = removeSodRule(db, id, ruleId);
        if (!rule) throw notFound('The rule');
        appendAudit(db, {
          actor: deps.administrator(id),
          action: 'investigate.sod_rule_removed',
          subject: `sod-rule:${ruleId}`,
          instanceId: id,
          details: { name: rule.name, roleA: rule.roleA, roleB: rule.roleB },
        });
      })();
      return settingsView(id);
    },
    risk: ({ instanceId, top }) => {
      const id = instance(instanceId);
      return { ...riskOverview(db, id, top ?? 25), scan: scans.status(id) };
    },
    timeline: ({ instanceId, personId }) => personTimeline(db, instance(instanceId), personId),
    makePlan: (input) => makePlan(deps, input),
    afterSync: (instanceId) => scans.afterSync(instanceId),
    sweepInterrupted: () => void markInterruptedScans(db, new Date().toISOString()),
  };
}

function settingsOf(deps: InvestigateServiceDeps, instanceId: string): Out<'investigate:settings'> {
  const rules = listSodRules(deps.db, instanceId);
  const taken = new Set(rules.map((r) => `${r.roleA.id}:${r.roleB.id}`));
  const roles = deps.mirror
    .listRoles(instanceId)
    .filter((r) => !r.utaOnly && !r.removed)
    .map((r) => ({ id: r.id, name: r.name, privileged: r.privileged === true, likelyPrivileged: false }));
  const suggestions = suggestSodRules(roles)
    .filter((s) => !taken.has(`${s.roleA.id}:${s.roleB.id}`))
    .map((s) => ({
      roleA: { id: s.roleA.id, name: s.roleA.name },
      roleB: { id: s.roleB.id, name: s.roleB.name },
      name: s.name,
      why: s.why,
      holders: holdersOfBoth(deps.db, instanceId, s.roleA.id, s.roleB.id),
    }))
    .sort((a, b) => b.holders - a.holders || a.name.localeCompare(b.name))
    .slice(0, 30);
  return {
    settings: getDetectorSettings(deps.db, instanceId),
    defaults: DEFAULT_DETECTOR_SETTINGS,
    rules,
    suggestions,
  };
}

function addRule(
  deps: InvestigateServiceDeps,
  input: In<'investigate:addSodRule'>,
  view: (instanceId: string) => Out<'investigate:settings'>,
): Out<'investigate:addSodRule'> {
  const id = deps.instances.get(input.instanceId).id;
  if (input.roleA === input.roleB)
    throw validation('A rule keeps two different roles apart: choose a second role.', [
      { path: ['roleB'], message: 'Choose a role other than the first.' },
    ]);
  const roles = new Map(deps.mirror.listRoles(id).map((r) => [r.id, r]));
  const a = roles.get(input.roleA);
  const b = roles.get(input.roleB);
  if (!a || !b) throw notFound('The role');
  const name = input.name ?? `${a.name} with ${b.name}`;
  const by = deps.administrator(id);
  deps.db.transaction(() => {
    const ruleId = addSodRule(deps.db, {
      instanceId: id,
      roleA: a.id,
      roleB: b.id,
      name,
      source: input.source ?? 'administrator',
      by,
      at: new Date().toISOString(),
    });
    if (ruleId === null) throw validation(`${a.name} with ${b.name} is already a rule.`);
    appendAudit(deps.db, {
      actor: by,
      action: 'investigate.sod_rule_added',
      subject: `sod-rule:${ruleId}`,
      instanceId: id,
      details: { name, roleA: { id: a.id, name: a.name }, roleB: { id: b.id, name: b.name } },
    });
  })();
  return view(id);
}

function setStatus(deps: InvestigateServiceDeps, input: In<'investigate:setStatus'>): Out<'investigate:setStatus'> {
  const { db } = deps;
  const id = deps.instances.get(input.instanceId).id;
  const reason = input.reason?.trim() || null;
  if (input.status === 'dismissed' && !reason)
    throw validation('Say why the findings are dismissed: the reason is kept with them and in the audit trail.', [
      { path: ['reason'], message: 'A reason is required to dismiss.' },
    ]);
  const by = deps.administrator(id);
  const at = new Date().toISOString();
  const changed = db.transaction(() => {
    const changed = setFindingStatus(db, {
      instanceId: id,
      ids: input.findingIds,
      status: input.status,
      reason,
      by,
      at,
    });
    for (const c of changed)
      appendAudit(db, {
        actor: by,
        action: 'finding.status_changed',
        subject: `finding:${c.key}`,
        instanceId: id,
        details: { findingId: c.id, from: c.from, to: input.status, reason },
      });
    const open = openFindingsByPerson(db, id);
    refreshFindingContributions(
      db,
      id,
      changed.map((c) => c.personId),
      (p) => findingContributions(open.get(p)),
    );
    return changed;
  })();
  if (input.status === 'dismissed' && deps.onDismissed)
    for (const c of changed) {
      const f = findingDetail(db, id, c.id);
      // The dismissal is saved: a help desk that cannot index it must not turn it into an error.
      try {
        deps.onDismissed({
          id: c.id,
          instanceId: id,
          title: `${FINDING_KIND_LABELS[f.kind]}: ${f.personName}`,
          summary: f.reason,
          decision: 'dismissed',
          reason,
          people: [f.personName],
          decidedAt: at,
        });
      } catch (e) {
        deps.logger.warn('a dismissed finding was not indexed for the help desk', {
          findingId: c.id,
          error: String(e),
        });
      }
    }
  return { updated: changed.length };
}

function makePlan(deps: InvestigateServiceDeps, input: In<'investigate:makePlan'>): Out<'investigate:makePlan'> {
  const id = deps.instances.get(input.instanceId).id;
  const finding = findingDetail(deps.db, id, input.findingId);
  const operations = operationsFor(finding, input.action);
  const title = `${FINDING_KIND_LABELS[finding.kind]}: ${finding.personName}`;
  return deps.db.transaction(() => {
    const planId =
      input.planId ??
      deps.plans.create({ instanceId: id, title, description: `From finding ${finding.id}: ${finding.reason}` }).id;
    const { plan, rejected } = deps.plans.addOperations({ planId, operations });
    if (rejected.length === operations.length)
      throw validation(
        `Nothing to change, so no plan was made: ${rejected[0]?.message ?? 'the mirror already says so.'}`,
      );
    linkPlan(deps.db, id, finding.id, plan.id);
    appendAudit(deps.db, {
      actor: deps.administrator(id),
      action: 'finding.plan_made',
      subject: `finding:${finding.key}`,
      instanceId: id,
      details: { findingId: finding.id, planId: plan.id, action: input.action },
    });
    return {
      findingId: finding.id,
      plan,
      selected: operations.length,
      added: operations.length - rejected.length,
      rejected: rejected.map((r) => ({
        personId: operations[r.index]?.personId ?? finding.personId,
        message: r.message,
      })),
    };
  })();
}
