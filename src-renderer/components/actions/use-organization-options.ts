/** The organization tree as Select options, each labelled with its path ("Maple Foundation › Finance › Payables"). */
import { useMemo } from 'react';
import type { OrganizationNode } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import { flattenTree, indexTree, pathTo } from '../browse/org-tree';

export function useOrganizationOptions(instanceId: string) {
  const tree = useApiQuery('organizations:tree', { instanceId });
  return useMemo(() => {
    const roots = tree.data ?? [];
    const byId: Map<number, OrganizationNode> = indexTree(roots);
    const options = flattenTree(roots, null)
      .filter(({ node }) => !node.removed)
      .map(({ node }) => ({
        value: String(node.id),
        label: pathTo(byId, node.id)
          .map((o) => o.name)
          .join(' › '),
      }));
    return { options, byId, isLoading: tree.isLoading };
  }, [tree.data, tree.isLoading]);
}
