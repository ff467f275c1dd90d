/** The ticket draft for an outcome: plain text to copy into the organization's ticket system. */
import { Button, CopyButton, Group, Loader, Modal, Text, Textarea } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useApiQuery } from '../../api';

interface Props {
  instanceId: string;
  outcomeId: number | null;
  onClose: () => void;
}

export function TicketModal({ instanceId, outcomeId, onClose }: Props) {
  const ticket = useApiQuery(
    'helpdesk:ticket',
    { instanceId, outcomeId: outcomeId ?? 1 },
    { enabled: outcomeId !== null },
  );
  return (
    <Modal opened={outcomeId !== null} onClose={onClose} title="Ticket draft" size="xl">
      {ticket.isLoading || !ticket.data ? (
        <Loader size="sm" aria-label="Writing the ticket" />
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs">
            Paste it into your ticket system. It names the person: check it before sending. No password or token is in
            it.
          </Text>
          <Textarea
            value={ticket.data.text}
            readOnly
            autosize
            minRows={12}
            maxRows={24}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
            data-testid="helpdesk-ticket-text"
            aria-label="Ticket text"
          />
          <Group justify="flex-end" mt="sm">
            <CopyButton value={ticket.data.text}>
              {({ copied, copy }) => (
                <Button
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  color={copied ? 'teal' : undefined}
                  onClick={copy}
                  data-testid="helpdesk-ticket-copy"
                >
                  {copied ? 'Copied' : 'Copy the ticket'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </>
      )}
    </Modal>
  );
}
