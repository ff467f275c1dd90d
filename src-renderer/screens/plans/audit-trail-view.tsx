/** The local audit trail: newest entries, "Verify chain" (intact, or the first broken entry), export. */
import { Alert, Anchor, Button, EmptyState, Group, Loader, Paper, Text } from '@mantine/core';
import { IconDownload, IconShieldCheck, IconShieldLock, IconShieldX } from '@tabler/icons-react';
import { useState } from 'react';
import type { AuditVerification, Instance } from '../../../src-preload/contract';
import { callApi, notifyError, useApiQuery } from '../../api';
import { formatNumber } from '../../lib/format';
import { AuditEntriesTable } from './audit-entries-table';
import { downloadText } from './plan-format';

export function AuditTrailView({ instance }: { instance: Instance }) {
  const list = useApiQuery('audit:list', { instanceId: instance.id, limit: 200 });
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifying, setVerifying] = useState(false);
  const verify = async () => {
    setVerifying(true);
    try {
      setVerification(await callApi('audit:verify'));
    } catch (e) {
      notifyError(e, 'Not verified');
    } finally {
      setVerifying(false);
    }
  };
  const exportTrail = async () => {
    try {
      downloadText(await callApi('audit:export', { instanceId: instance.id }));
    } catch (e) {
      notifyError(e, 'Not exported');
    }
  };
  const entries = list.data?.entries ?? [];

  return (
    <div data-testid="audit-trail">
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          Append-only and hash-chained: every plan created, approved, applied and undone.{' '}
          {list.data ? `${formatNumber(list.data.total)} entries.` : ''}{' '}
          <Anchor href="#/audit" size="sm" data-testid="open-readable-trail">
            Read it in words, with filters, on the Audit screen
          </Anchor>
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconShieldCheck size={16} />}
            onClick={() => void verify()}
            loading={verifying}
            data-testid="verify-chain"
          >
            Verify chain
          </Button>
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void exportTrail()}>
            Export
          </Button>
        </Group>
      </Group>
      {verification && <VerifyResult verification={verification} />}
      {list.isLoading ? (
        <Loader size="sm" aria-label="Loading the audit trail" />
      ) : entries.length === 0 ? (
        <Paper withBorder p="xl">
          <EmptyState
            icon={<IconShieldLock size={28} />}
            variant="light"
            title="Nothing recorded yet"
            description="Plans you create, approve, apply and undo are recorded here."
          />
        </Paper>
      ) : (
        <AuditEntriesTable entries={entries} />
      )}
    </div>
  );
}

function VerifyResult({ verification }: { verification: AuditVerification }) {
  const first = verification.problems[0];
  return (
    <Alert
      mb="sm"
      color={verification.ok ? 'green' : 'red'}
      icon={verification.ok ? <IconShieldCheck /> : <IconShieldX />}
      title={
        verification.ok
          ? `Intact: ${formatNumber(verification.checked)} entries checked`
          : `Broken at entry ${first?.seq ?? '?'}`
      }
      data-testid="verify-result"
    >
      {!verification.ok && first && <Text size="sm">{first.message}</Text>}
    </Alert>
  );
}
