/**
 * A new person (`create_person`), into the current draft: name, e-mail, title, the organization
 * (picked by its path in the tree; internal or external follows from it and is fixed once made),
 * access type and profile roles. Problems are said at their field before anything is sent; an
 * e-mail someone in the mirror already has is said with a link to them.
 */
import { Badge, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { profileFieldProblems, type PlanOperationInput } from '../../../src-preload/contract';
import { ACCESS_TYPE_LABELS } from '../browse/person-badges';
import type { DraftWork } from '../plan-draft/use-add-to-draft';
import { ActionDialog } from './action-dialog';
import { EmailOwnerNote } from './email-owner-note';
import { useOrganizationOptions } from './use-organization-options';
import { useEmailOwner } from './use-email-owner';
import { useRoleOptions } from './use-catalogue-options';

interface Props {
  instanceId: string;
  onClose: () => void;
  /** The organization to start with (from its page). */
  organizationId?: number;
}

interface Values {
  first: string;
  last: string;
  email: string;
  title: string;
  phone: string;
  department: string;
  organizationId: string | null;
  accessType: string;
  roleIds: string[];
}

function problemsOf(v: Values, emailTaken: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (!v.first.trim()) out.first = 'Write the first name.';
  if (!v.last.trim()) out.last = 'Write the last name.';
  if (!v.email.trim()) out.email = 'Write the e-mail address: SmartSimple tells people apart by it.';
  else if (profileFieldProblems({ sf_Email: v.email }).sf_Email)
    out.email = `"${v.email.trim()}" is not an e-mail address.`;
  else if (emailTaken) out.email = 'taken';
  if (!v.organizationId) out.organizationId = 'Pick the organization the person belongs to.';
  return out;
}

const FIELD_WORDS: Record<string, string> = {
  first: 'the first name',
  last: 'the last name',
  email: 'an e-mail address of their own',
  organizationId: 'the organization',
};

/** "Still needed: the first name and the organization." */
function stillNeeded(problems: Record<string, string>): string {
  const words = Object.keys(problems).map((k) => FIELD_WORDS[k] ?? k);
  const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
  return `Still needed: ${list}.`;
}

function operationOf(v: Values): PlanOperationInput {
  const optional = (key: string, value: string) => (value.trim() ? { [key]: value.trim() } : {});
  return {
    kind: 'create_person',
    fields: {
      'sf_First Name': v.first.trim(),
      'sf_Last Name': v.last.trim(),
      sf_Email: v.email.trim(),
      'sf_Company ID': String(v.organizationId),
      ...optional('sf_Title', v.title),
      ...optional('sf_Phone', v.phone),
      ...optional('cf_Department', v.department),
      'sf_Access Type': v.accessType,
    },
    roleIds: v.roleIds.map(Number),
  };
}

export function NewPersonDialog({ instanceId, onClose, organizationId }: Props) {
  const [v, setV] = useState<Values>({
    first: '',
    last: '',
    email: '',
    title: '',
    phone: '',
    department: '',
    organizationId: organizationId ? String(organizationId) : null,
    accessType: '1',
    roleIds: [],
  });
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const set = (key: keyof Values) => (value: Values[keyof Values]) => {
    setV((old) => ({ ...old, [key]: value }));
    setTouched((old) => new Set(old).add(key));
  };
  const owner = useEmailOwner(instanceId, v.email);
  const problems = problemsOf(v, owner !== null);
  const shown = (key: string) => (touched.has(key) ? problems[key] : undefined);
  const work: DraftWork | null =
    Object.keys(problems).length === 0 ? { kind: 'operations', operations: [operationOf(v)] } : null;
  return (
    <ActionDialog
      instanceId={instanceId}
      opened
      onClose={onClose}
      title="New person"
      work={work}
      blocked={work ? null : stillNeeded(problems)}
      size="xl"
      testId="new-person-dialog"
    >
      <NewPersonFields
        instanceId={instanceId}
        values={v}
        set={set}
        error={(key) =>
          key === 'email' && owner && problems.email === 'taken' ? <EmailOwnerNote owner={owner} /> : shown(key)
        }
      />
    </ActionDialog>
  );
}

interface FieldsProps {
  instanceId: string;
  values: Values;
  set: (key: keyof Values) => (value: Values[keyof Values]) => void;
  error: (key: string) => ReactNode;
}

function NewPersonFields({ instanceId, values: v, set, error }: FieldsProps) {
  const orgs = useOrganizationOptions(instanceId);
  const roles = useRoleOptions(instanceId, false);
  const org = v.organizationId ? orgs.byId.get(Number(v.organizationId)) : undefined;
  const text = (
    key: 'first' | 'last' | 'email' | 'title' | 'phone' | 'department',
    label: string,
    autofocus = false,
  ) => (
    <TextInput
      label={label}
      withAsterisk={key === 'first' || key === 'last' || key === 'email'}
      value={v[key]}
      onChange={(e) => set(key)(e.currentTarget.value)}
      error={error(key)}
      maxLength={255}
      data-autofocus={autofocus || undefined}
      data-testid={`new-person-${key}`}
    />
  );
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2} spacing="sm">
        {text('first', 'First name', true)}
        {text('last', 'Last name')}
        {text('email', 'E-mail')}
        {text('title', 'Title')}
        {text('phone', 'Phone')}
        {text('department', 'Department')}
      </SimpleGrid>
      <Select
        label="Organization"
        withAsterisk
        placeholder="Search by name"
        searchable
        data={orgs.options}
        value={v.organizationId}
        onChange={(id) => set('organizationId')(id)}
        error={error('organizationId')}
        nothingFoundMessage="No organization matches"
        limit={200}
        data-testid="new-person-organization"
      />
      {org && (
        <Group gap="xs" data-testid="new-person-side">
          <Badge color={org.isExternal ? 'grape' : 'indigo'}>{org.isExternal ? 'External' : 'Internal'}</Badge>
          <Text size="xs" c="dimmed">
            From the organization: a person is {org.isExternal ? 'external' : 'internal'} here, and cannot be moved to
            the other side later.
          </Text>
        </Group>
      )}
      <SimpleGrid cols={2} spacing="sm">
        <Select
          label="Access type"
          data={Object.entries(ACCESS_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
          value={v.accessType}
          onChange={(x) => set('accessType')(x ?? '1')}
          allowDeselect={false}
          description="User: signs in with the roles below. No access: a contact only."
          data-testid="new-person-access"
        />
        <MultiSelect
          label="Profile roles"
          placeholder={v.roleIds.length === 0 ? 'Optional' : undefined}
          searchable
          data={roles.options}
          value={v.roleIds}
          onChange={(ids) => set('roleIds')(ids)}
          description="Program assignments come after: the person must exist first."
          data-testid="new-person-roles"
        />
      </SimpleGrid>
    </Stack>
  );
}
