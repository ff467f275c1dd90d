/**
 * The troubleshooter's fixes and the one-click resets as plans, through the normal plan builders
 * (`createPlan` with operations: planned against the mirror, risk assessed, recorded in the audit
 * trail, then reviewed, approved and applied like any other plan). A plan that would hold nothing
 * is not kept: the build runs in a transaction and is rolled back with the reason.
 */
import type { DB } from '../db/open';
import { AppError, validation } from '../errors/app-error';
import { createPlan } from '../plans';
import type { OperationInput } from '../plans/types';
import { ACCESS_TYPES, parseWireDate } from '../smartsimple/protocol';
import type { HelpdeskPlanMade } from '../../src-preload/contract';
import { dayOf, extendedExpiry, personName } from './checks';
import type { OutcomeRecord } from './outcome-store';
import type { SubjectPerson } from './types';

const DAY_MS = 86_400_000;

/** The fix operations of an outcome's failed checks, access changes of one person merged into one. */
export function fixInputs(checks: OutcomeRecord['checks'], expiry?: { now: Date; days: number }): OperationInput[] {
  const inputs = checks.filter((c) => c.result === 'fail' && c.fix === 'plan').flatMap((c) => c.operations);
  const out: OperationInput[] = [];
  const seen = new Set<string>();
  for (const { input } of inputs) {
    const next =
      input.kind === 'set_access' && input.expiresOn && expiry
        ? { ...input, expiresOn: extendedExpiry(expiry.now, expiry.days) }
        : input;
    const access =
      next.kind === 'set_access' ? out.find((o) => o.kind === 'set_access' && o.personId === next.personId) : undefined;
    if (access) {
      Object.assign(access, Object.fromEntries(Object.entries(next).filter(([k]) => k !== 'kind' && k !== 'personId')));
      continue;
    }
    const key = JSON.stringify(next);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...next });
  }
  return out;
}

interface PlanRequest {
  instanceId: string;
  actor: string;
  title: string;
  description: string;
  operations: OperationInput[];
}

/** A draft plan with the operations, or VALIDATION (and nothing kept) when none can be planned. */
export function makePlan(db: DB, request: PlanRequest): HelpdeskPlanMade {
  if (request.operations.length === 0) throw validation('Nothing here can be changed through a plan.');
  return db.transaction(() => {
    const { plan, rejected } = createPlan(db, {
      instanceId: request.instanceId,
      title: request.title.slice(0, 200),
      description: request.description.slice(0, 4000),
      origin: 'manual',
      createdBy: request.actor,
      operations: request.operations,
    });
    if (plan.operations.length === 0)
      throw validation(
        `Nothing to change, so no plan was made: ${rejected[0]?.message ?? 'every change was refused.'}`,
      );
    return {
      plan: { id: plan.id, title: plan.title, state: plan.state },
      operations: plan.operations.map((o) => o.summary),
    };
  })();
}

/** The plan's description: what the troubleshooter found and advised, so past resolutions can be searched. */
export function fixDescription(outcome: OutcomeRecord): string {
  const failed = outcome.checks.filter((c) => c.result === 'fail');
  const lines = failed.map((c) => `${c.label}: ${c.finding}${c.advice ? ` ${c.advice}` : ''}`);
  return `Help desk, ${outcome.personName} and ${outcome.targetName}: ${lines.join(' ')}`;
}

export type ResetKind = 'reactivate' | 'extend_expiry' | 'reset_password';

export const RESET_PASSWORD_UNAVAILABLE =
  'SmartConnect has no call to reset, set or send a password, so Admin Desk cannot do it. In SmartSimple, open ' +
  "the person's profile and use Send Password, or ask them to use Forgot password on the sign-in page.";

/** The reset's operation for the person as the mirror knows them; VALIDATION when it would change nothing. */
export function resetInput(person: SubjectPerson, kind: ResetKind, now: Date, days: number): OperationInput {
  if (kind === 'reset_password') throw new AppError('UNAVAILABLE', RESET_PASSWORD_UNAVAILABLE);
  const name = personName(person);
  if (person.removedAt) throw validation(`${name} was removed from SmartSimple: restore them there first.`);
  const expiry = parseWireDate(person.accessExpiry?.trim());
  if (kind === 'extend_expiry') {
    if (expiry === undefined) throw validation(`${name} has no access expiry date to extend.`);
    return {
      kind: 'set_access',
      personId: person.id,
      expiresOn: dayOf(Math.max(expiry, now.getTime()) + days * DAY_MS),
    };
  }
  const input: Extract<OperationInput, { kind: 'set_access' }> = { kind: 'set_access', personId: person.id };
  if ((person.accessType ?? '').trim() !== ACCESS_TYPES.user) input.accessType = ACCESS_TYPES.user;
  if (!/^active$/i.test((person.status ?? '').trim())) input.status = 'Active';
  if (expiry !== undefined && expiry <= now.getTime()) input.expiresOn = extendedExpiry(now, days);
  if (Object.keys(input).length === 2) throw validation(`${name} already has User access, Active and not expired.`);
  return input;
}

export const RESET_TITLES: Record<Exclude<ResetKind, 'reset_password'>, string> = {
  reactivate: 'Reactivate',
  extend_expiry: 'Extend the access expiry of',
};
