import { useLibraryStore } from '../stores/libraryStore';
import { RefreshIcon } from './icons';

interface LibraryToolbarProps {
  shown: number;
  total: number;
  canRefresh: boolean;
}

export function LibraryToolbar({ shown, total, canRefresh }: LibraryToolbarProps) {
  const filter = useLibraryStore((s) => s.filter);
  const loading = useLibraryStore((s) => s.loading);
  const setFilter = useLibraryStore((s) => s.setFilter);
  const refresh = useLibraryStore((s) => s.refresh);
  const count = shown === total ? `${total} songs` : `${shown} of ${total} songs`;

  return (
    <div className="library-toolbar">
      <input
        type="search"
        className="filter-input"
        aria-label="Filter songs"
        placeholder="Filter by title, artist or album"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <span className="song-count">{total === 1 ? '1 song' : count}</span>
      <button
        type="button"
        className="icon-button"
        aria-label="Refresh song list"
        title="Refresh song list"
        onClick={() => void refresh()}
        disabled={!canRefresh || loading}
      >
        <RefreshIcon />
      </button>
    </div>
  );
}
