/** The person's history, newest first: sessions, access changes to them and by them, findings. */
import { Anchor, Badge, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { TimelineEntry } from '../../../../src-preload/contract';

const KIND: Record<TimelineEntry['kind'], { label: string; color: string }> = {
  session: { label: 'Sign-in', color: 'gray' },
  access_change: { label: 'Access', color: 'blue' },
  change_made: { label: 'Changed', color: 'violet' },
  finding: { label: 'Finding', color: 'orange' },
};

export function TimelineEntries({ entries }: { entries: TimelineEntry[] }) {
  const [show, setShow] = useState<'all' | 'changes'>('changes');
  const shown = show === 'all' ? entries : entries.filter((e) => e.kind !== 'session');
  return (
    <Paper withBorder p="md" data-testid="timeline-entries">
      <Group justify="space-between" mb="sm">
        <Title order={3}>History</Title>
        <SegmentedControl
          size="xs"
          value={show}
          onChange={(v) => setShow(v as 'all' | 'changes')}
          data={[
            { value: 'changes', label: 'Changes and findings' },
            { value: 'all', label: 'With sign-ins' },
          ]}
        />
      </Group>
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing recorded.
        </Text>
      ) : (
        <Stack gap={4}>
          {shown.map((e, i) => (
            <Group key={`${e.at}-${i}`} gap="sm" wrap="nowrap" align="flex-start">
              <Text size="xs" c="dimmed" w={130} style={{ flexShrink: 0 }}>
                {e.at.slice(0, 16)} UTC
              </Text>
              <Badge size="xs" variant="light" color={KIND[e.kind].color} w={70} style={{ flexShrink: 0 }}>
                {KIND[e.kind].label}
              </Badge>
              {e.findingId ? (
                <Anchor href={`#/audit/findings/${e.findingId}`} size="sm">
                  {e.text}
                </Anchor>
              ) : (
                <Text size="sm">{e.text}</Text>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
