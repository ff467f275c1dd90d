/**
 * A plan by hand: pick people from the mirror, then any action of the shared action dialogs
 * (components/actions, the same as a person's page or the People list), previewed and added into a
 * new plan with the title above; add more on the plan's page.
 */
import { Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PersonRow } from '../../../src-preload/contract';
import { ActionsMenu } from '../../components/actions/actions-menu';
import { onePerson, somePeople } from '../../components/actions/action-target';
import { PersonPicker } from '../../components/actions/person-picker';

interface Props {
  instanceId: string;
  /** The new plan's title (empty: one of the moment). */
  title: string;
  onBuilt: (planId: string) => void;
}

export function HandBuilder({ instanceId, title, onBuilt }: Props) {
  const [people, setPeople] = useState<PersonRow[]>([]);
  const [first] = people;
  const target = !first ? null : people.length === 1 ? onePerson(first) : somePeople(people.map((p) => p.id));
  return (
    <Stack gap="sm" data-testid="hand-builder">
      <PersonPicker
        instanceId={instanceId}
        value={people}
        onChange={setPeople}
        label="People"
        description="By name, e-mail or organization; one operation per person."
      />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          Before and after come from the mirror; the plan shows them for review.
        </Text>
        <ActionsMenu instanceId={instanceId} target={target} onAdded={onBuilt} intoNewPlan={title} size="sm" />
      </Group>
    </Stack>
  );
}
