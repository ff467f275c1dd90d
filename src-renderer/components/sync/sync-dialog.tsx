/**
 * The sync dialog, mounted once in the layout: plan -> confirm -> progress -> summary. It opens on
 * the running sync if there is one, so the header's "Syncing 40%" leads straight to its progress.
 */
import { Anchor, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { JobInfo } from '../../../src-preload/contract';
import { isJobActive, useJobs } from '../../api';
import { fresherJob } from '../../api/jobs-store';
import { closeSyncDialog, useSyncDialogOpened } from './sync-dialog-store';
import { SyncPlanStep } from './sync-plan-step';
import { SyncProgressStep } from './sync-progress-step';
import { KIND_LABELS, type SyncKindName } from './sync-labels';
import { SyncResultStep } from './sync-result-step';
import { useSyncState } from './use-sync-state';

export function SyncDialog() {
  const opened = useSyncDialogOpened();
  const { instance } = useSyncState();
  return (
    <Modal
      opened={opened}
      onClose={closeSyncDialog}
      title={instance ? `Sync ${instance.name}` : 'Sync'}
      size="lg"
      data-testid="sync-dialog"
    >
      {/* Mounted only while open: every opening plans afresh. */}
      {opened && <SyncDialogBody />}
    </Modal>
  );
}

function SyncDialogBody() {
  const { instance, running, lastRun } = useSyncState();
  const jobs = useJobs();
  /**
   * The job this dialog follows: the one it started (as sync:start returned it, before any event)
   * or a running one it was opened on. Kept after the job ends, so its result stays on screen.
   */
  const [tracked, setTracked] = useState<{ job: JobInfo; resumed: boolean | null; kind: SyncKindName | null } | null>(
    null,
  );
  if (running && tracked?.job.id !== running.id && (!tracked || !isJobActive(tracked.job))) {
    // Adjusting state while rendering (React's pattern for derived state): no extra frame.
    setTracked({ job: running, resumed: null, kind: null });
  }

  if (!instance) {
    return (
      <Stack>
        <Text size="sm">
          No instance is active.{' '}
          <Anchor href="#/connect" onClick={closeSyncDialog}>
            Connect one
          </Anchor>{' '}
          first, or pick one in the header.
        </Text>
      </Stack>
    );
  }

  const live = tracked ? jobs.byId.get(tracked.job.id) : undefined;
  const job = tracked ? (live ? fresherJob(tracked.job, live) : tracked.job) : null;
  if (!job) {
    return (
      <SyncPlanStep
        instance={instance}
        onClose={closeSyncDialog}
        onStarted={(j, plan) => setTracked({ job: j, resumed: plan.resumes, kind: plan.kind })}
      />
    );
  }
  if (isJobActive(job)) {
    // Opened on a sync started elsewhere: the run row says whether it was resumed.
    const runRow = lastRun?.state === 'running' ? lastRun : null;
    const resumed = tracked?.resumed ?? (runRow !== null && runRow.summary.resumes > 0);
    const kind = tracked?.kind ?? runRow?.kind ?? null;
    return (
      <SyncProgressStep
        job={job}
        kindLabel={kind ? KIND_LABELS[kind] : null}
        resumed={resumed}
        onClose={closeSyncDialog}
      />
    );
  }
  return <SyncResultStep job={job} run={lastRun} onAgain={() => setTracked(null)} onClose={closeSyncDialog} />;
}
