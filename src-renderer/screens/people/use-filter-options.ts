/** The choices of the People filters' pickers: the mirror's roles, and its organizations as a tree. */
import { useMemo } from 'react';
import { useApiQuery } from '../../api';
import { flattenTree } from '../../components/browse/org-tree';

export function useFilterOptions(instanceId: string) {
  const roles = useApiQuery('roles:list', { instanceId });
  const tree = useApiQuery('organizations:tree', { instanceId });
  const roleOptions = useMemo(
    () => (roles.data ?? []).map((r) => ({ value: String(r.id), label: r.name })),
    [roles.data],
  );
  // Indented by depth so the picker reads like the tree; names repeat across branches.
  const orgOptions = useMemo(
    () =>
      flattenTree(tree.data ?? [], null).map(({ node, depth }) => ({
        value: String(node.id),
        label: `${'\u2002'.repeat(Math.min(depth, 8))}${node.name}`,
      })),
    [tree.data],
  );
  return { roleOptions, orgOptions };
}
