/**
 * The organization tree as flat rows: for a virtualized tree (only expanded branches), for the
 * organization picker (every organization with its depth), and for a name filter (matches with
 * their ancestors). Iterative, so a deep chain cannot overflow the stack.
 */
import type { OrganizationNode } from '../../../src-preload/contract';

export interface FlatOrg {
  node: OrganizationNode;
  depth: number;
}

/** Depth-first, children in the order given (by name). `expanded` null means everything. */
export function flattenTree(roots: readonly OrganizationNode[], expanded: ReadonlySet<number> | null): FlatOrg[] {
  const out: FlatOrg[] = [];
  const stack: FlatOrg[] = [...roots].reverse().map((node) => ({ node, depth: 0 }));
  const seen = new Set<number>();
  while (stack.length > 0) {
    const item = stack.pop() as FlatOrg;
    if (seen.has(item.node.id)) continue;
    seen.add(item.node.id);
    out.push(item);
    if (expanded === null || expanded.has(item.node.id)) {
      for (let i = item.node.children.length - 1; i >= 0; i--)
        stack.push({ node: item.node.children[i] as OrganizationNode, depth: item.depth + 1 });
    }
  }
  return out;
}

/** Every organization by id, with its parent chain available through `parentId`. */
export function indexTree(roots: readonly OrganizationNode[]): Map<number, OrganizationNode> {
  const byId = new Map<number, OrganizationNode>();
  for (const { node } of flattenTree(roots, null)) byId.set(node.id, node);
  return byId;
}

/** Root first, down to the organization itself. */
export function pathTo(byId: ReadonlyMap<number, OrganizationNode>, id: number): OrganizationNode[] {
  const path: OrganizationNode[] = [];
  const seen = new Set<number>();
  let node = byId.get(id);
  while (node && !seen.has(node.id)) {
    seen.add(node.id);
    path.unshift(node);
    node = node.parentId === null ? undefined : byId.get(node.parentId);
  }
  return path;
}

/**
 * Organizations whose name contains `text`, shown in the tree with their ancestors (all open),
 * so each match keeps its place. Case-insensitive.
 */
export function filterTree(
  roots: readonly OrganizationNode[],
  text: string,
): { rows: FlatOrg[]; matches: Set<number> } {
  const q = text.trim().toLowerCase();
  const all = flattenTree(roots, null);
  if (!q) return { rows: all, matches: new Set() };
  const byId = new Map(all.map((r) => [r.node.id, r.node]));
  const matches = new Set<number>();
  const keep = new Set<number>();
  for (const { node } of all) {
    if (!node.name.toLowerCase().includes(q)) continue;
    matches.add(node.id);
    for (const n of pathTo(byId, node.id)) keep.add(n.id);
  }
  return { rows: all.filter((r) => keep.has(r.node.id)), matches };
}
