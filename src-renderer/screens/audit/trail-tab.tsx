/**
 * The trail in words: when, who, what (plan titles, people and roles by name), why; filtered and
 * paged. The raw, hash-chained entries (verify, export) stay under Plans -> Audit trail.
 */
import { Alert, Badge, EmptyState, Group, Loader, Pagination, Paper, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconListDetails } from '@tabler/icons-react';
import { useState } from 'react';
import type { AuditTrailQuery, ReadableAuditEntry } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import { useActiveInstance } from '../../hooks/use-settings';
import { countOf, dayTime } from '../../lib/format';
import { KIND_LABEL, NO_FILTERS, SEARCH_LIMIT, TrailFilters, type TrailFilterValues } from './trail-filters';

const PAGE_SIZE = 50;

function queryOf(f: TrailFilterValues, page: number, instanceId: string | undefined): AuditTrailQuery {
  return {
    ...(instanceId ? { instanceId } : {}),
    ...(f.actor ? { actor: f.actor } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.planId ? { planId: f.planId } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.q.trim() ? { q: f.q.trim().slice(0, SEARCH_LIMIT) } : {}),
    page,
    pageSize: PAGE_SIZE,
  };
}

export function TrailTab() {
  const { active } = useActiveInstance();
  const [filters, setFilters] = useState<TrailFilterValues>(NO_FILTERS);
  const [page, setPage] = useState(0);
  const [debounced] = useDebouncedValue(filters, 200);
  const trail = useApiQuery('audit:trail', queryOf(debounced, page, active?.id));
  const data = trail.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <div data-testid="audit-trail-readable">
      <TrailFilters
        value={filters}
        onChange={(next) => {
          setFilters(next);
          setPage(0);
        }}
        options={data}
      />
      {trail.error && <Alert color="red">{trail.error.message}</Alert>}
      {trail.isLoading ? (
        <Loader size="sm" aria-label="Loading the trail" />
      ) : !data || data.entries.length === 0 ? (
        <Paper withBorder p="xl">
          <EmptyState
            icon={<IconListDetails size={32} />}
            title={filters === NO_FILTERS ? 'Nothing recorded yet' : 'No entry matches'}
            description={
              filters === NO_FILTERS
                ? 'Plans you build, approve and apply, and decisions such as marking a role privileged, appear here.'
                : 'Widen the dates or clear a filter.'
            }
          />
        </Paper>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs" data-testid="trail-count">
            {countOf(data.total, 'entry', 'entries')}
          </Text>
          <TrailTable entries={data.entries} />
          {pages > 1 && (
            <Group justify="center" mt="sm">
              <Pagination total={pages} value={page + 1} onChange={(p) => setPage(p - 1)} data-testid="trail-pages" />
            </Group>
          )}
        </>
      )}
    </div>
  );
}

function TrailTable({ entries }: { entries: ReadableAuditEntry[] }) {
  return (
    <Paper withBorder>
      <Table striped verticalSpacing="xs" data-testid="trail-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>When</Table.Th>
            <Table.Th w={180}>Who</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th w={220}>Reason</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.seq} data-testid="trail-row">
              <Table.Td>
                <Text size="xs">{dayTime(e.at)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {e.actor.replace(/\s*\(API user [^)]*\)\s*$/i, '')}
                </Text>
                {/\(API user [^)]*\)\s*$/i.test(e.actor) && (
                  <Text size="xs" c="dimmed">
                    {/\(API user ([^)]*)\)\s*$/i.exec(e.actor)?.[1]}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Badge size="xs" variant="light" style={{ flexShrink: 0 }}>
                    {KIND_LABEL[e.kind]}
                  </Badge>
                  <Text size="sm">{e.summary}</Text>
                </Group>
                {e.people.length > 0 && (
                  <Text size="xs" c="dimmed">
                    Concerns {e.people.join(', ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs">{e.reason ?? ''}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
