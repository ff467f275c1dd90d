/**
 * A program's assignments as the page filters them: by person name and by role, with how many
 * assignments each role has (most first) for the role chips.
 */
import { useMemo, useState } from 'react';
import type { ProgramAssignmentRow } from '../../../src-preload/contract';

export function useAssignmentFilters(assignments: ProgramAssignmentRow[] | undefined) {
  const [filter, setFilter] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const all = useMemo(() => assignments ?? [], [assignments]);
  const byRole = useMemo(() => {
    const counts = new Map<string, number>();
    for (const a of all)
      counts.set(a.roleName ?? `Role ${a.roleId}`, (counts.get(a.roleName ?? `Role ${a.roleId}`) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1]);
  }, [all]);
  const q = filter.trim().toLowerCase();
  const rows = all.filter(
    (a) =>
      (!role || (a.roleName ?? `Role ${a.roleId}`) === role) && (!q || (a.personName ?? '').toLowerCase().includes(q)),
  );

  return { all, byRole, rows, filter, setFilter, role, setRole };
}
