/** Dismissing findings asks why: the reason is kept with each finding and in the audit trail. */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { countOf } from '../../../lib/format';

export const MAX_REASON = 500;

interface DismissModalProps {
  count: number;
  opened: boolean;
  busy: boolean;
  /** A refusal from main, shown at the field. */
  error: string | null;
  onClose(): void;
  onDismiss(reason: string): void;
}

export function DismissModal({ count, opened, busy, error, onClose, onDismiss }: DismissModalProps) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const problem =
    error ??
    (touched && !reason.trim() ? 'Say why: the reason is kept with the findings and in the audit trail.' : null);
  return (
    <Modal opened={opened} onClose={onClose} title={`Dismiss ${countOf(count, 'finding')}`} data-testid="dismiss-modal">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (reason.trim()) onDismiss(reason.trim());
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            A dismissed finding stays out of the open list and out of the risk scores, and the next scans keep it
            dismissed. Open it again at any time.
          </Text>
          <Textarea
            label="Why are they dismissed?"
            placeholder="e.g. On leave until March; access confirmed by the program director"
            withAsterisk
            autosize
            minRows={2}
            maxLength={MAX_REASON}
            value={reason}
            error={problem}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
            data-testid="dismiss-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep them
            </Button>
            <Button type="submit" color="gray" loading={busy} data-testid="dismiss-confirm">
              Dismiss
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
