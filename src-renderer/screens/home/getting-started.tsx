/**
 * The getting-started steps in the order the work happens. The first three are ticked when done;
 * the others link to where they will be done, so the path is visible from day one.
 */
import { Anchor, List, Paper, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';

interface Step {
  label: string;
  detail: string;
  href: string;
  done?: boolean;
}

interface GettingStartedProps {
  hasInstance: boolean;
  tested: boolean;
  /** A sync of the active instance has completed. */
  synced: boolean;
}

export function GettingStarted({ hasInstance, tested, synced }: GettingStartedProps) {
  const steps: Step[] = [
    {
      label: 'Connect an instance',
      detail: 'Host, API user and function tokens, or the built-in sandbox',
      href: '#/connect',
      done: hasInstance,
    },
    {
      label: 'Test the connection',
      detail: 'Every function answers, with the server’s own words when not',
      href: '#/connect',
      done: tested,
    },
    { label: 'Sync people and roles', detail: 'A local copy to work on offline', href: '#/people', done: synced },
    { label: 'Onboard or plan changes', detail: 'From intake documents or in bulk', href: '#/onboarding' },
    { label: 'Approve and apply', detail: 'Reviewed batches, with verification and undo', href: '#/plans' },
  ];
  return (
    <Paper withBorder p="md" data-testid="getting-started">
      <Title order={2} size="h3" mb="xs">
        Getting started
      </Title>
      <List spacing="xs" size="sm" center>
        {steps.map((step) => (
          <List.Item
            key={step.label}
            icon={
              <ThemeIcon
                size={20}
                radius="xl"
                color={step.done ? 'teal' : 'gray'}
                variant={step.done ? 'filled' : 'light'}
              >
                {step.done ? <IconCheck size={12} /> : <IconCircleDashed size={12} />}
              </ThemeIcon>
            }
          >
            <Anchor href={step.href} size="sm" fw={500}>
              {step.label}
            </Anchor>
            <Text span size="sm" c="dimmed">
              {' '}
              — {step.detail}
              {step.done ? ' (done)' : ''}
            </Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
