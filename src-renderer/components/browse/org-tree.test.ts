import { describe, expect, it } from 'vitest';
import type { OrganizationNode } from '../../../src-preload/contract';
import { filterTree, flattenTree, indexTree, pathTo } from './org-tree';

const org = (
  id: number,
  name: string,
  parentId: number | null,
  children: OrganizationNode[] = [],
): OrganizationNode => ({
  id,
  parentId,
  name,
  isExternal: false,
  status: 'Active',
  people: 1,
  totalPeople: 1,
  removed: false,
  children,
});

const tree = [org(1, 'Root', null, [org(2, 'Arts', 1, [org(4, 'Theatre', 2)]), org(3, 'Housing', 1)])];

describe('organization tree rows', () => {
  it('lists only expanded branches, depth first', () => {
    expect(flattenTree(tree, new Set([1])).map((r) => [r.node.name, r.depth])).toEqual([
      ['Root', 0],
      ['Arts', 1],
      ['Housing', 1],
    ]);
    expect(flattenTree(tree, null).map((r) => r.node.name)).toEqual(['Root', 'Arts', 'Theatre', 'Housing']);
  });

  it('finds the path from the root', () => {
    expect(pathTo(indexTree(tree), 4).map((n) => n.name)).toEqual(['Root', 'Arts', 'Theatre']);
  });

  it('keeps matches with their ancestors', () => {
    const { rows, matches } = filterTree(tree, 'thea');
    expect(rows.map((r) => r.node.name)).toEqual(['Root', 'Arts', 'Theatre']);
    expect([...matches]).toEqual([4]);
  });

  it('survives a cycle in bad data', () => {
    const a = org(10, 'A', 11);
    const b = org(11, 'B', 10, [a]);
    a.children.push(b);
    expect(flattenTree([a], null).map((r) => r.node.id)).toEqual([10, 11]);
  });
});
