/**
 * The organization tree as the screen shows it: the roots and the branch of the picked
 * organization open at first, the rest opened and closed by the administrator, or the rows that
 * match a filter by name.
 */
import { useMemo, useState } from 'react';
import { useApiQuery } from '../../api';
import { filterTree, flattenTree, indexTree, pathTo } from '../../components/browse/org-tree';

export function useOrganizationTreeState(instanceId: string, selectedId: number | null) {
  const tree = useApiQuery('organizations:tree', { instanceId: instanceId });
  const roots = useMemo(() => tree.data ?? [], [tree.data]);
  const byId = useMemo(() => indexTree(roots), [roots]);
  const [filter, setFilter] = useState('');
  // Roots open at first; the branch of an organization picked elsewhere opens too.
  const [expanded, setExpanded] = useState<Set<number>>(() => new Set());
  const [openedFor, setOpenedFor] = useState<string>('');
  const openKey = `${roots.length}:${selectedId}`;
  if (roots.length > 0 && openKey !== openedFor) {
    const next = new Set(expanded);
    for (const r of roots) next.add(r.id);
    if (selectedId !== null) for (const n of pathTo(byId, selectedId).slice(0, -1)) next.add(n.id);
    setExpanded(next);
    setOpenedFor(openKey);
  }

  const filtered = useMemo(() => (filter.trim() ? filterTree(roots, filter) : null), [roots, filter]);
  const rows = useMemo(() => filtered?.rows ?? flattenTree(roots, expanded), [filtered, roots, expanded]);
  const toggle = (id: number) => {
    const next = new Set(expanded);
    if (!next.delete(id)) next.add(id);
    setExpanded(next);
  };
  return { tree, roots, byId, filter, setFilter, expanded, filtered, rows, toggle };
}
