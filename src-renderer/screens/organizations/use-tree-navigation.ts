/**
 * The organization tree's virtualizer and active row: moving it keeps it in view, and an
 * organization picked elsewhere (a breadcrumb on a person page) becomes active and comes into view.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { FlatOrg } from '../../components/browse/org-tree';
import { ROW_HEIGHT } from './organization-tree-props';

export function useTreeNavigation(rows: FlatOrg[], selectedId: number | null) {
  const scrollerRef = useRef<HTMLDivElement>(null);
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

  return { scrollerRef, virtualizer, activeIndex, setActive, moveTo };
}
