/**
 * Organizations: the tree on the left (filter by name, expand and collapse, people directly in
 * each and in all it contains), the picked organization's people on the right. Reached by
 * `#/organizations` and `#/organizations/<id>` (breadcrumbs on a person page link here).
 */
import { EmptyState, Group, Loader, Paper, Text, TextInput } from '@mantine/core';
import { IconBuildingCommunity, IconSearch } from '@tabler/icons-react';
import { useLocation, useParams } from 'wouter';
import type { Instance } from '../../../src-preload/contract';
import { BrowseGate } from '../../components/browse/browse-gate';
import { FullHeight, Grow } from '../../components/browse/full-height';
import { pathTo } from '../../components/browse/org-tree';
import { ScreenHeader } from '../../components/screen-header';
import { countOf } from '../../lib/format';
import { OrganizationPanel } from './organization-panel';
import { OrganizationTree } from './organization-tree';
import { useOrganizationTreeState } from './use-organization-tree-state';

export function OrganizationsScreen() {
  return (
    <FullHeight testId="screen-organizations">
      <ScreenHeader
        title="Organizations"
        description="The organization tree of the active instance, with the people in each."
      />
      <BrowseGate what="organizations">
        {(instance) => <OrganizationsBrowser key={instance.id} instance={instance} />}
      </BrowseGate>
    </FullHeight>
  );
}

function OrganizationsBrowser({ instance }: { instance: Instance }) {
  const params = useParams<{ id?: string }>();
  const [, navigate] = useLocation();
  const selectedId = params.id !== undefined && /^\d+$/.test(params.id) ? Number(params.id) : null;
  const { tree, roots, byId, filter, setFilter, expanded, filtered, rows, toggle } = useOrganizationTreeState(
    instance.id,
    selectedId,
  );
  const selected = selectedId === null ? null : (byId.get(selectedId) ?? null);

  if (tree.isLoading) return <Loader size="sm" aria-label="Loading organizations" />;
  if (roots.length === 0) {
    return (
      <Paper withBorder p="xl">
        <EmptyState
          icon={<IconBuildingCommunity size={28} />}
          title="No organizations in the mirror"
          description="The last sync brought no organizations."
        />
      </Paper>
    );
  }
  return (
    <Grow>
      <Group align="stretch" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <div
          style={{
            width: 360,
            flex: 'none',
            display: 'flex',
            flexDirection: 'column',
            gap: 'var(--mantine-spacing-xs)',
          }}
        >
          <TextInput
            aria-label="Filter organizations"
            placeholder="Filter by name"
            leftSection={<IconSearch size={16} />}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Escape' && setFilter('')}
          />
          <div style={{ flex: 1, minHeight: 0 }}>
            <OrganizationTree
              rows={rows}
              expanded={expanded}
              matches={filtered?.matches ?? new Set()}
              selectedId={selectedId}
              filtering={filtered !== null}
              onToggle={toggle}
              onSelect={(id) => navigate(`/organizations/${id}`)}
            />
          </div>
          <Text size="xs" c="dimmed">
            {filtered ? `${countOf(filtered.matches.size, 'organization')} match` : countOf(byId.size, 'organization')}{' '}
            · people: directly / in all
          </Text>
        </div>
        <div style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
          {selected ? (
            <OrganizationPanel
              key={selected.id}
              instance={instance}
              organization={selected}
              path={pathTo(byId, selected.id)}
            />
          ) : (
            <NoOrganizationPicked missing={selectedId !== null} />
          )}
        </div>
      </Group>
    </Grow>
  );
}

function NoOrganizationPicked({ missing }: { missing: boolean }) {
  return (
    <Paper withBorder p="xl" h="100%">
      <EmptyState
        icon={<IconBuildingCommunity size={28} />}
        title={missing ? 'This organization is not in the mirror' : 'Pick an organization'}
        description={
          missing
            ? 'It may have been removed on the server.'
            : 'Its people, and those of everything under it, show here.'
        }
      />
    </Paper>
  );
}
