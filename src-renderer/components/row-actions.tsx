/** A table row's edit and remove icon buttons (right-aligned, with tooltips), after any other actions. */
import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface RowAction {
  /** The tooltip, shown on hover. */
  tooltip: string;
  /** The accessible name: it names the row, so tests and screen readers find the right button. */
  label: string;
  onClick: () => void;
}

interface RowActionsProps {
  edit: RowAction;
  remove: RowAction;
  /** Actions shown before the icons (a text button). */
  children?: ReactNode;
}

export function RowActions({ edit, remove, children }: RowActionsProps) {
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {children}
      <Tooltip label={edit.tooltip}>
        <ActionIcon aria-label={edit.label} onClick={edit.onClick}>
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={remove.tooltip}>
        <ActionIcon color="red" aria-label={remove.label} onClick={remove.onClick}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
