/** A new campaign: name, scope, kinds of access, stages, due date, default, recurrence; a preview of who is in it. */
import { Alert, Button, Checkbox, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type {
  CreateCampaignInput,
  OrganizationNode,
  ReviewDefault,
  ReviewItemKind,
  ReviewScope,
} from '../../../src-preload/contract';
import { REVIEW_ITEM_KIND_LABELS, REVIEW_ITEM_KINDS } from '../../../src-preload/contract';
import { useApiMutation, useApiQuery } from '../../api';
import { formatNumber } from '../../lib/format';

interface Props {
  instanceId: string;
  opened: boolean;
  onClose: () => void;
  onCreated: (campaignId: string) => void;
}

const inTwoWeeks = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

function useCampaignForm() {
  const [name, setName] = useState('');
  const [side, setSide] = useState<string>('all');
  const [departments, setDepartments] = useState<string[]>([]);
  const [organizations, setOrganizations] = useState<string[]>([]);
  const [privilegedOnly, setPrivilegedOnly] = useState(false);
  const [kinds, setKinds] = useState<string[]>([...REVIEW_ITEM_KINDS]);
  const [managers, setManagers] = useState(false);
  const [dueOn, setDueOn] = useState(inTwoWeeks());
  const [defaultDecision, setDefault] = useState<ReviewDefault>('recommendation');
  const [quarterly, setQuarterly] = useState(true);
  const scope: ReviewScope = {
    ...(side !== 'all' ? { side: side as 'internal' | 'external' } : {}),
    ...(departments.length ? { departments } : {}),
    ...(organizations.length ? { organizationIds: organizations.map(Number) } : {}),
    ...(privilegedOnly ? { privilegedOnly } : {}),
  };
  const fields = {
    name,
    side,
    departments,
    organizations,
    privilegedOnly,
    kinds,
    managers,
    dueOn,
    defaultDecision,
    quarterly,
  };
  const set = {
    setName,
    setSide,
    setDepartments,
    setOrganizations,
    setPrivilegedOnly,
    setKinds,
    setManagers,
    setDueOn,
    setDefault,
  };
  return { fields, set: { ...set, setQuarterly }, scope };
}

/** Every department of the mirror's live people. */
function useDepartments(instanceId: string, enabled: boolean): string[] {
  const departments = useApiQuery('departments:list', { instanceId }, { enabled });
  return (departments.data ?? []).map((d) => d.name);
}

type Form = ReturnType<typeof useCampaignForm>;

interface FieldsProps {
  form: Form;
  departments: string[];
  organizations: { value: string; label: string }[];
  nameError?: string | undefined;
}

function CampaignFields({ form, departments, organizations, nameError }: FieldsProps) {
  const { fields: f, set } = form;
  const deptOptions = departments;
  return (
    <>
      <TextInput
        label="Name"
        placeholder="Q4 access review"
        value={f.name}
        onChange={(e) => set.setName(e.currentTarget.value)}
        error={nameError}
        data-testid="campaign-name"
      />
      <Group grow>
        <Select
          label="People"
          value={f.side}
          onChange={(v) => set.setSide(v ?? 'all')}
          data={[
            { value: 'all', label: 'Everyone' },
            { value: 'internal', label: 'Internal people only' },
            { value: 'external', label: 'External people only' },
          ]}
          data-testid="campaign-side"
        />
        <MultiSelect
          label="Departments"
          placeholder="Any department"
          searchable
          value={f.departments}
          onChange={set.setDepartments}
          data={deptOptions}
          data-testid="campaign-departments"
        />
      </Group>
      <MultiSelect
        label="Organizations (with everything under them)"
        placeholder="Any organization"
        searchable
        limit={100}
        value={f.organizations}
        onChange={set.setOrganizations}
        data={organizations}
        data-testid="campaign-organizations"
      />
      <Checkbox
        label="Privileged access only"
        checked={f.privilegedOnly}
        onChange={(e) => set.setPrivilegedOnly(e.currentTarget.checked)}
      />
      <MultiSelect
        label="Access to review"
        value={f.kinds}
        onChange={set.setKinds}
        data={REVIEW_ITEM_KINDS.map((k) => ({ value: k, label: REVIEW_ITEM_KIND_LABELS[k] }))}
        error={f.kinds.length === 0 ? 'Choose at least one kind of access.' : undefined}
      />
      <TimingFields form={form} />
    </>
  );
}

/** Every organization as an option, with how many people it holds with everything under it. */
function useOrganizations(instanceId: string, enabled: boolean): { value: string; label: string }[] {
  const tree = useApiQuery('organizations:tree', { instanceId }, { enabled });
  const options: { value: string; label: string }[] = [];
  const walk = (nodes: OrganizationNode[]) => {
    for (const n of nodes) {
      if (!n.removed) options.push({ value: String(n.id), label: `${n.name} · ${formatNumber(n.totalPeople)} people` });
      walk(n.children);
    }
  };
  walk(tree.data ?? []);
  return options;
}

function TimingFields({ form }: { form: Form }) {
  const { fields: f, set } = form;
  return (
    <>
      <Group grow>
        <TextInput label="Due" type="date" value={f.dueOn} onChange={(e) => set.setDueOn(e.currentTarget.value)} />
        <Select
          label="Items nobody decides"
          value={f.defaultDecision}
          onChange={(v) => set.setDefault((v ?? 'recommendation') as ReviewDefault)}
          data={[
            { value: 'recommendation', label: 'Take the recommendation' },
            { value: 'keep', label: 'Keep' },
            { value: 'revoke', label: 'Revoke' },
          ]}
        />
      </Group>
      <Checkbox
        label="First stage: line managers, through an exported workbook"
        checked={f.managers}
        onChange={(e) => set.setManagers(e.currentTarget.checked)}
      />
      <Checkbox
        label="Repeat every quarter"
        checked={f.quarterly}
        onChange={(e) => set.setQuarterly(e.currentTarget.checked)}
      />
    </>
  );
}

export function NewCampaignModal({ instanceId, opened, onClose, onCreated }: Props) {
  const form = useCampaignForm();
  const { fields: f, scope } = form;
  const deptOptions = useDepartments(instanceId, opened);
  const orgOptions = useOrganizations(instanceId, opened);
  const itemKinds = f.kinds as ReviewItemKind[];
  const preview = useApiQuery(
    'reviews:preview',
    { instanceId, scope, itemKinds: itemKinds.length ? itemKinds : ['role'] },
    { enabled: opened && itemKinds.length > 0 },
  );
  const create = useApiMutation('reviews:create', { onSuccess: (c) => onCreated(c.id) });
  const input: CreateCampaignInput = {
    instanceId,
    name: f.name,
    scope,
    itemKinds,
    stages: f.managers
      ? [
          { name: 'Line managers', reviewers: 'managers' },
          { name: 'Administrator', reviewers: 'administrator' },
        ]
      : [{ name: 'Administrator', reviewers: 'administrator' }],
    dueOn: f.dueOn,
    defaultDecision: f.defaultDecision,
    recurrence: f.quarterly ? 'quarterly' : 'none',
  };
  const nameError = create.isError && !f.name.trim() ? 'Give the campaign a name.' : undefined;
  return (
    <Modal opened={opened} onClose={onClose} title="New access review campaign" size="lg">
      <Stack gap="sm">
        <CampaignFields form={form} departments={deptOptions} organizations={orgOptions} nameError={nameError} />
        {preview.data && (
          <Alert variant="light" data-testid="campaign-preview">
            <Text size="sm">
              {formatNumber(preview.data.people)} people, {formatNumber(preview.data.items)} items (
              {preview.data.scopeText}); {formatNumber(preview.data.recommendedRevoke)} recommended for revocation.
            </Text>
            {preview.data.sample.length > 0 && (
              <Text size="xs" c="dimmed">
                For example {preview.data.sample.join(', ')}.
              </Text>
            )}
          </Alert>
        )}
        {create.error && (
          <Alert color="red" data-testid="campaign-error">
            {create.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => create.mutate(input)} loading={create.isPending} data-testid="create-campaign">
            Start the campaign
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
