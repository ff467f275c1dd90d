/**
 * The function registry as a table: each function's name, record type, action, field count and
 * whether its token is stored, with edit and remove per row. Functions come in one by one (Add
 * function) or all at once (Paste registry JSON). Changes stay in the form until Save.
 */
import { Alert, Button, EmptyState, Group, Text, Title } from '@mantine/core';
import { IconClipboardText, IconFunction, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { KNOWN_FUNCTIONS } from '../../../src-preload/contract';
import type { FunctionDraft } from './connection-form-model';
import { FunctionEditorModal } from './function-editor-modal';
import { FunctionsTable } from './functions-table';

interface FunctionsSectionProps {
  functions: FunctionDraft[];
  onChange: (next: FunctionDraft[]) => void;
  onPaste: () => void;
  error?: string | undefined;
  /** Why tokens cannot be entered (no keychain); null when they can. */
  secretsBlocked: string | null;
}

export function FunctionsSection({ functions, onChange, onPaste, error, secretsBlocked }: FunctionsSectionProps) {
  // null: closed; 'new': adding; a number: editing that row.
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const missing = Object.keys(KNOWN_FUNCTIONS).filter((name) => !functions.some((f) => f.name === name));

  const save = (draft: FunctionDraft) => {
    if (editing === 'new') onChange([...functions, draft].sort((a, b) => a.name.localeCompare(b.name)));
    else if (typeof editing === 'number') onChange(functions.map((f, i) => (i === editing ? draft : f)));
    setEditing(null);
  };

  return (
    <section aria-labelledby="connect-functions-title">
      <Group justify="space-between" align="flex-end" mb="xs">
        <div>
          <Title order={3} size="h4" id="connect-functions-title">
            Functions ({functions.length})
          </Title>
          <Text size="sm" c="dimmed">
            Each SmartConnect function is created by an administrator in SmartSimple, with one record type, one action
            and a fixed field list, and has its own token.
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="light" leftSection={<IconClipboardText size={16} />} onClick={onPaste}>
            Paste registry JSON
          </Button>
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Add function
          </Button>
        </Group>
      </Group>

      {error && (
        <Alert color="red" mb="xs" role="alert" data-testid="functions-error">
          {error}
        </Alert>
      )}

      {functions.length === 0 ? (
        <EmptyState
          variant="light"
          icon={<IconFunction size={28} />}
          title="No functions yet"
          description="Paste the registry JSON (the sandbox prints one; your SmartSimple administrator can write one), or add each function with its token."
          data-testid="functions-empty"
        />
      ) : (
        <FunctionsTable
          functions={functions}
          onEdit={setEditing}
          onRemove={(index) => onChange(functions.filter((_, i) => i !== index))}
        />
      )}

      {functions.length > 0 && missing.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs" data-testid="functions-missing">
          Admin Desk also uses {missing.length === 1 ? 'this function' : `these ${missing.length} functions`}, which are
          not listed: {missing.join(', ')}. The screens that need them will say so.
        </Text>
      )}

      <FunctionEditorModal
        opened={editing !== null}
        initial={typeof editing === 'number' ? (functions[editing] ?? null) : null}
        takenNames={functions.filter((_, i) => i !== editing).map((f) => f.name)}
        secretsBlocked={secretsBlocked}
        onSave={save}
        onClose={() => setEditing(null)}
      />
    </section>
  );
}
