import { useLibraryStore } from '../stores/libraryStore';
import { usePlayerStore } from '../stores/playerStore';
import { NextIcon, PauseIcon, PlayIcon, PreviousIcon, StopIcon } from './icons';

export function TransportControls() {
  const status = usePlayerStore((s) => s.status);
  const togglePlayPause = usePlayerStore((s) => s.togglePlayPause);
  const stop = usePlayerStore((s) => s.stop);
  const next = usePlayerStore((s) => s.next);
  const previous = usePlayerStore((s) => s.previous);
  const hasSongs = useLibraryStore((s) => s.songs.length > 0);
  const playLabel = status === 'playing' ? 'Pause' : status === 'paused' ? 'Resume' : 'Play';

  return (
    <div className="transport-controls">
      <button
        type="button"
        className="icon-button"
        aria-label="Previous song"
        title="Previous song"
        onClick={() => void previous()}
      >
        <PreviousIcon />
      </button>
      <button
        type="button"
        className="icon-button play-button"
        aria-label={playLabel}
        title={playLabel}
        onClick={() => void togglePlayPause()}
        disabled={status === 'idle' && !hasSongs}
      >
        {status === 'playing' ? <PauseIcon size={22} /> : <PlayIcon size={22} />}
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Stop"
        title="Stop"
        // Marked, not disabled, when idle: pressing it must not drop its focus to <body>.
        onClick={() => status !== 'idle' && void stop()}
        aria-disabled={status === 'idle'}
      >
        <StopIcon />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Next song"
        title="Next song"
        onClick={() => void next()}
      >
        <NextIcon />
      </button>
    </div>
  );
}
