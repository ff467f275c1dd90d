/** The organization tree as Select options, each with its path ("Meridian › Grants Management"). */
import type { OrganizationNode } from '../../../src-preload/contract';

export function organizationOptions(tree: OrganizationNode[] | undefined): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  const walk = (nodes: OrganizationNode[], path: string[]) => {
    for (const n of nodes) {
      if (n.removed) continue;
      const here = [...path, n.name];
      out.push({ value: String(n.id), label: `${here.join(' › ')}${n.isExternal ? ' (external)' : ''}` });
      walk(n.children, here);
    }
  };
  walk(tree ?? [], []);
  return out;
}
