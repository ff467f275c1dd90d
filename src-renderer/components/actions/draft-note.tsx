/** "Into the draft "X"; nothing changes until it is approved and applied": said once, wherever actions are offered. */
import { Text } from '@mantine/core';
import { useCurrentDraft } from '../plan-draft/current-draft';

export function DraftNote({ instanceId, testId }: { instanceId: string; testId?: string }) {
  const { draft } = useCurrentDraft(instanceId);
  return (
    <Text size="xs" c="dimmed" data-testid={testId}>
      Into {draft ? `the draft "${draft.title}"` : 'a new draft plan'} (chosen in the header). Nothing changes on the
      instance until the plan is approved and applied.
    </Text>
  );
}
