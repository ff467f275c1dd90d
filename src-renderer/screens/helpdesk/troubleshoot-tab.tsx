/**
 * The troubleshooter: pick a person and what they cannot do, run every check, read the result in
 * order, and act on it (fix plan, resets, ticket). The outcome shown stays while the
 * administrator is in Plans approving and applying the fix.
 */
import { Alert, Loader, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { Instance } from '../../../src-preload/contract';
import { useApiMutation, useApiQuery } from '../../api';
import { ChecksTable } from './checks-table';
import { FixPanel } from './fix-panel';
import { setHelpdeskView, useHelpdeskView } from './helpdesk-store';
import { TicketModal } from './ticket-modal';
import { formReady, TroubleshootForm } from './troubleshoot-form';

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'never');

export function TroubleshootTab({ instance }: { instance: Instance }) {
  const view = useHelpdeskView(instance.id);
  const [ticketFor, setTicketFor] = useState<number | null>(null);
  const diagnose = useApiMutation('helpdesk:diagnose', { meta: { errorTitle: 'The checks did not run' } });
  const outcome = useApiQuery(
    'helpdesk:outcome',
    { instanceId: instance.id, outcomeId: view.outcomeId ?? 1 },
    { enabled: view.outcomeId !== null },
  );
  const check = useCallback(() => {
    if (!formReady(view) || view.personId === null) return;
    const target =
      view.targetKind === 'program'
        ? { kind: 'program' as const, program: view.programId! }
        : view.targetKind === 'role'
          ? { kind: 'role' as const, role: view.roleId! }
          : { kind: 'portal' as const };
    diagnose.mutate(
      { instanceId: instance.id, person: view.personId, target },
      { onSuccess: (d) => setHelpdeskView(instance.id, { outcomeId: d.outcomeId }) },
    );
  }, [view, instance.id, diagnose]);

  const d = view.outcomeId !== null ? outcome.data : undefined;
  return (
    <Stack gap="lg">
      <TroubleshootForm instance={instance} busy={diagnose.isPending} onCheck={check} />
      {view.outcomeId !== null && outcome.isLoading && <Loader size="sm" aria-label="Loading the result" />}
      {d && (
        <Stack gap="md" data-testid="helpdesk-diagnosis" data-failed={d.failed.join(',')}>
          <Alert
            color={d.failed.length > 0 ? 'red' : 'green'}
            icon={d.failed.length > 0 ? <IconCircleX /> : <IconCircleCheck />}
            title={d.summary}
            data-testid="helpdesk-summary"
          >
            <Text size="sm">
              {d.person.name} &lt;{d.person.email}&gt;, {d.person.isExternal ? 'external' : 'internal'}
              {d.person.organization ? `, ${d.person.organization}` : ''}. Checked {when(d.checkedAt)} on the mirror
              synced {when(d.syncedAt)}.
            </Text>
          </Alert>
          <ChecksTable checks={d.checks} />
          <FixPanel
            instance={instance}
            diagnosis={d}
            checking={diagnose.isPending}
            onCheckAgain={check}
            onTicket={() => setTicketFor(d.outcomeId)}
          />
        </Stack>
      )}
      <TicketModal instanceId={instance.id} outcomeId={ticketFor} onClose={() => setTicketFor(null)} />
    </Stack>
  );
}
