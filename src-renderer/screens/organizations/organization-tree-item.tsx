/**
 * One organization in the tree: its chevron (expand or collapse), name (bold when it matches the
 * filter), internal or external, and how many people are in it and below it.
 */
import { Badge, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { FlatOrg } from '../../components/browse/org-tree';
import { formatNumber } from '../../lib/format';
import { INDENT, ROW_HEIGHT } from './organization-tree-props';
import classes from './organization-tree.module.css';

interface OrganizationTreeItemProps {
  id: string;
  org: FlatOrg;
  /** Pixels from the top of the tree. */
  start: number;
  open: boolean;
  active: boolean;
  selected: boolean;
  matched: boolean;
  filtering: boolean;
  /** Makes this row the active one (before it is picked or toggled). */
  onActivate: () => void;
  onToggle: (id: number) => void;
  onSelect: (id: number) => void;
}

export function OrganizationTreeItem(props: OrganizationTreeItemProps) {
  const { org, open, filtering, onActivate } = props;
  const { node, depth } = org;
  const hasChildren = node.children.length > 0;
  return (
    <div
      id={props.id}
      role="treeitem"
      aria-level={depth + 1}
      aria-expanded={hasChildren ? open : undefined}
      aria-selected={props.selected}
      data-active={props.active || undefined}
      data-testid="organization-node"
      data-organization-id={node.id}
      className={classes.item}
      style={{ height: ROW_HEIGHT, transform: `translateY(${props.start}px)`, paddingLeft: 4 + depth * INDENT }}
      onClick={() => {
        onActivate();
        props.onSelect(node.id);
      }}
    >
      <span
        className={classes.toggle}
        aria-hidden
        onClick={(e) => {
          if (!hasChildren || filtering) return;
          e.stopPropagation();
          onActivate();
          props.onToggle(node.id);
        }}
      >
        {hasChildren && (open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />)}
      </span>
      <Text
        span
        size="sm"
        className={classes.name}
        fw={props.matched ? 700 : undefined}
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
}
