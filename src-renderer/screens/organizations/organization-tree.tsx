/**
 * The organization tree, virtualized (5,000 organizations stay quick): a chevron expands or
 * collapses, a click picks the organization. Keyboard as in a file tree: up/down move, right
 * opens (or steps into), left closes (or steps to the parent), Enter picks.
 */
import { useId } from 'react';
import type { FlatOrg } from '../../components/browse/org-tree';
import { OrganizationTreeItem } from './organization-tree-item';
import type { OrganizationTreeProps } from './organization-tree-props';
import classes from './organization-tree.module.css';
import { useTreeKeyboard } from './use-tree-keyboard';
import { useTreeNavigation } from './use-tree-navigation';

export function OrganizationTree(props: OrganizationTreeProps) {
  const { rows, expanded, matches, selectedId, filtering, onToggle, onSelect } = props;
  const idPrefix = useId();
  const { scrollerRef, virtualizer, activeIndex, setActive, moveTo } = useTreeNavigation(rows, selectedId);
  const onKeyDown = useTreeKeyboard({ ...props, activeIndex, moveTo });

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
          const org = rows[item.index] as FlatOrg;
          return (
            <OrganizationTreeItem
              key={org.node.id}
              id={`${idPrefix}-${item.index}`}
              org={org}
              start={item.start}
              open={filtering || expanded.has(org.node.id)}
              active={item.index === activeIndex}
              selected={org.node.id === selectedId}
              matched={matches.has(org.node.id)}
              filtering={filtering}
              onActivate={() => setActive(item.index)}
              onToggle={onToggle}
              onSelect={onSelect}
            />
          );
        })}
      </div>
    </div>
  );
}
