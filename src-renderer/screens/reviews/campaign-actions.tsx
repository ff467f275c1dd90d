/** A campaign's actions: the managers' workbook out and back, the next stage, sign-off, the report. */
import { Alert, Button, FileButton, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { CampaignDetail } from '../../../src-preload/contract';
import { useApiMutation } from '../../api';
import { formatNumber } from '../../lib/format';
import { downloadFile, readWorkbook } from './download';

export function CampaignActions({ campaign: c }: { campaign: CampaignDetail }) {
  const exportBook = useApiMutation('reviews:export', { onSuccess: downloadFile });
  const importBook = useApiMutation('reviews:import');
  const report = useApiMutation('reviews:report', { onSuccess: downloadFile });
  const advance = useApiMutation('reviews:advanceStage');
  const [confirm, setConfirm] = useState(false);
  const active = c.state === 'active';
  const lastStage = c.currentStage >= c.stages.length;
  const error = exportBook.error ?? importBook.error ?? report.error ?? advance.error;
  return (
    <Stack gap={4} align="flex-end">
      <Group gap="xs">
        {active && (
          <Menu>
            <Menu.Target>
              <Button variant="default" size="sm">
                Managers&apos; workbook
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => exportBook.mutate({ campaignId: c.id, format: 'xlsx' })}>
                Export (Excel)
              </Menu.Item>
              <Menu.Item onClick={() => exportBook.mutate({ campaignId: c.id, format: 'csv' })}>Export (CSV)</Menu.Item>
              <FileButton
                accept=".xlsx,.csv"
                onChange={(f) => f && void readWorkbook(f).then((w) => importBook.mutate({ campaignId: c.id, ...w }))}
              >
                {(props) => <Menu.Item {...props}>Import the filled-in workbook…</Menu.Item>}
              </FileButton>
            </Menu.Dropdown>
          </Menu>
        )}
        <Menu>
          <Menu.Target>
            <Button variant="default" size="sm" data-testid="campaign-report">
              Report
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => report.mutate({ campaignId: c.id, format: 'pdf' })}>PDF</Menu.Item>
            <Menu.Item onClick={() => report.mutate({ campaignId: c.id, format: 'csv' })}>CSV of every item</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        {active && !lastStage && (
          <Button variant="light" onClick={() => advance.mutate({ campaignId: c.id })} loading={advance.isPending}>
            Close stage {c.currentStage}
          </Button>
        )}
        {active && lastStage && (
          <Button onClick={() => setConfirm(true)} data-testid="sign-off">
            Sign off
          </Button>
        )}
      </Group>
      {importBook.data && (
        <Text size="xs" c="dimmed">
          Imported {formatNumber(importBook.data.imported)} decisions; {importBook.data.skipped.length} rows skipped.
        </Text>
      )}
      {error && (
        <Alert color="red" py={4} data-testid="campaign-action-error">
          {error.message}
        </Alert>
      )}
      <SignOffDialog campaign={c} opened={confirm} onClose={() => setConfirm(false)} />
    </Stack>
  );
}

function SignOffDialog({
  campaign: c,
  opened,
  onClose,
}: {
  campaign: CampaignDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const signOff = useApiMutation('reviews:signOff', { onSuccess: onClose });
  const s = c.stageCounts;
  const undecided = s.items - s.decided;
  const def = { keep: 'kept', revoke: 'revoked', recommendation: 'decided by their recommendation' }[c.defaultDecision];
  return (
    <Modal opened={opened} onClose={onClose} title={`Sign off "${c.name}"`}>
      <Stack gap="sm">
        <Text size="sm">
          {formatNumber(s.keep)} kept and {formatNumber(s.revoke)} revoked so far.
          {undecided > 0 ? ` ${formatNumber(undecided)} undecided items will be ${def}.` : ''} The revocations become a
          draft plan to approve and apply; decisions cannot be changed after this.
        </Text>
        {signOff.error && <Alert color="red">{signOff.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Not yet
          </Button>
          <Button
            onClick={() => signOff.mutate({ campaignId: c.id })}
            loading={signOff.isPending}
            data-testid="confirm-sign-off"
          >
            Sign off
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
