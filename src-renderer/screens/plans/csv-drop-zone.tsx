/**
 * Where the administrator drops or picks the CSV. The file is read here, after a size check
 * against the channel's limit, so a file too large to send is refused before it is read.
 */
import { Group, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconFileUpload } from '@tabler/icons-react';
import { MAX_PLAN_CSV_CHARS } from '../../../src-preload/contract';
import { notifyRefusal } from '../../api';
import { readTextFileWithin } from '../../lib/read-text-file';

const CSV_LIMIT = {
  maxChars: MAX_PLAN_CSV_CHARS,
  purpose: 'for a CSV plan',
  nextStep: 'Split the rows into smaller files and build one plan from each.',
};

export function CsvDropZone({ onText }: { onText: (text: string) => void }) {
  const readFile = async (files: File[]) => {
    const file = files[0];
    if (!file) return;
    const read = await readTextFileWithin(file, CSV_LIMIT);
    if (read.ok) onText(read.text);
    else notifyRefusal(read.message, 'The CSV was not read: the file is too large');
  };
  return (
    <Dropzone
      onDrop={(f) => void readFile(f)}
      maxFiles={1}
      accept={['text/csv', 'text/plain', '.csv']}
      multiple={false}
      p="md"
    >
      <Group justify="center" gap="sm" mih={60} style={{ pointerEvents: 'none' }}>
        <IconFileUpload size={28} />
        <div>
          <Text size="sm">Drop a CSV here or click to pick one (up to 2 MB)</Text>
          <Text size="xs" c="dimmed">
            Columns: email and/or id; optionally roles (ids or names, separated by ; or |) and action.
          </Text>
        </div>
      </Group>
    </Dropzone>
  );
}
