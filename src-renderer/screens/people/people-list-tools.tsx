/**
 * The People list's tools beside its search: the columns to show (kept between visits) and the
 * CSV export of every match, in the list's order with the columns shown.
 */
import { Button, Checkbox, Menu, Stack } from '@mantine/core';
import { IconColumns, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import {
  DEFAULT_PEOPLE_COLUMNS,
  PEOPLE_COLUMN_IDS,
  PEOPLE_COLUMN_LABELS,
  type PeopleColumnId,
  type PeopleFiltersInput,
  type PeopleSort,
} from '../../../src-preload/contract';
import { callApi, notifyError, notifySuccess } from '../../api';
import { downloadText } from '../../lib/download';
import { formatNumber } from '../../lib/format';

export function ColumnsMenu({
  columns,
  onChange,
}: {
  columns: readonly PeopleColumnId[];
  onChange: (columns: PeopleColumnId[]) => void;
}) {
  const toggle = (id: PeopleColumnId, on: boolean) => {
    // Kept in the catalogue's order, so a column comes back where it was.
    const next = PEOPLE_COLUMN_IDS.filter((c) => (c === id ? on : columns.includes(c)));
    if (next.length > 0) onChange(next);
  };
  return (
    <Menu closeOnItemClick={false} position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />} data-testid="columns-menu">
          Columns
        </Button>
      </Menu.Target>
      <Menu.Dropdown data-testid="columns-dropdown">
        <Menu.Label>Show these columns</Menu.Label>
        <Stack gap={6} px="sm" py={4}>
          {PEOPLE_COLUMN_IDS.map((id) => (
            <Checkbox
              key={id}
              size="sm"
              label={PEOPLE_COLUMN_LABELS[id]}
              checked={columns.includes(id)}
              // The last one cannot go: a list without columns says nothing.
              disabled={columns.length === 1 && columns.includes(id)}
              onChange={(e) => toggle(id, e.currentTarget.checked)}
              data-testid={`column-${id}`}
            />
          ))}
        </Stack>
        <Menu.Divider />
        <Menu.Item onClick={() => onChange([...DEFAULT_PEOPLE_COLUMNS])}>Back to the default columns</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

interface ExportButtonProps {
  instanceId: string;
  query: string;
  filters: PeopleFiltersInput;
  sort: PeopleSort;
  columns: readonly PeopleColumnId[];
  total: number;
}

export function ExportButton({ instanceId, query, filters, sort, columns, total }: ExportButtonProps) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const q = query.trim();
      const file = await callApi('people:exportCsv', {
        instanceId,
        ...(q ? { query: q } : {}),
        filters,
        sort,
        columns: [...columns],
      });
      downloadText(file);
      notifySuccess(`${file.filename}: ${formatNumber(total)} ${total === 1 ? 'person' : 'people'}.`, 'Exported');
    } catch (e) {
      notifyError(e, 'The list was not exported');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="default"
      leftSection={<IconDownload size={16} />}
      loading={busy}
      disabled={total === 0}
      onClick={() => void run()}
      data-testid="people-export"
      title="Every person the search matches, with the columns shown, as a CSV"
    >
      Export CSV
    </Button>
  );
}
