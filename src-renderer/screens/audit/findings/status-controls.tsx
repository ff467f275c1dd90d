/**
 * Acknowledge, dismiss (with a reason asked in a modal) and open again: the one set of status
 * controls for a finding's page and for the findings list's bulk bar.
 */
import { Button, Group } from '@mantine/core';
import { IconCheck, IconEyeOff, IconRotate } from '@tabler/icons-react';
import { useState } from 'react';
import type { Instance } from '../../../../src-preload/contract';
import { useApiMutation } from '../../../api';
import { DismissModal } from './dismiss-modal';

export type NextStatus = 'open' | 'acknowledged' | 'dismissed';

interface StatusControlsProps {
  instance: Instance;
  findingIds: readonly number[];
  /** Which buttons make sense for the current status; all three when omitted. */
  show?: Partial<Record<NextStatus, boolean>>;
  /** Prefix of the buttons' test ids: `finding` gives finding-acknowledge, finding-dismiss, finding-reopen. */
  testPrefix: string;
  onDone(next: NextStatus, updated: number): void;
}

export function StatusControls({ instance, findingIds, show = {}, testPrefix, onDone }: StatusControlsProps) {
  const [dismissing, setDismissing] = useState(false);
  const status = useApiMutation('investigate:setStatus', { meta: { errorTitle: 'The status was not changed' } });
  const apply = (next: NextStatus, reason?: string) =>
    status.mutate(
      { instanceId: instance.id, findingIds: [...findingIds], status: next, ...(reason ? { reason } : {}) },
      {
        onSuccess: (r) => {
          setDismissing(false);
          onDone(next, r.updated);
        },
      },
    );
  const visible = (s: NextStatus) => show[s] ?? true;
  return (
    <>
      <Group gap="xs">
        {visible('acknowledged') && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconCheck size={14} />}
            onClick={() => apply('acknowledged')}
            data-testid={`${testPrefix}-acknowledge`}
          >
            Acknowledge
          </Button>
        )}
        {visible('dismissed') && (
          <Button
            size="xs"
            variant="light"
            color="gray"
            leftSection={<IconEyeOff size={14} />}
            onClick={() => setDismissing(true)}
            data-testid={`${testPrefix}-dismiss`}
          >
            Dismiss…
          </Button>
        )}
        {visible('open') && (
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconRotate size={14} />}
            onClick={() => apply('open')}
            data-testid={`${testPrefix}-reopen`}
          >
            Open again
          </Button>
        )}
      </Group>
      <DismissModal
        count={findingIds.length}
        opened={dismissing}
        busy={status.isPending}
        error={status.error?.code === 'VALIDATION' ? status.error.message : null}
        onClose={() => setDismissing(false)}
        onDismiss={(reason) => apply('dismissed', reason)}
      />
    </>
  );
}
