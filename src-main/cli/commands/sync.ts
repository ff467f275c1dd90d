/** `desk sync [--instance ID] [--mode auto|full|incremental|reconcile]`: a sync, waited for, progress on stderr. */
import type { JobInfo } from '../../../src-preload/contract';
import type { Command } from '../command';
import { CliError, usageError } from '../output';
import { resolveInstance } from './instance-arg';

const MODES = ['auto', 'full', 'incremental', 'reconcile'] as const;

export const syncCommand: Command = {
  name: 'sync',
  usage: 'sync [--instance ID|NAME] [--mode auto|full|incremental|reconcile]',
  summary: 'Sync the mirror of an instance (the active one by default) and wait for it.',
  options: { instance: { type: 'string' }, mode: { type: 'string' } },
  async run({ values, out, session }) {
    const mode = (values.mode as string | undefined) ?? 'auto';
    if (!(MODES as readonly string[]).includes(mode)) throw usageError(`--mode is one of ${MODES.join(', ')}.`);
    const instance = await resolveInstance(session, values.instance as string | undefined);
    const backend = await session.backend();
    const stop = backend.onEvent((event, payload) => {
      if (event !== 'job:progress') return;
      const job = payload as JobInfo;
      if (job.kind === 'sync' && job.message) out.progress(job.message);
    });
    try {
      const job = await session.call('sync:start', { instanceId: instance.id, mode: mode as (typeof MODES)[number] });
      const done = await backend.services.jobs.wait(job.id);
      if (done.state !== 'succeeded')
        throw new CliError(`The sync ${done.state}: ${done.message ?? done.error?.message ?? ''}`);
      // The detectors scan what the sync brought: wait for it, so `desk findings` reads them at once.
      const scan = await session.call('investigate:status', { instanceId: instance.id });
      if (scan.runningJobId) {
        out.progress('Scanning the changes for findings...');
        await backend.services.jobs.wait(scan.runningJobId);
      }
      const status = await session.call('sync:status', { instanceId: instance.id });
      out.result({ instance, job: done, lastRun: status.lastRun }, () => done.message ?? 'Synced.');
    } finally {
      stop();
    }
  },
};
