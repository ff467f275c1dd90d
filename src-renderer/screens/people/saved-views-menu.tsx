/**
 * Saved views of the People list: open one (its words, filters, sort and columns), save the list
 * as it is as a new view, and for the view open: save the changes over it, rename it, delete it.
 * Views are kept per instance in main. A name already used is refused at the name field.
 */
import { Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconBookmark, IconBookmarkPlus, IconCheck, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { viewNameSchema, type PeopleView, type PeopleViewInput } from '../../../src-preload/contract';
import { fieldErrorsOf, notifySuccess, useApiMutation, useApiQuery, type ApiCallError } from '../../api';

interface SavedViewsMenuProps {
  instanceId: string;
  /** The list as it is now, as a view would keep it (without a name). */
  current: Omit<PeopleViewInput, 'name'>;
  activeId: string | null;
  onOpen: (view: PeopleView) => void;
  onActiveChange: (id: string | null) => void;
}

const sameAs = (view: PeopleView, current: Omit<PeopleViewInput, 'name'>) =>
  JSON.stringify([view.query, view.filters, view.sort, view.columns]) ===
  JSON.stringify([current.query, current.filters, current.sort, current.columns]);

export function SavedViewsMenu({ instanceId, current, activeId, onOpen, onActiveChange }: SavedViewsMenuProps) {
  const views = useApiQuery('views:list', { instanceId });
  const [naming, setNaming] = useState<{ mode: 'create' } | { mode: 'rename'; view: PeopleView } | null>(null);
  const update = useApiMutation('views:update', { meta: { errorTitle: 'The view was not saved' } });
  const active = (views.data ?? []).find((v) => v.id === activeId) ?? null;
  const changed = active !== null && !sameAs(active, current);

  const confirmDelete = useDeleteView(instanceId, () => onActiveChange(null));

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant={active ? 'light' : 'default'}
            leftSection={<IconBookmark size={16} />}
            data-testid="views-menu"
            maw={260}
            title={
              active ? `The view "${active.name}"${changed ? ', changed since it was opened' : ''}` : 'Saved views'
            }
          >
            {active ? `${active.name}${changed ? ' (changed)' : ''}` : 'Views'}
          </Button>
        </Menu.Target>
        <Menu.Dropdown data-testid="views-dropdown" miw={260}>
          <Menu.Label>Saved views</Menu.Label>
          {(views.data ?? []).length === 0 && <Menu.Item disabled>No saved views yet</Menu.Item>}
          {(views.data ?? []).map((v) => (
            <Menu.Item
              key={v.id}
              onClick={() => onOpen(v)}
              leftSection={v.id === activeId ? <IconCheck size={14} /> : <span style={{ width: 14 }} />}
              data-testid="saved-view"
            >
              {v.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconBookmarkPlus size={14} />} onClick={() => setNaming({ mode: 'create' })}>
            Save as a new view…
          </Menu.Item>
          {active && (
            <>
              <Menu.Item
                leftSection={<IconCheck size={14} />}
                disabled={!changed}
                onClick={() => update.mutate({ instanceId, id: active.id, view: current })}
                data-testid="view-save-changes"
              >
                Save the changes to "{active.name}"
              </Menu.Item>
              <Menu.Item
                leftSection={<IconPencil size={14} />}
                onClick={() => setNaming({ mode: 'rename', view: active })}
              >
                Rename "{active.name}"…
              </Menu.Item>
              <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => confirmDelete(active)}>
                Delete "{active.name}"…
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <ViewNameModal
        instanceId={instanceId}
        naming={naming}
        current={current}
        onClose={() => setNaming(null)}
        onSaved={(v) => onActiveChange(v.id)}
      />
    </>
  );
}

/** Asks first, then deletes the view. */
function useDeleteView(instanceId: string, onDeleted: () => void) {
  const remove = useApiMutation('views:delete', { meta: { errorTitle: 'The view was not deleted' } });
  return (view: PeopleView) =>
    modals.openConfirmModal({
      title: `Delete the view "${view.name}"?`,
      children: <Text size="sm">The people stay as they are; only this saved search goes.</Text>,
      labels: { confirm: 'Delete the view', cancel: 'Keep it' },
      confirmProps: { color: 'red', 'data-testid': 'confirm-delete-view' },
      onConfirm: () =>
        remove.mutate(
          { instanceId, id: view.id },
          {
            onSuccess: () => {
              onDeleted();
              notifySuccess(`"${view.name}" was deleted.`, 'View deleted');
            },
          },
        ),
    });
}

interface ViewNameModalProps {
  instanceId: string;
  naming: { mode: 'create' } | { mode: 'rename'; view: PeopleView } | null;
  current: Omit<PeopleViewInput, 'name'>;
  onClose: () => void;
  onSaved: (view: PeopleView) => void;
}

function ViewNameModal({ naming, onClose, ...rest }: ViewNameModalProps) {
  return (
    <Modal
      opened={naming !== null}
      onClose={onClose}
      title={naming?.mode === 'rename' ? 'Rename the view' : 'Save as a new view'}
    >
      {naming && <ViewNameForm naming={naming} onClose={onClose} {...rest} />}
    </Modal>
  );
}

function ViewNameForm({
  instanceId,
  naming,
  current,
  onClose,
  onSaved,
}: ViewNameModalProps & { naming: NonNullable<ViewNameModalProps['naming']> }) {
  const [name, setName] = useState(naming.mode === 'rename' ? naming.view.name : '');
  const [error, setError] = useState<string | null>(null);
  const onError = (e: ApiCallError) =>
    setError(e.code === 'CONFLICT' ? e.message : (fieldErrorsOf(e)['view.name'] ?? e.message));
  const onSuccess = (v: PeopleView) => {
    notifySuccess(
      `"${v.name}" is saved with its filters, sort and columns.`,
      naming.mode === 'rename' ? 'View renamed' : 'View saved',
    );
    onSaved(v);
    onClose();
  };
  const create = useApiMutation('views:create', { meta: { silent: true }, onError, onSuccess });
  const rename = useApiMutation('views:update', { meta: { silent: true }, onError, onSuccess });
  const submit = () => {
    const parsed = viewNameSchema.safeParse(name);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Give the view a name.');
    setError(null);
    if (naming.mode === 'rename') rename.mutate({ instanceId, id: naming.view.id, view: { name: parsed.data } });
    else create.mutate({ instanceId, view: { ...current, name: parsed.data } });
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <Stack>
        <TextInput
          label="Name"
          placeholder="Dormant external users"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={error}
          data-autofocus
          data-testid="view-name"
        />
        {naming.mode === 'create' && (
          <Text size="xs" c="dimmed">
            Keeps the search words, the filters, the sort and the columns shown.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || rename.isPending} data-testid="view-name-save">
            {naming.mode === 'rename' ? 'Rename' : 'Save view'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
