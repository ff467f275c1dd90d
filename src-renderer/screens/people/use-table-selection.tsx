/**
 * The People selection as the table shows it: a tick per row, and in the header one tick for
 * every match of the search (ticked when all are, half when some are; a click clears, or selects
 * every match).
 */
import { useMemo } from 'react';
import type { PeopleTableSelection } from '../../components/browse/people-table';
import { formatNumber } from '../../lib/format';
import type { PeopleSelection } from './use-people-selection';

export function useTableSelection(selection: PeopleSelection, total: number): PeopleTableSelection {
  const { state, count, version, isChecked, toggle, selectAll, clear } = selection;
  return useMemo(() => {
    const all = state.mode === 'all' && state.excluded.size === 0 && total > 0;
    const some = count > 0 && !all;
    const header = (
      <input
        type="checkbox"
        style={{ width: 16, height: 16, margin: 0, verticalAlign: 'middle', cursor: 'pointer' }}
        aria-label={count > 0 ? 'Clear the selection' : `Select all ${formatNumber(total)} matching`}
        title={count > 0 ? 'Clear the selection' : `Select all ${formatNumber(total)} matching`}
        data-testid="tick-all"
        checked={all}
        disabled={total === 0}
        ref={(el) => {
          if (el) el.indeterminate = some;
        }}
        onChange={() => (count > 0 ? clear() : selectAll())}
      />
    );
    return { isChecked, toggle, header, version: `${version}:${total}` };
  }, [state, count, version, isChecked, toggle, selectAll, clear, total]);
}
