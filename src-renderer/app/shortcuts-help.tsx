/** The keyboard shortcuts help, opened with `?` or Ctrl/Cmd+/. */
import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { shortcutRows, useModKey } from './use-app-hotkeys';

interface ShortcutsHelpProps {
  opened: boolean;
  onClose: () => void;
}

export function ShortcutsHelp({ opened, onClose }: ShortcutsHelpProps) {
  const mod = useModKey();
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="md" data-testid="shortcuts-help">
      <Table withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          {shortcutRows(mod).map((row) => (
            <Table.Tr key={row.description}>
              <Table.Td w={140}>
                <Group gap={4} wrap="nowrap">
                  {row.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && (
                        <Text span c="dimmed" size="xs" mr={4}>
                          +
                        </Text>
                      )}
                      <Kbd size="xs">{k}</Kbd>
                    </span>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{row.description}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
