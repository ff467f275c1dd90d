/**
 * Where the administrator drops or picks the CSV. The file is read here, after a size check
 * against the channel's limit, so a file too large to send is refused before it is read.
 */
import { Group, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { IconFileUpload } from '@tabler/icons-react';
import { MAX_PLAN_CSV_CHARS } from '../../../src-preload/contract';
import { fileTooLargeMessage, readTextFileWithin } from '../../lib/read-text-file';

const CSV_LIMIT = {
  maxChars: MAX_PLAN_CSV_CHARS,
  purpose: 'for a CSV plan',
  nextStep: 'Split the rows into smaller files and build one plan from each.',
};

const NOT_TEXT =
  'is not a CSV: it looks like a binary file (a workbook, a PDF or an image). In the spreadsheet, choose Save as, then "CSV (comma delimited)", and pick that file.';

/** NUL bytes, or many characters that did not decode as text. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  if (sample.includes('\u0000')) return true;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) odd++;
  }
  return sample.length > 0 && odd / sample.length > 0.02;
}

interface Props {
  onText: (text: string) => void;
  /** Why a file was not taken, in words for the administrator (shown at the drop zone). */
  onRefused: (message: string) => void;
}

export function CsvDropZone({ onText, onRefused }: Props) {
  const readFile = async (files: File[]) => {
    const file = files[0];
    if (!file) return;
    const read = await readTextFileWithin(file, CSV_LIMIT);
    if (!read.ok) return onRefused(read.message);
    if (looksBinary(read.text)) return onRefused(`"${file.name}" ${NOT_TEXT}`);
    onText(read.text);
  };
  const rejected = (r: FileRejection[]) => {
    const file = r[0]?.file;
    if (!file) return;
    const tooLarge = r[0]?.errors.some((e) => e.code === 'file-too-large');
    onRefused(
      tooLarge
        ? fileTooLargeMessage(file.name, file.size, CSV_LIMIT)
        : `"${file.name}" is not a CSV file. Save it as CSV (comma delimited) from the spreadsheet and pick that file.`,
    );
  };
  return (
    <Dropzone
      onDrop={(f) => void readFile(f)}
      onReject={rejected}
      maxSize={MAX_PLAN_CSV_CHARS * 3}
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
