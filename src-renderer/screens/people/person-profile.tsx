/**
 * The person's profile fields, and every other field the server sent (custom fields included),
 * straight from the raw record the mirror keeps beside its typed columns.
 */
import { Anchor, DataList, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { PERSON_ID_FIELD, type PersonDetail } from '../../../src-preload/contract';
import { accessTypeLabel, USER_TYPE_LABELS } from '../../components/browse/person-badges';
import { Section } from '../../components/browse/section';
import { wireDateAgo, wireDateText } from '../../lib/format';

/** Raw fields the profile already shows under a friendly name. */
const SHOWN_IN_PROFILE = new Set([
  'recordid',
  'sf_User ID',
  'sf_First Name',
  'sf_Last Name',
  'sf_Email',
  'sf_Title',
  'sf_Phone',
  'sf_Company ID',
  'sf_Company',
  'sf_Is External',
  'sf_User Role',
  'sf_Access Type',
  'sf_User Type',
  'sf_Status',
  'sf_Access Expiry',
  'sf_Last Login',
  'sf_Last Updated',
  'sf_Created Date',
]);

const dash = (
  <Text span size="sm" c="dimmed">
    —
  </Text>
);
const orDash = (v: string | null | undefined) => (v ? v : dash);
const dateWithAgo = (v: string | null) => {
  const text = wireDateText(v);
  return text ? `${text} (${wireDateAgo(v)})` : null;
};

export function ProfileSection({ person: p }: { person: PersonDetail }) {
  const rows: [string, ReactNode][] = [
    [
      'Email',
      p.email ? (
        <Anchor href={`mailto:${p.email}`} size="sm">
          {p.email}
        </Anchor>
      ) : (
        dash
      ),
    ],
    ['Phone', orDash(p.phone)],
    ['Title', orDash(p.title)],
    ['Department', orDash(p.department)],
    [
      'Organization',
      p.companyId ? (
        <Anchor href={`#/organizations/${p.companyId}`} size="sm">
          {p.organization ?? p.companyId}
        </Anchor>
      ) : (
        dash
      ),
    ],
    ['Access type', accessTypeLabel(p.accessType)],
    ['Admin level', p.userType ? (USER_TYPE_LABELS[p.userType] ?? p.userType) : dash],
    ['Access expiry', orDash(wireDateText(p.accessExpiry))],
    [
      'Manager',
      p.managerId ? (
        <Anchor href={`#/people/${p.managerId}`} size="sm">
          {p.managerName ?? `#${p.managerId}`}
        </Anchor>
      ) : (
        dash
      ),
    ],
    [
      'Last login',
      dateWithAgo(p.lastLogin) ?? (
        <Text span size="sm" c="orange">
          never
        </Text>
      ),
    ],
    ['Created', orDash(wireDateText(p.created))],
    ['Last updated', orDash(dateWithAgo(p.lastUpdated))],
    ['SmartSimple ID', String(p.id)],
  ];
  return (
    <Section title="Profile" testId="person-profile">
      <DataList size="sm" gap={6} labelWidth={130}>
        {rows.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
    </Section>
  );
}

/** A field that holds a person's id is a link to that person, by name when the mirror knows them. */
function FieldValue({ name, value, names }: { name: string; value: string | null; names: Record<string, string> }) {
  if (!value) return dash;
  if (PERSON_ID_FIELD.test(name) && /^\d+$/.test(value)) {
    return (
      <Anchor href={`#/people/${value}`} size="sm" title={`SmartSimple ID ${value}`}>
        {names[value] ?? `Person #${value}`}
      </Anchor>
    );
  }
  return <>{value}</>;
}

/** `cf_Employee Number` -> "Employee Number"; custom fields first, then the rest by name. */
function otherFields(
  raw: Record<string, string | null>,
): { key: string; label: string; value: string | null; custom: boolean }[] {
  return Object.entries(raw)
    .filter(([key]) => !SHOWN_IN_PROFILE.has(key))
    .map(([key, value]) => ({ key, label: key.replace(/^(cf|sf)_/, ''), value, custom: !key.startsWith('sf_') }))
    .sort((a, b) => Number(b.custom) - Number(a.custom) || a.label.localeCompare(b.label));
}

export function CustomFieldsSection({
  raw,
  names,
}: {
  raw: Record<string, string | null>;
  names: Record<string, string>;
}) {
  const [filter, setFilter] = useState('');
  const all = otherFields(raw);
  const q = filter.trim().toLowerCase();
  const fields = q ? all.filter((f) => `${f.label} ${f.value ?? ''}`.toLowerCase().includes(q)) : all;
  return (
    <Section
      title="Custom and other fields"
      count={all.length}
      testId="person-custom-fields"
      actions={
        all.length > 8 && (
          <TextInput
            size="xs"
            aria-label="Filter fields"
            placeholder="Filter fields"
            leftSection={<IconSearch size={14} />}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
          />
        )
      }
    >
      {fields.length === 0 ? (
        <Text size="sm" c="dimmed">
          {all.length === 0 ? 'The server sent no other fields.' : 'No field matches.'}
        </Text>
      ) : (
        <Table verticalSpacing={4} highlightOnHover={false}>
          <Table.Tbody>
            {fields.map((f) => (
              <Table.Tr key={f.key}>
                <Table.Td w="42%">
                  <Text size="sm" c="dimmed" title={f.key}>
                    {f.label}
                    {f.custom && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        (custom)
                      </Text>
                    )}
                  </Text>
                </Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>
                  <FieldValue name={f.key} value={f.value} names={names} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
