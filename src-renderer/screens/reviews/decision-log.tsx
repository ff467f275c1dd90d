/** The decisions recorded on a campaign (who, when, what, why), each undoable until the sign-off. */
import { Button, Paper, Table, Text, Title } from '@mantine/core';
import type { CampaignDetail } from '../../../src-preload/contract';
import { useApiMutation } from '../../api';
import { dayTime, formatNumber } from '../../lib/format';

const WORD = { keep: 'Keep', revoke: 'Revoke', recommendation: 'Take the recommendation', clear: 'Undecide' } as const;

export function DecisionLog({ campaign: c }: { campaign: CampaignDetail }) {
  const undo = useApiMutation('reviews:undo');
  // Newest first, as main lists them.
  const actions = c.actions.slice(0, 50);
  return (
    <Paper withBorder p="sm">
      <Title order={4} mb="xs">
        Decisions recorded
      </Title>
      {actions.length === 0 ? (
        <Text size="sm" c="dimmed">
          None yet. Decide items above; every decision is recorded here and can be undone until the sign-off.
        </Text>
      ) : (
        <Table data-testid="decision-log" verticalSpacing={4}>
          <Table.Tbody>
            {actions.map((a) => (
              <Table.Tr key={a.id} c={a.undoneAt ? 'dimmed' : undefined}>
                <Table.Td>{dayTime(a.at)}</Table.Td>
                <Table.Td>{a.by}</Table.Td>
                <Table.Td>
                  {WORD[a.decision]}: {a.selection} ({formatNumber(a.items)}){a.reason ? ` · "${a.reason}"` : ''}
                </Table.Td>
                <Table.Td ta="right">
                  {a.undoneAt ? (
                    <Text size="xs">Undone by {a.undoneBy}</Text>
                  ) : (
                    c.state === 'active' &&
                    a.source !== 'default' && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => undo.mutate({ campaignId: c.id, actionId: a.id })}
                      >
                        Undo
                      </Button>
                    )
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
