/**
 * A table's header row whose columns sort: click a column to sort by it, again
 * to reverse; `aria-sort` says which and how (the health and fleet tables).
 */
import type { ReactNode } from 'react';

export interface SortState<C extends string> {
  column: C;
  ascending: boolean;
}

/** The next sort after a click on `column`. */
export const sortedBy =
  <C extends string>(column: C) =>
  (s: SortState<C>): SortState<C> => ({ column, ascending: s.column === column ? !s.ascending : true });

export function SortableHead<C extends string>({
  columns,
  sort,
  onSort,
  label,
  className,
  extra,
}: {
  columns: readonly C[];
  sort: SortState<C>;
  onSort: (column: C) => void;
  label: (column: C) => string;
  /** A class per column (narrow drawers hide some by class). */
  className?: (column: C) => string | undefined;
  /** Cells after the sortable ones (an actions column). */
  extra?: ReactNode;
}) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th
            key={column}
            className={className?.(column)}
            scope="col"
            aria-sort={sort.column === column ? (sort.ascending ? 'ascending' : 'descending') : 'none'}
          >
            <button type="button" data-sort={column} onClick={() => onSort(column)}>
              {label(column)}
            </button>
          </th>
        ))}
        {extra}
      </tr>
    </thead>
  );
}
