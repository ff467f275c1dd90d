/**
 * Findings: the scan bar, filters, the list with bulk status changes (acknowledge, dismiss with a
 * reason, open again), paged. One finding opens on its own page (`#/audit/findings/<id>`).
 */
import { Alert, EmptyState, Group, Loader, Pagination, Paper, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconRadar } from '@tabler/icons-react';
import { useState } from 'react';
import { useLocation } from 'wouter';
import type { FindingsQuery, Instance } from '../../../../src-preload/contract';
import { notifySuccess, useApiQuery } from '../../../api';
import { countOf } from '../../../lib/format';
import { DetectorSettingsModal } from './detector-settings-modal';
import { FindingPage } from './finding-page';
import { DEFAULT_FILTERS, FindingsFilters, SEARCH_LIMIT, type FindingFilters } from './findings-filters';
import { FindingsTable } from './findings-table';
import { ScanBar } from './scan-bar';
import { StatusControls } from './status-controls';

const PAGE_SIZE = 50;

function queryOf(instanceId: string, f: FindingFilters, page: number): FindingsQuery {
  return {
    instanceId,
    ...(f.kinds.length > 0 ? { kinds: f.kinds } : {}),
    ...(f.statuses.length > 0 ? { statuses: f.statuses } : {}),
    detected: f.detected,
    ...(Number(f.minScore) > 0 ? { minScore: Number(f.minScore) } : {}),
    ...(f.search.trim() ? { search: f.search.trim().slice(0, SEARCH_LIMIT) } : {}),
    sort: f.sort,
    offset: page * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

export function FindingsTab({ instance, findingId }: { instance: Instance; findingId: number | null }) {
  const [, navigate] = useLocation();
  if (findingId !== null)
    return <FindingPage instance={instance} findingId={findingId} onBack={() => navigate('/audit/findings')} />;
  return <FindingsList instance={instance} onOpen={(id) => navigate(`/audit/findings/${id}`)} />;
}

function FindingsList({ instance, onOpen }: { instance: Instance; onOpen(id: number): void }) {
  const [filters, setFilters] = useState<FindingFilters>(DEFAULT_FILTERS);
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [debounced] = useDebouncedValue(filters, 200);
  const findings = useApiQuery('investigate:findings', queryOf(instance.id, debounced, page));
  const data = findings.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const select = (ids: number[], on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });
  return (
    <div data-testid="findings-tab">
      {data && <ScanBar instance={instance} status={data.scan} onSettings={() => setSettingsOpen(true)} />}
      <FindingsFilters
        value={filters}
        byKind={data?.byKind}
        onChange={(next) => {
          setFilters(next);
          setPage(0);
          setSelected(new Set());
        }}
      />
      <BulkBar instance={instance} selected={selected} onDone={() => setSelected(new Set())} />
      {findings.error && <Alert color="red">{findings.error.message}</Alert>}
      {findings.isLoading || !data ? (
        <Loader size="sm" aria-label="Loading the findings" />
      ) : data.rows.length === 0 ? (
        <NoFindings scanned={data.scan.lastScan !== null} filtered={filters !== DEFAULT_FILTERS} />
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs" data-testid="findings-count">
            {countOf(data.total, 'finding')}
          </Text>
          <FindingsTable rows={data.rows} selected={selected} onSelect={select} onOpen={onOpen} />
          {pages > 1 && (
            <Group justify="center" mt="sm">
              <Pagination total={pages} value={page + 1} onChange={(p) => setPage(p - 1)} />
            </Group>
          )}
        </>
      )}
      <DetectorSettingsModal instance={instance} opened={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </div>
  );
}

function NoFindings({ scanned, filtered }: { scanned: boolean; filtered: boolean }) {
  return (
    <Paper withBorder p="xl" data-testid="findings-empty">
      <EmptyState
        icon={<IconRadar size={32} />}
        title={!scanned ? 'Not scanned yet' : filtered ? 'No finding matches' : 'Nothing found'}
        description={
          !scanned
            ? 'The detectors run after each sync. Start a scan now with "Scan now".'
            : filtered
              ? 'Widen the filters: another kind, status or score.'
              : 'The detectors found nothing open in the mirror.'
        }
      />
    </Paper>
  );
}

function BulkBar({ instance, selected, onDone }: { instance: Instance; selected: Set<number>; onDone(): void }) {
  if (selected.size === 0) return null;
  return (
    <Paper withBorder p="xs" mb="sm" data-testid="bulk-bar">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {countOf(selected.size, 'finding')} selected
        </Text>
        <StatusControls
          instance={instance}
          findingIds={[...selected]}
          testPrefix="bulk"
          onDone={(next, updated) => {
            notifySuccess(`${countOf(updated, 'finding')} ${next === 'open' ? 'opened again' : next}.`);
            onDone();
          }}
        />
      </Group>
    </Paper>
  );
}
