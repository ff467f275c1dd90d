/**
 * The organization tree, virtualized (5,000 organizations stay quick): a chevron expands or
 * collapses, a click picks the organization. Keyboard as in a file tree: up/down move, right
 * opens (or steps into), left closes (or steps to the parent), Enter picks.
 */
import { Badge, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { FlatOrg } from '../../components/browse/org-tree';
import { formatNumber } from '../../lib/format';
import classes from './organization-tree.module.css';

interface OrganizationTreeProps {
  rows: FlatOrg[];
  expanded: ReadonlySet<number>;
  /** Names matching the filter, shown in bold. */
  matches: ReadonlySet<number>;
  selectedId: number | null;
  /** While filtering every branch is open and cannot be closed. */
  filtering: boolean;
  onToggle: (id: number) => void;
  onSelect: (id: number) => void;
}

const ROW_HEIGHT = 30;
const INDENT = 16;

export function OrganizationTree({
  rows,
  expanded,
  matches,
  selectedId,
  filtering,
  onToggle,
  onSelect,
}: OrganizationTreeProps) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const selectedIndex = rows.findIndex((r) => r.node.id === selectedId);
  const [active, setActive] = useState(Math.max(0, selectedIndex));
  const activeIndex = Math.min(active, Math.max(rows.length - 1, 0));

  // No React Compiler in this build; the virtualizer re-renders the tree itself on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  // An organization picked elsewhere (a breadcrumb on a person page) comes into view.
  useEffect(() => {
    if (selectedIndex >= 0) {
      setActive(selectedIndex);
      virtualizer.scrollToIndex(selectedIndex, { align: 'center' });
    }
    // Only when the selection changes, not on every expand.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  const moveTo = (index: number) => {
    if (rows.length === 0) return;
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
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

  const items = virtualizer.getVirtualItems();
  const activeRendered = items.some((i) => i.index === activeIndex);
  return (
    <div
      ref={scrollerRef}
      className={classes.scroller}
      role="tree"
      aria-label="Organizations"
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-activedescendant={activeRendered ? `${idPrefix}-${activeIndex}` : undefined}
      data-testid="organization-tree"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const { node, depth } = rows[item.index] as FlatOrg;
          const hasChildren = node.children.length > 0;
          const open = filtering || expanded.has(node.id);
          return (
            <div
              key={node.id}
              id={`${idPrefix}-${item.index}`}
              role="treeitem"
              aria-level={depth + 1}
              aria-expanded={hasChildren ? open : undefined}
              aria-selected={node.id === selectedId}
              data-active={item.index === activeIndex || undefined}
              data-testid="organization-node"
              data-organization-id={node.id}
              className={classes.item}
              style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)`, paddingLeft: 4 + depth * INDENT }}
              onClick={() => {
                setActive(item.index);
                onSelect(node.id);
              }}
            >
              <span
                className={classes.toggle}
                aria-hidden
                onClick={(e) => {
                  if (!hasChildren || filtering) return;
                  e.stopPropagation();
                  setActive(item.index);
                  onToggle(node.id);
                }}
              >
                {hasChildren && (open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />)}
              </span>
              <Text
                span
                size="sm"
                className={classes.name}
                fw={matches.has(node.id) ? 700 : undefined}
                c={node.removed ? 'dimmed' : undefined}
                title={node.name}
              >
                {node.name}
              </Text>
              <Badge size="xs" color={node.isExternal ? 'grape' : 'indigo'}>
                {node.isExternal ? 'External' : 'Internal'}
              </Badge>
              <Tooltip
                label={`${formatNumber(node.people)} people directly in it, ${formatNumber(node.totalPeople)} with its sub-organizations`}
                openDelay={600}
              >
                <span className={classes.counts}>
                  {formatNumber(node.people)} / {formatNumber(node.totalPeople)}
                </span>
              </Tooltip>
            </div>
          );
        })}
      </div>
    </div>
  );
}
