/** What the organization tree is given by its screen, shared by the tree and its hooks. */
import type { FlatOrg } from '../../components/browse/org-tree';

export interface OrganizationTreeProps {
  rows: FlatOrg[];
  expanded: ReadonlySet<number>;
  /** Names matching the filter, shown in bold. */
  matches: ReadonlySet<number>;
  selectedId: number | null;
  /** While filtering every branch is open and cannot be closed. */
  filtering: boolean;
  onToggle: (id: number) => void;
  onSelect: (id: number) => void;
}

export const ROW_HEIGHT = 30;
export const INDENT = 16;
