/**
 * The frame every action dialog shares: its fields, what it will change (previewed on the current
 * draft), and "Add to the plan", which puts the work into the current draft (a new draft when
 * there is none). Nothing here reaches the instance: a plan is reviewed, approved and applied.
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { BuildPreview } from '../../../src-preload/contract';
import { useAddToDraft, type DraftWork } from '../plan-draft/use-add-to-draft';
import { BuildPreviewView, useBuildPreview } from './build-preview';
import { DraftNote } from './draft-note';

export interface ActionDialogProps {
  instanceId: string;
  opened: boolean;
  onClose: () => void;
  title: string;
  /** The fields; the preview follows them. */
  children?: ReactNode;
  /** What to add; null while the form is incomplete (the button stays disabled). */
  work: DraftWork | null;
  /** Why the button is disabled, said beside it (a field error is said at the field instead). */
  blocked?: string | null;
  submitLabel?: string;
  color?: string;
  size?: string;
  testId?: string;
  /** Called after the work was added. */
  onAdded?: () => void;
  /** More words under the preview, once it is known (how many stay as they are). */
  previewNote?: (preview: BuildPreview) => ReactNode;
}

export function ActionDialog(props: ActionDialogProps) {
  const { opened, onClose, title, size = 'lg', testId } = props;
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} data-testid={testId}>
      {opened && <ActionDialogBody {...props} />}
    </Modal>
  );
}

function ActionDialogBody(props: ActionDialogProps) {
  const {
    instanceId,
    onClose,
    children,
    work,
    blocked,
    submitLabel = 'Add to the plan',
    color,
    onAdded,
    previewNote,
  } = props;
  const { add, busy, draft } = useAddToDraft(instanceId);
  const preview = useBuildPreview(instanceId, draft?.id ?? null, work);
  const submit = async () => {
    if (!work) return;
    if (await add(work)) {
      onAdded?.();
      onClose();
    }
  };
  const disabled = !work || !!blocked || preview.addsNothing || preview.error !== null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        {children}
        <BuildPreviewView state={preview} />
        {preview.preview && previewNote?.(preview.preview)}
        <DraftNote instanceId={instanceId} testId="action-draft" />
        <Group justify="flex-end" gap="xs">
          {blocked && (
            <Text size="sm" c="dimmed" mr="auto">
              {blocked}
            </Text>
          )}
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color={color} loading={busy} disabled={disabled} data-testid="action-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
