/**
 * Edit profile fields. One person: every field, filled in with what they have now; only what
 * changes goes into the plan. A list of people: title and department set to the same value for
 * everyone (an empty box leaves it as it is).
 */
import { List, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { profileFieldProblems, type PersonDetail, type PlanOperationInput } from '../../../src-preload/contract';
import type { DraftWork } from '../plan-draft/use-add-to-draft';
import { ActionDialog } from './action-dialog';
import type { PeopleTarget } from './action-target';
import { EmailOwnerNote } from './email-owner-note';
import { useEmailOwner } from './use-email-owner';

const ONE_PERSON_FIELDS = [
  ['sf_First Name', 'First name'],
  ['sf_Last Name', 'Last name'],
  ['sf_Email', 'E-mail'],
  ['sf_Title', 'Title'],
  ['sf_Phone', 'Phone'],
  ['cf_Department', 'Department'],
] as const;
const MANY_PEOPLE_FIELDS = [
  ['sf_Title', 'Title'],
  ['cf_Department', 'Department'],
] as const;
/** One call adds at most this many operations. */
const MAX_PEOPLE = 1000;

type Values = Record<string, string>;

function currentValues(p: PersonDetail | undefined): Values {
  if (!p) return {};
  return {
    'sf_First Name': p.firstName,
    'sf_Last Name': p.lastName,
    sf_Email: p.email,
    sf_Title: p.title ?? '',
    sf_Phone: p.phone ?? '',
    cf_Department: p.department ?? '',
  };
}

interface Props {
  instanceId: string;
  target: PeopleTarget;
  onClose: () => void;
  /** The one person being edited (their current values); absent for a list of people. */
  person?: PersonDetail;
}

export function EditProfileDialog({ instanceId, target, onClose, person }: Props) {
  const fields = person ? ONE_PERSON_FIELDS : MANY_PEOPLE_FIELDS;
  const before = currentValues(person);
  const [values, setValues] = useState<Values>(() => ({ ...before }));
  const changed = Object.fromEntries(
    fields
      .map(([k]) => [k, (values[k] ?? '').trim()] as const)
      .filter(([k, v]) => (person ? v !== (before[k] ?? '').trim() : v !== '')),
  );
  const problems = profileFieldProblems(changed);
  const owner = useEmailOwner(instanceId, changed['sf_Email'] ?? '', person?.id);
  const tooMany = target.personIds.length > MAX_PEOPLE;
  const ok = Object.keys(changed).length > 0 && Object.keys(problems).length === 0 && !owner && !tooMany;
  const work: DraftWork | null = ok
    ? {
        kind: 'operations',
        operations: target.personIds.map((personId): PlanOperationInput => ({
          kind: 'update_fields',
          personId,
          fields: changed,
        })),
      }
    : null;
  return (
    <ActionDialog
      instanceId={instanceId}
      opened
      onClose={onClose}
      title={`Edit the profile of ${target.name}`}
      work={work}
      blocked={
        tooMany
          ? `At most ${MAX_PEOPLE.toLocaleString()} people at a time.`
          : Object.keys(changed).length === 0
            ? 'Change a field first.'
            : null
      }
      testId="edit-profile-dialog"
    >
      <Stack gap="xs">
        <SimpleGrid cols={2} spacing="sm">
          {fields.map(([key, label], i) => (
            <TextInput
              key={key}
              label={label}
              value={values[key] ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setValues((old) => ({ ...old, [key]: v }));
              }}
              placeholder={person ? undefined : 'Leave empty to keep'}
              maxLength={255}
              error={problems[key] ?? (key === 'sf_Email' && owner ? <EmailOwnerNote owner={owner} /> : undefined)}
              data-autofocus={i === 0 || undefined}
              data-testid={`field-${key}`}
            />
          ))}
        </SimpleGrid>
        {Object.keys(changed).length > 0 && (
          <div data-testid="profile-changes">
            <Text size="sm" fw={600}>
              {target.personIds.length === 1
                ? 'Adds 1 operation to the plan:'
                : `Adds ${target.personIds.length.toLocaleString()} operations to the plan (one per person):`}
            </Text>
            <List size="sm" spacing={2}>
              {Object.entries(changed).map(([k, v]) => (
                <List.Item key={k}>
                  {fields.find(([f]) => f === k)?.[1]}: {person ? `${before[k] || '(empty)'} → ` : ''}
                  {v || '(empty)'}
                </List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
    </ActionDialog>
  );
}
