import { memo } from 'react';
import type { Column } from './columns';
import type { SortKey, SortOrder } from './tableSong';

interface SongTableHeaderProps {
  columns: readonly Column[];
  sort: SortOrder;
  onSort(key: SortKey): void;
}

/**
 * The sticky header row: one sort button per column; the sorted one carries aria-sort.
 * Memoised: the table renders on every scroll frame, the header only when its props change.
 */
export const SongTableHeader = memo(function SongTableHeader({
  columns,
  sort,
  onSort,
}: SongTableHeaderProps) {
  return (
    <thead>
      <tr aria-rowindex={1}>
        <th className="cell-play">
          <span className="visually-hidden">Play</span>
        </th>
        {columns.map((column) => {
          const sorted = sort.key === column.key;
          return (
            <th
              key={column.key}
              className={column.className}
              aria-sort={sorted ? sort.direction : undefined}
            >
              <button type="button" className="sort-button" onClick={() => onSort(column.key)}>
                {column.label}
                <span className="sort-arrow" aria-hidden="true">
                  {sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                </span>
              </button>
            </th>
          );
        })}
      </tr>
    </thead>
  );
});
