/**
 * Where documents come in: a drop zone taking several files or a whole folder, buttons to choose
 * files or a folder, the progress of a drop with Cancel, and the files that could not be read,
 * each with its reason.
 */
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconFileUpload, IconFolderOpen } from '@tabler/icons-react';
import { useRef, type ReactNode } from 'react';
import { countOf } from '../../lib/format';
import type { useIntakeDrop } from './use-intake-drop';

interface Props {
  drop: ReturnType<typeof useIntakeDrop>;
  /** Bigger when the queue is empty: the drop is then the screen. */
  large?: boolean;
  /** Shown beside the pickers ("Try a sample"). */
  extra?: ReactNode;
}

export function IntakeDrop({ drop, large = false, extra }: Props) {
  const opener = useRef<() => void>(null);
  const busy = drop.progress !== null && !drop.progress.cancelled;
  const zone = (
    <Dropzone
      openRef={opener}
      onDrop={(files) => void drop.read(files)}
      multiple
      disabled={busy}
      p={large ? 'xl' : 6}
      style={large ? undefined : { flex: 1 }}
      data-testid="onboarding-drop"
    >
      <Group justify="center" gap="sm" mih={large ? 120 : 0} wrap="nowrap" style={{ pointerEvents: 'none' }}>
        <IconFileUpload size={large ? 36 : 20} />
        <div>
          <Text size={large ? 'lg' : 'sm'}>Drop intake documents or a folder here</Text>
          {large && (
            <Text size="xs" c="dimmed">
              Forms and letters (PDF, DOCX, text), scans and photos (PNG, JPEG, TIFF), e-mails (.eml, .msg), lists (CSV,
              XLSX: one person a row). Up to 25 MB each.
            </Text>
          )}
        </div>
      </Group>
    </Dropzone>
  );
  const pickers = (
    <Group gap="xs" wrap="nowrap">
      <PickButtons drop={drop} disabled={busy} onFiles={() => opener.current?.()} />
      {extra}
    </Group>
  );
  return (
    <Stack gap="xs">
      {large ? (
        <>
          {zone}
          {pickers}
        </>
      ) : (
        <Group gap="xs" wrap="nowrap" align="stretch">
          {zone}
          {pickers}
        </Group>
      )}
      {drop.progress && <DropProgressLine drop={drop} />}
      {drop.refused.length > 0 && (
        <Alert
          color="red"
          title={`${countOf(drop.refused.length, 'document')} could not be read`}
          withCloseButton
          onClose={drop.dismissRefused}
          data-testid="onboarding-refused"
        >
          <Stack gap={2}>
            {drop.refused.map((r) => (
              <Text key={r.name} size="sm">
                <b>{r.name}</b>: {r.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

function DropProgressLine({ drop }: Props) {
  const p = drop.progress!;
  if (p.cancelled)
    return (
      <Alert color="yellow" withCloseButton onClose={drop.clearProgress}>
        Cancelled after {countOf(p.done, 'document')} of {p.total}; the rest were not read.
      </Alert>
    );
  return (
    <Group gap="sm" wrap="nowrap" data-testid="onboarding-progress">
      <Progress value={(p.done / p.total) * 100} animated style={{ flex: 1 }} aria-label="Reading the documents" />
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        Reading {p.done + 1} of {p.total}: {p.current}
      </Text>
      <Button size="xs" variant="subtle" color="red" onClick={drop.cancel}>
        Cancel
      </Button>
    </Group>
  );
}

/** The file picker (the drop zone's own) and a folder picker. */
function PickButtons({ drop, disabled, onFiles }: { drop: Props['drop']; disabled: boolean; onFiles: () => void }) {
  const folder = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconFileUpload size={14} />}
        onClick={onFiles}
        disabled={disabled}
      >
        Choose files…
      </Button>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconFolderOpen size={14} />}
        onClick={() => folder.current?.click()}
        disabled={disabled}
      >
        Choose a folder…
      </Button>
      <input
        ref={(el) => {
          folder.current = el;
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        multiple
        hidden
        data-testid="onboarding-folder-input"
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])].filter((f) => !f.name.startsWith('.'));
          e.currentTarget.value = '';
          void drop.read(files);
        }}
      />
    </>
  );
}
