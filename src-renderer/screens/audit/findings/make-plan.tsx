/**
 * "Make a plan" from a finding: each fix it offers (remove the role, deactivate, take away login
 * access, undo a burst) becomes a plan, or goes into the current draft; the plan is then reviewed,
 * approved and applied as any other. Nothing reaches SmartSimple from here.
 */
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconClipboardPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { inSentence, type FindingDetail, type Instance, type Remediation } from '../../../../src-preload/contract';
import { useApiMutation } from '../../../api';
import { countOf } from '../../../lib/format';

export function MakePlanSection({ instance, f }: { instance: Instance; f: FindingDetail }) {
  const make = useApiMutation('investigate:makePlan', { meta: { errorTitle: 'No plan was made' } });
  const [made, setMade] = useState<{ title: string; added: number; label: string } | null>(null);
  const run = (r: Remediation) =>
    make.mutate(
      { instanceId: instance.id, findingId: f.id, action: r.action },
      { onSuccess: (res) => setMade({ title: res.plan.title, added: res.added, label: r.label }) },
    );
  return (
    <Paper withBorder p="md" data-testid="make-plan">
      <Title order={3} mb={4}>
        Make a plan
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A fix becomes a plan: you review it, approve it and apply it from Plans. Nothing changes on SmartSimple until
        then.
      </Text>
      {f.remediations.length === 0 ? (
        <Text size="sm">This finding offers no fix through a plan.</Text>
      ) : (
        <Stack gap="xs">
          {f.remediations.map((r) => (
            <Group key={JSON.stringify(r.action)} justify="space-between" wrap="nowrap">
              <Text size="sm">
                {r.label}
                {r.people > 1 ? ` (${countOf(r.people, 'person', 'people')})` : ''}
              </Text>
              <Button
                size="xs"
                leftSection={<IconClipboardPlus size={14} />}
                loading={make.isPending && JSON.stringify(make.variables?.action) === JSON.stringify(r.action)}
                disabled={f.plan !== null && f.plan.state !== 'discarded'}
                onClick={() => run(r)}
                data-testid="make-plan-button"
              >
                Make a plan
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      {f.plan && f.plan.state !== 'discarded' && !made && (
        <Text size="xs" c="dimmed" mt="xs">
          A plan was made from this finding already: “{f.plan.title}”.
        </Text>
      )}
      {made && (
        <Alert color="teal" mt="sm" title="Plan made" data-testid="plan-made">
          “{made.title}”: {countOf(made.added, 'operation')} ({inSentence(made.label)}), a draft for you to review.{' '}
          <Anchor href="#/plans" data-testid="plan-made-open">
            Open Plans
          </Anchor>
        </Alert>
      )}
      {make.error && (
        <Alert color="red" mt="sm">
          {make.error.message}
        </Alert>
      )}
    </Paper>
  );
}
