/**
 * What an action will do, before it is added: the build tried on the current draft and rolled
 * back in main (`plans:previewBuild`). The changes are counted ("Status → Inactive · 40 people")
 * and whoever would be left out is named with the reason, so nothing in the plan is a surprise.
 */
import { Alert, Group, List, Loader, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { BuildPreview, InputOf } from '../../../src-preload/contract';
import { useApiQuery, type ApiCallError } from '../../api';
import type { DraftWork } from '../plan-draft/use-add-to-draft';

type Build = InputOf<'plans:previewBuild'>['build'];

/** The build a piece of draft work previews as; null for plain operations (the dialog says what they do). */
function buildOf(work: DraftWork | null): Build | null {
  if (!work || work.kind === 'operations') return null;
  return work;
}

const NO_BUILD: Build = { kind: 'selection', personIds: [1], action: { kind: 'deactivate' } };

export interface PreviewState {
  preview: BuildPreview | undefined;
  loading: boolean;
  error: ApiCallError | null;
  /** True when the work has a preview and it adds nothing. */
  addsNothing: boolean;
}

export function useBuildPreview(instanceId: string, draftId: string | null, work: DraftWork | null): PreviewState {
  const build = buildOf(work);
  // Disabled without a build; the placeholder input is never sent.
  const input = { instanceId, ...(draftId ? { planId: draftId } : {}), build: build ?? NO_BUILD };
  const q = useApiQuery('plans:previewBuild', input, { enabled: build !== null, meta: { silent: true } });
  const preview = build ? q.data : undefined;
  return {
    preview,
    loading: build !== null && q.isFetching && !q.data,
    error: build ? q.error : null,
    addsNothing: preview !== undefined && preview.added === 0,
  };
}

const arrows = (label: string) => label.replaceAll(' -> ', ' → ');
const peopleWord = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'person' : 'people'}`;

export function BuildPreviewView({ state }: { state: PreviewState }) {
  const { preview, loading, error } = state;
  if (error)
    return (
      <Alert color="red" title="This cannot be added" role="alert" data-testid="build-preview-error">
        {error.message}
      </Alert>
    );
  if (loading || !preview)
    return loading ? (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          Working out what this will change…
        </Text>
      </Group>
    ) : null;
  return (
    <Stack gap={6} data-testid="build-preview">
      <Text size="sm" fw={600}>
        {preview.added === 0
          ? 'Nothing to add: nobody here would change.'
          : `Adds ${preview.added.toLocaleString()} operation${preview.added === 1 ? '' : 's'} to the plan:`}
      </Text>
      {preview.changes.length > 0 && (
        <List size="sm" spacing={2}>
          {preview.changes.map((c) => (
            <List.Item key={c.label} data-testid="preview-change">
              {arrows(c.label)} · {peopleWord(c.people)}
            </List.Item>
          ))}
        </List>
      )}
      {preview.rejectedCount > 0 && <LeftOut preview={preview} />}
    </Stack>
  );
}

function LeftOut({ preview }: { preview: BuildPreview }) {
  const more = preview.rejectedCount - preview.rejected.length;
  return (
    <Alert color="yellow" variant="light" icon={<IconInfoCircle size={16} />} p="xs" data-testid="preview-left-out">
      <Text size="sm" fw={500}>
        {peopleWord(preview.rejectedCount)} left out:
      </Text>
      <List size="xs" spacing={0}>
        {preview.rejected.map((r) => (
          <List.Item key={r.personId}>
            {r.name}: {r.message}
          </List.Item>
        ))}
      </List>
      {more > 0 && (
        <Text size="xs" c="dimmed">
          and {more.toLocaleString()} more.
        </Text>
      )}
    </Alert>
  );
}
