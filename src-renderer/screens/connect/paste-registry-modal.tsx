/**
 * "Paste registry JSON": the quickest way in. Accepts the registry object or the whole output of
 * the sandbox CLI; every problem is listed with the entry it is about before anything is used, and
 * what will be filled in is said before it is. Nothing is saved until the Connect form is saved.
 */
import { Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import { PasteErrors, PasteSummary } from './paste-registry-result';
import { parseRegistry, type PastedConnection, type PastedFunction } from './parse-registry';

interface PasteRegistryModalProps {
  opened: boolean;
  onClose: () => void;
  onApply: (pasted: { functions: PastedFunction[]; connection: PastedConnection }, replaceAll: boolean) => void;
}

export function PasteRegistryModal({ opened, onClose, onApply }: PasteRegistryModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Paste registry JSON" size="xl">
      {opened && <PasteForm onClose={onClose} onApply={onApply} />}
    </Modal>
  );
}

const EXAMPLE = `{
  "users.list": { "type": "user", "action": "list", "token": "…", "fields": ["sf_User ID", "sf_First Name"] },
  "users.update": { "type": "user", "action": "update", "token": "…", "fields": ["sf_User ID", "sf_Email"] }
}`;

const FILLS: Array<[keyof PastedConnection, string]> = [
  ['host', 'host'],
  ['alias', 'alias'],
  ['rootCompanyId', 'root company ID'],
  ['apiVersion', 'API version'],
  ['username', 'API user'],
  ['password', 'password'],
];

function PasteForm({ onClose, onApply }: Omit<PasteRegistryModalProps, 'opened'>) {
  const [text, setText] = useState('');
  const [replaceAll, setReplaceAll] = useState(true);
  const [tried, setTried] = useState(false);
  const result = useMemo(() => parseRegistry(text), [text]);
  // Errors appear once there is something to judge, not on an empty box.
  const showErrors = !result.ok && (tried || text.trim().length > 0);
  const fills = result.ok
    ? FILLS.filter(([key]) => result.connection[key] !== undefined).map(([, label]) => label)
    : [];

  const apply = () => {
    setTried(true);
    if (!result.ok) return;
    onApply(result, replaceAll);
    onClose();
  };

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        An object of functions by name, each with its record type, action, token and field list — or the whole JSON that{' '}
        <code>npm run sandbox</code> prints, which also fills in the host, alias, root company ID and API user.
      </Text>
      <Textarea
        label="Registry JSON"
        placeholder={EXAMPLE}
        autosize
        minRows={8}
        maxRows={18}
        data-autofocus
        spellCheck={false}
        autoComplete="off"
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={
          showErrors ? `${result.errors.length} problem${result.errors.length === 1 ? '' : 's'} to fix` : undefined
        }
      />
      {showErrors && <PasteErrors errors={result.errors} />}
      {result.ok && <PasteSummary functions={result.functions} warnings={result.warnings} fills={fills} />}
      <Checkbox
        label="Replace the whole list (functions that are not in the pasted JSON are removed on save)"
        checked={replaceAll}
        onChange={(e) => setReplaceAll(e.currentTarget.checked)}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={apply} disabled={tried && !result.ok}>
          Use this registry
        </Button>
      </Group>
    </Stack>
  );
}
