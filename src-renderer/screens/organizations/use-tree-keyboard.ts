/**
 * The organization tree's keys, as in a file tree: up/down, Home/End move; right opens (or steps
 * into), left closes (or steps to the parent); Enter or Space picks.
 */
import type { KeyboardEvent } from 'react';
import type { OrganizationTreeProps } from './organization-tree-props';

type TreeKeyboardOptions = Pick<OrganizationTreeProps, 'rows' | 'expanded' | 'filtering' | 'onToggle' | 'onSelect'> & {
  activeIndex: number;
  moveTo: (index: number) => void;
};

export function useTreeKeyboard({
  rows,
  expanded,
  filtering,
  onToggle,
  onSelect,
  activeIndex,
  moveTo,
}: TreeKeyboardOptions) {
  return (event: KeyboardEvent<HTMLDivElement>) => {
    const row = rows[activeIndex];
    if (!row) return;
    const hasChildren = row.node.children.length > 0;
    const open = filtering || expanded.has(row.node.id);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(activeIndex + 1),
      ArrowUp: () => moveTo(activeIndex - 1),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      ArrowRight: () => (hasChildren && !open ? onToggle(row.node.id) : hasChildren && moveTo(activeIndex + 1)),
      ArrowLeft: () =>
        hasChildren && open && !filtering
          ? onToggle(row.node.id)
          : moveTo(rows.findIndex((r) => r.node.id === row.node.parentId)),
      Enter: () => onSelect(row.node.id),
      ' ': () => onSelect(row.node.id),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };
}
