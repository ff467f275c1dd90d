/** Saved questions of this instance: asked again as words, or their edited SQL run again; removable. */
import { ActionIcon, Badge, Group, Paper, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconBookmark, IconTrash } from '@tabler/icons-react';
import type { SavedQuestion } from '../../../../src-preload/contract';
import { useApiMutation, useApiQuery } from '../../../api';

interface Props {
  instanceId: string;
  onAsk: (question: string) => void;
  onRunSql: (question: string, sql: string) => void;
}

export function SavedQuestions({ instanceId, onAsk, onRunSql }: Props) {
  const saved = useApiQuery('ask:saved', { instanceId });
  const remove = useApiMutation('ask:deleteSaved', { meta: { errorTitle: 'The saved question was not removed' } });
  const list = saved.data ?? [];
  const open = (s: SavedQuestion) => (s.sql ? onRunSql(s.question, s.sql) : onAsk(s.question));
  return (
    <Paper withBorder p="sm" data-testid="ask-saved">
      <Group gap={6} mb="xs">
        <IconBookmark size={16} />
        <Text fw={600} size="sm">
          Saved questions
        </Text>
      </Group>
      {list.length === 0 ? (
        <Text size="xs" c="dimmed">
          Questions you save appear here, to ask again after each sync.
        </Text>
      ) : (
        <Stack gap={4}>
          {list.map((s) => (
            <Group key={s.id} gap={4} wrap="nowrap" justify="space-between" data-testid="ask-saved-item">
              <UnstyledButton onClick={() => open(s)} style={{ flex: 1 }}>
                <Text size="sm" lineClamp={2}>
                  {s.question}
                </Text>
                {s.sql && (
                  <Badge size="xs" variant="light" color="gray">
                    edited SQL
                  </Badge>
                )}
              </UnstyledButton>
              <Tooltip label="Remove">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={`Remove the saved question ${s.question}`}
                  onClick={() => remove.mutate({ id: s.id })}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
