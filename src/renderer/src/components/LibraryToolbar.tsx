import { FILTER_INPUT_ID } from '../app/focusTargets';
import { useLibraryStore } from '../stores/libraryStore';
import { useSongTableStore, type LibraryView } from '../stores/songTableStore';
import { RefreshIcon } from './icons';

interface LibraryToolbarProps {
  shown: number;
  total: number;
  canRefresh: boolean;
}

const VIEWS: ReadonlyArray<[LibraryView, string]> = [
  ['songs', 'Songs'],
  ['albums', 'Albums'],
  ['artists', 'Artists'],
];

export function LibraryToolbar({ shown, total, canRefresh }: LibraryToolbarProps) {
  const filter = useLibraryStore((s) => s.filter);
  const loading = useLibraryStore((s) => s.loading);
  const setFilter = useLibraryStore((s) => s.setFilter);
  const refresh = useLibraryStore((s) => s.refresh);
  const view = useSongTableStore((s) => s.view);
  const setView = useSongTableStore((s) => s.setView);
  const scope = useSongTableStore((s) => s.scope);
  const count = shown === total ? `${total} songs` : `${shown} of ${total} songs`;

  return (
    <div className="library-toolbar">
      <div className="view-switch" role="group" aria-label="View">
        {VIEWS.map(([value, label]) => (
          <button
            key={value}
            type="button"
            aria-pressed={view === value && !scope}
            onClick={() => setView(value)}
          >
            {label}
          </button>
        ))}
      </div>
      {scope && (
        <span className="scope-chip">
          {scope.kind === 'album'
            ? `${scope.album ?? 'Unknown album'} · ${scope.artist ?? 'Unknown artist'}`
            : (scope.artist ?? 'Unknown artist')}
          <button
            type="button"
            className="icon-button"
            aria-label="Show all songs"
            onClick={() => setView('songs')}
          >
            ×
          </button>
        </span>
      )}
      <input
        id={FILTER_INPUT_ID}
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
        // While loading it is only marked disabled: a disabled button would drop the focus of
        // the person who just pressed it to <body>.
        onClick={() => !loading && void refresh()}
        disabled={!canRefresh}
        aria-disabled={loading}
      >
        <RefreshIcon />
      </button>
    </div>
  );
}
