/** The current draft, chosen in the header: the plan every "Add to plan" action puts its operations in. */
import { Button, Group, Menu, Modal, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { IconCheck, IconClipboardList, IconExternalLink, IconPlus } from '@tabler/icons-react';
import { callApi, notifyError } from '../../api';
import { draftHref, useCurrentDraft } from '../../components/plan-draft/current-draft';
import { useActiveInstance } from '../../hooks/use-settings';

export function DraftSelector() {
  const { active } = useActiveInstance();
  const { draft, drafts, setDraft } = useCurrentDraft(active?.id ?? null);
  const [title, setTitle] = useState<string | null>(null);
  if (!active) return null;
  const newDraft = async () => {
    if (!title?.trim()) return;
    try {
      const plan = await callApi('plans:create', { instanceId: active.id, title: title.trim() });
      setDraft(plan.id);
      setTitle(null);
    } catch (err) {
      notifyError(err, 'The draft was not made');
    }
  };
  return (
    <>
      <NewDraftModal title={title} setTitle={setTitle} onCreate={() => void newDraft()} />
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconClipboardList size={16} />}
            data-testid="draft-selector"
            aria-label="Current draft plan"
            maw={260}
          >
            <Text size="sm" truncate>
              {draft ? `${draft.title} (${draft.operations})` : 'No current draft'}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Actions add to this draft plan</Menu.Label>
          {drafts.map((d) => (
            <Menu.Item
              key={d.id}
              onClick={() => setDraft(d.id)}
              leftSection={d.id === draft?.id ? <IconCheck size={14} /> : <span style={{ width: 14 }} />}
            >
              {d.title} · {d.operations} operation{d.operations === 1 ? '' : 's'}
            </Menu.Item>
          ))}
          {drafts.length === 0 && <Menu.Item disabled>No draft plans yet</Menu.Item>}
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconPlus size={14} />}
            onClick={() => setTitle(`Draft ${new Date().toLocaleDateString()}`)}
          >
            New draft…
          </Menu.Item>
          {draft && (
            <Menu.Item leftSection={<IconExternalLink size={14} />} component="a" href={draftHref(draft.id)}>
              Open &quot;{draft.title}&quot;
            </Menu.Item>
          )}
          {draft && <Menu.Item onClick={() => setDraft(null)}>Clear the choice</Menu.Item>}
        </Menu.Dropdown>
      </Menu>
    </>
  );
}

function NewDraftModal(props: { title: string | null; setTitle: (t: string | null) => void; onCreate: () => void }) {
  const { title, setTitle, onCreate: newDraft } = props;
  return (
    <Modal opened={title !== null} onClose={() => setTitle(null)} title="New draft plan">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          newDraft();
        }}
      >
        <TextInput
          label="Title"
          value={title ?? ''}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={200}
          data-autofocus
          error={title !== null && !title.trim() ? 'Give the plan a title' : undefined}
        />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setTitle(null)}>
            Cancel
          </Button>
          <Button type="submit" disabled={!title?.trim()}>
            Create and make current
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
