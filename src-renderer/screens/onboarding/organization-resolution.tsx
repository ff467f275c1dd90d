/**
 * The person's organization: an existing one with its place in the tree, or a new one the plan
 * creates first, under a parent, internal or external (fixed at creation; under anything but the
 * root it follows the parent). Other organizations it may be (by name, by the e-mail's domain) can
 * be chosen instead; the administrator can also pick any organization, or place the new one.
 */
import {
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import type { OrganizationChoice, OrganizationNode, Proposal } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import { flattenTree } from '../../components/browse/org-tree';

interface Props {
  proposal: Proposal;
  readOnly: boolean;
  busy: boolean;
  onChoose: (choice: OrganizationChoice) => void;
}

type Editing = 'pick' | 'new' | null;
type Org = Proposal['organization'];

export function OrganizationResolution({ proposal, readOnly, busy, onChoose }: Props) {
  const o = proposal.organization;
  const tree = useApiQuery('organizations:tree', { instanceId: proposal.instanceId });
  const options = useMemo(() => orgOptions(tree.data ?? []), [tree.data]);
  const [editing, setEditing] = useState<Editing>(null);
  const named = proposal.fields.organization?.value;
  const choose = (choice: OrganizationChoice) => {
    setEditing(null);
    onChoose(choice);
  };
  return (
    <Paper withBorder p="sm" data-testid="organization-resolution">
      <Stack gap="xs">
        <OrganizationHeader o={o} readOnly={readOnly} editing={editing} onEdit={setEditing} />
        <OrganizationPlace o={o} />
        <OrganizationCandidates o={o} readOnly={readOnly} busy={busy} onChoose={choose} />
        {editing === 'pick' && (
          <Select
            searchable
            data={options}
            placeholder="Type to find an organization"
            aria-label="Organization"
            onChange={(v) => v && choose({ kind: 'existing', organizationId: Number(v) })}
          />
        )}
        {editing === 'new' && (
          <NewOrganizationForm
            initialName={o.name ?? (typeof named === 'string' ? named : '')}
            options={options}
            roots={tree.data ?? []}
            busy={busy}
            onSubmit={choose}
          />
        )}
      </Stack>
    </Paper>
  );
}

function OrganizationHeader(props: { o: Org; readOnly: boolean; editing: Editing; onEdit: (e: Editing) => void }) {
  const { o, editing, onEdit } = props;
  const label =
    o.outcome === 'existing'
      ? 'Existing'
      : o.outcome === 'new'
        ? `New, ${o.isExternal ? 'external' : 'internal'}`
        : 'Not named';
  return (
    <Group justify="space-between">
      <Group gap="xs">
        <Title order={4}>Organization</Title>
        <Badge
          color={o.outcome === 'existing' ? 'teal' : o.outcome === 'new' ? 'blue' : 'red'}
          data-testid="organization-outcome"
        >
          {label}
        </Badge>
        {o.decidedBy === 'administrator' && (
          <Badge variant="outline" color="gray">
            your decision
          </Badge>
        )}
      </Group>
      {!props.readOnly && (
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => onEdit(editing === 'pick' ? null : 'pick')}>
            Choose another…
          </Button>
          <Button size="xs" variant="default" onClick={() => onEdit(editing === 'new' ? null : 'new')}>
            {o.outcome === 'new' ? 'Place it elsewhere…' : 'Create a new one…'}
          </Button>
        </Group>
      )}
    </Group>
  );
}

function OrganizationPlace({ o }: { o: Org }) {
  return (
    <>
      {o.outcome === 'existing' && (
        <Breadcrumbs separator="›">
          {o.path.map((p, i) => (
            <Text key={i} size="sm">
              {p}
            </Text>
          ))}
        </Breadcrumbs>
      )}
      {o.outcome === 'new' && o.proposedParent && (
        <Text size="sm">
          <b>{o.name}</b> under {o.proposedParent.path.join(' › ')}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {o.explanation}
      </Text>
    </>
  );
}

function OrganizationCandidates({ o, readOnly, busy, onChoose }: Omit<Props, 'proposal'> & { o: Org }) {
  if (o.candidates.length === 0) return null;
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        It may also be:
      </Text>
      {o.candidates.map((c) => (
        <Group key={c.organizationId} gap="xs" justify="space-between" wrap="nowrap">
          <Text size="sm" truncate>
            {c.path.join(' › ')}{' '}
            <Text span size="xs" c="dimmed">
              ({c.why})
            </Text>
          </Text>
          {!readOnly && (
            <Button
              size="compact-xs"
              variant="light"
              loading={busy}
              onClick={() => onChoose({ kind: 'existing', organizationId: c.organizationId })}
            >
              Use this one
            </Button>
          )}
        </Group>
      ))}
    </Stack>
  );
}

function orgOptions(roots: OrganizationNode[]) {
  return flattenTree(roots, null)
    .filter((f) => !f.node.removed)
    .map((f) => ({
      value: String(f.node.id),
      label: `${'  '.repeat(f.depth)}${f.node.name}${f.node.isExternal ? ' (external)' : ''}`,
    }));
}

function NewOrganizationForm(props: {
  initialName: string;
  options: { value: string; label: string }[];
  roots: OrganizationNode[];
  busy: boolean;
  onSubmit: (c: OrganizationChoice) => void;
}) {
  const byId = useMemo(() => new Map(flattenTree(props.roots, null).map((f) => [f.node.id, f.node])), [props.roots]);
  const [name, setName] = useState(props.initialName);
  const [parent, setParent] = useState<string | null>(null);
  const [side, setSide] = useState<'external' | 'internal'>('external');
  const node = parent ? byId.get(Number(parent)) : undefined;
  // Under anything but the root the side is the parent's.
  const fixed = node && node.parentId !== null ? (node.isExternal ? 'external' : 'internal') : null;
  const error = name.trim() === '' ? 'Name the new organization.' : null;
  return (
    <Stack gap="xs">
      <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} />
      <Select
        searchable
        label="Under"
        data={props.options}
        value={parent}
        onChange={setParent}
        placeholder="Its parent organization"
      />
      <SegmentedControl
        value={fixed ?? side}
        onChange={(v) => setSide(v as 'external' | 'internal')}
        disabled={fixed !== null}
        data={[
          { value: 'external', label: 'External' },
          { value: 'internal', label: 'Internal' },
        ]}
        aria-label="External or internal"
      />
      {fixed && (
        <Text size="xs" c="dimmed">
          Under {node!.name} an organization is {fixed}, like its parent.
        </Text>
      )}
      <Group>
        <Button
          size="xs"
          disabled={error !== null || parent === null}
          loading={props.busy}
          onClick={() =>
            props.onSubmit({
              kind: 'new',
              name: name.trim(),
              parentId: Number(parent),
              isExternal: (fixed ?? side) === 'external',
            })
          }
        >
          Create it in the plan
        </Button>
      </Group>
    </Stack>
  );
}
