/** The mirrored organization tree. */
import type { DB } from '../db/open';
import type { OrganizationNode, OrganizationRef } from '../../src-preload/contract';

export type { OrganizationNode, OrganizationRef };

interface OrgRow {
  id: number;
  parent_id: number | null;
  name: string;
  is_external: number;
  status: string | null;
  deleted_at: string | null;
  people: number | null;
}

/**
 * The whole tree in one query (5,000 organizations is a few milliseconds), children by name.
 * Roots are organizations without a parent in the mirror: the root organization, and any whose
 * parent was removed.
 */
export function listOrganizationsTree(
  db: DB,
  instanceId: string,
  options: { includeRemoved?: boolean } = {},
): OrganizationNode[] {
  const rows = db
    .prepare(
      `SELECT o.id, o.parent_id, o.name, o.is_external, o.status, o.deleted_at, c.people
       FROM mirror_organizations o
       LEFT JOIN (SELECT company_id, count(*) AS people FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL GROUP BY company_id) c
         ON c.company_id = o.id
       WHERE o.instance_id = ? ${options.includeRemoved ? '' : 'AND o.deleted_at IS NULL'}
       ORDER BY o.name COLLATE NOCASE, o.id`,
    )
    .all(instanceId, instanceId) as OrgRow[];
  const nodes = new Map<number, OrganizationNode>();
  for (const r of rows) {
    nodes.set(r.id, {
      id: r.id,
      parentId: r.parent_id,
      name: r.name,
      isExternal: r.is_external === 1,
      status: r.status,
      people: r.people ?? 0,
      totalPeople: 0,
      removed: r.deleted_at !== null,
      children: [],
    });
  }
  const roots: OrganizationNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null || node.parentId === node.id ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  // Subtree totals without recursion (a deep chain must not blow the stack); a cycle in bad data
  // is cut by the visited set.
  const visited = new Set<number>();
  const order: OrganizationNode[] = [];
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop() as OrganizationNode;
    if (visited.has(node.id)) continue;
    visited.add(node.id);
    order.push(node);
    stack.push(...node.children);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i] as OrganizationNode;
    node.totalPeople = node.people + node.children.reduce((n, c) => n + c.totalPeople, 0);
  }
  return roots;
}

/** Root first, down to the organization itself. */
export function getOrganizationPath(db: DB, instanceId: string, organizationId: number): OrganizationRef[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE up(id, parent_id, name, depth) AS (
         SELECT id, parent_id, name, 0 FROM mirror_organizations WHERE instance_id = ? AND id = ?
         UNION ALL
         SELECT o.id, o.parent_id, o.name, up.depth + 1 FROM mirror_organizations o JOIN up ON o.id = up.parent_id
         WHERE o.instance_id = ? AND up.depth < 50
       )
       SELECT id, name FROM up ORDER BY depth DESC`,
    )
    .all(instanceId, organizationId, instanceId) as OrganizationRef[];
  return rows;
}
