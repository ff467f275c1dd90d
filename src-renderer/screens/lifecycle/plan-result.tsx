/** The draft plan a template made: each operation with its step and reason, what was refused, what follows. */
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useLocation } from 'wouter';
import type { TemplatePlanResult } from '../../../src-preload/contract';
import { formatNumber } from '../../lib/format';

export function PlanResult({ result }: { result: TemplatePlanResult }) {
  const [, navigate] = useLocation();
  return (
    <Paper withBorder p="md" data-testid="template-plan">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>
            Draft plan “{result.title}”: {formatNumber(result.operations.length)} operations
          </Text>
          <Button
            leftSection={<IconExternalLink size={16} />}
            onClick={() => navigate(`/plans?plan=${encodeURIComponent(result.planId)}`)}
            data-testid="open-template-plan"
          >
            Open the plan to review and approve
          </Button>
        </Group>
        {result.followUp && (
          <Alert color="blue" data-testid="template-follow-up">
            {result.followUp}
          </Alert>
        )}
        {result.rejected.length > 0 && (
          <Alert color="yellow" title={`${result.rejected.length} left out`}>
            {result.rejected.slice(0, 5).map((r) => (
              <Text key={r.message} size="sm">
                {r.message}
              </Text>
            ))}
          </Alert>
        )}
        <Table.ScrollContainer minWidth={600} mah={420}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Change</Table.Th>
                <Table.Th>Step</Table.Th>
                <Table.Th>Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.operations.map((o) => (
                <Table.Tr key={o.operationId} data-testid="template-operation">
                  <Table.Td>
                    <Text size="sm">{o.summary}</Text>
                    {o.source === 'ai' && (
                      <Badge size="xs" variant="light" color="violet">
                        AI proposed
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{o.step}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {o.reason}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
