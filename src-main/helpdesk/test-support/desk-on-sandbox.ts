/**
 * The help desk over a sandbox for tests: the sandbox over real HTTP (manual clock), an app
 * database with the mirror filled by the real sync engine, the help desk service on it, and the
 * steps an administrator takes after a diagnosis: approve and apply a plan through the journaled
 * apply, then sync again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAiService } from '../../ai/ai-service';
import type { AiSettings } from '../../ai/ai-service';
import type { DB } from '../../db/open';
import { createInstancesService } from '../../instances/instances-service';
import { silentLogger } from '../../log/logger';
import { applyPlan } from '../../plans/apply/apply-plan';
import { makeClient, mirroredSandbox, syncMirror, testJob } from '../../plans/test-support/fixture';
import { approveAll } from '../../plans/test-support/scenario';
import type { SandboxHandle } from '../../smartsimple/sandbox';
import type { Person } from '../../smartsimple/sandbox/model';
import { createHelpdeskService, type HelpdeskService } from '../helpdesk-service';

export const ADMINISTRATOR = 'Ann Admin';

export interface DeskOnSandbox {
  dir: string;
  sb: SandboxHandle;
  db: DB;
  instanceId: string;
  desk: HelpdeskService;
  /** A full sync of the mirror (removals and restores included). */
  sync(): Promise<void>;
  /** Approves every operation (privileged ones by a second administrator) and applies the plan. */
  apply(planId: string): Promise<string[]>;
  /** Marks a sandbox person changed now (as a save in SmartSimple would), moving the clock on. */
  touch(person: Person): void;
  close(): Promise<void>;
}

export async function deskOnSandbox(options: { llm?: AiSettings['llm'] } = {}): Promise<DeskOnSandbox> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-helpdesk-'));
  const { sb, db, instanceId } = await mirroredSandbox(dir);
  const ai = createAiService({
    db,
    ...(options.llm ? { settings: { llm: options.llm } } : {}),
    getLlmKey: async () => null,
  });
  const desk = createHelpdeskService({
    db,
    instances: createInstancesService({ db }),
    ai,
    administrator: () => ADMINISTRATOR,
    now: () => new Date(sb.clock.now()),
  });
  return {
    dir,
    sb,
    db,
    instanceId,
    desk,
    sync: () => syncMirror(db, instanceId, makeClient(sb).client, sb),
    async apply(planId) {
      approveAll(db, planId);
      const result = await applyPlan({
        db,
        client: makeClient(sb).client,
        instanceId,
        planId,
        ctx: testJob().ctx,
        approver: 'bo',
        logger: silentLogger,
      });
      return result.operations.map((o) => o.state);
    },
    touch(person) {
      sb.clock.advance(60_000);
      person.lastUpdated = sb.clock.now();
      sb.state.touch();
    },
    async close() {
      await sb.close();
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
