/**
 * What an administrator can do to this person, each into the current draft plan (never straight
 * on the instance): add or remove a profile role, set the access expiry, deactivate.
 */
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Instance, PersonDetail } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import { useAddToDraft } from '../../components/plan-draft/use-add-to-draft';

type Dialog = 'role' | 'expiry' | 'deactivate' | null;

export function PersonActions({ instance, person }: { instance: Instance; person: PersonDetail }) {
  const { add, busy, draft } = useAddToDraft(instance.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const submit = async (ops: Parameters<typeof add>[0]) => {
    if (await add(ops)) close();
  };
  return (
    <Stack gap={4}>
      <Group gap="xs" data-testid="person-actions">
        <Button size="xs" variant="light" onClick={() => setDialog('role')}>
          Add role…
        </Button>
        <Button size="xs" variant="light" onClick={() => setDialog('expiry')}>
          Set access expiry…
        </Button>
        <Button size="xs" variant="light" color="red" onClick={() => setDialog('deactivate')}>
          Deactivate…
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        Into {draft ? `the draft "${draft.title}"` : 'a new draft plan'}; nothing changes until it is approved and
        applied.
      </Text>
      <RoleDialog
        instance={instance}
        person={person}
        opened={dialog === 'role'}
        onClose={close}
        busy={busy}
        onAdd={(roleId) =>
          void submit({ kind: 'operations', operations: [{ kind: 'add_role', personId: person.id, roleId }] })
        }
      />
      <ExpiryDialog
        person={person}
        opened={dialog === 'expiry'}
        onClose={close}
        busy={busy}
        onSet={(expiresOn) =>
          void submit({ kind: 'operations', operations: [{ kind: 'set_access', personId: person.id, expiresOn }] })
        }
      />
      <Modal
        opened={dialog === 'deactivate'}
        onClose={close}
        title={`Deactivate ${person.firstName} ${person.lastName}?`}
      >
        <Text size="sm">The plan will set their status to Inactive and remove their profile roles once applied.</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={busy}
            onClick={() =>
              void submit({ kind: 'operations', operations: [{ kind: 'deactivate', personId: person.id }] })
            }
          >
            Add deactivation to the plan
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}

interface RoleDialogProps {
  instance: Instance;
  person: PersonDetail;
  opened: boolean;
  busy: boolean;
  onClose: () => void;
  onAdd: (roleId: number) => void;
}

function RoleDialog({ instance, person, opened, busy, onClose, onAdd }: RoleDialogProps) {
  const roles = useApiQuery('roles:list', { instanceId: instance.id }, { enabled: opened });
  const [roleId, setRoleId] = useState<string | null>(null);
  const held = new Set(person.roles.map((r) => r.id));
  const options = (roles.data ?? [])
    .filter((r) => !r.utaOnly && !r.removed && !held.has(r.id))
    .map((r) => ({ value: String(r.id), label: r.privileged ? `${r.name} (privileged)` : r.name }));
  return (
    <Modal opened={opened} onClose={onClose} title="Add a profile role">
      <Select
        label="Role"
        placeholder="Pick a role"
        searchable
        data={options}
        value={roleId}
        onChange={setRoleId}
        nothingFoundMessage="No role matches"
        data-autofocus
      />
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button disabled={!roleId} loading={busy} onClick={() => roleId && onAdd(Number(roleId))}>
          Add to the plan
        </Button>
      </Group>
    </Modal>
  );
}

interface ExpiryDialogProps {
  person: PersonDetail;
  opened: boolean;
  busy: boolean;
  onClose: () => void;
  onSet: (day: string) => void;
}

function ExpiryDialog({ person, opened, busy, onClose, onSet }: ExpiryDialogProps) {
  const [day, setDay] = useState(person.accessExpiry?.slice(0, 10) ?? '');
  const bad = day !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(day);
  return (
    <Modal opened={opened} onClose={onClose} title="Access expiry">
      <TextInput
        type="date"
        label="Expires on"
        description="Leave empty to remove the expiry."
        value={day}
        onChange={(e) => setDay(e.currentTarget.value)}
        error={bad ? 'Write the date as YYYY-MM-DD' : undefined}
        data-autofocus
      />
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button disabled={bad} loading={busy} onClick={() => onSet(day)}>
          Add to the plan
        </Button>
      </Group>
    </Modal>
  );
}
