import type { KeyboardEvent } from 'react';
import { formatTime } from '../lib/formatTime';
import { seekKeyTarget } from '../lib/seekKeys';
import { shownSong } from '../lib/shownSong';
import { useLibraryStore } from '../stores/libraryStore';
import { usePlayerStore } from '../stores/playerStore';
import { useSeekDrag } from './useSeekDrag';

/** Elapsed and total time around a bar that seeks where it is clicked, dragged or keyed. */
export function ProgressBar() {
  const status = usePlayerStore((s) => s.status);
  const songId = usePlayerStore((s) => s.songId);
  const elapsed = usePlayerStore((s) => s.elapsedSeconds);
  const seek = usePlayerStore((s) => s.seek);
  const departed = usePlayerStore((s) => s.departed);
  const duration = useLibraryStore(
    (s) => shownSong(s.songs, departed, songId)?.durationSeconds ?? null,
  );
  // A song the server's list dropped plays out, but the server has no start to seek to.
  const gone = departed !== null && departed.id === songId;
  const canSeek = status !== 'idle' && duration !== null && duration > 0 && !gone;
  const drag = useSeekDrag(canSeek, (at) => duration !== null && void seek(at * duration));
  // Idle shows where Play would start: 0, or the position remembered from the last session.
  // While dragged, the bar and the clock show where it would go.
  const playedTo = Math.min(elapsed, duration ?? elapsed);
  const shown = drag.dragging !== null && duration !== null ? drag.dragging * duration : playedTo;
  const fraction = duration ? Math.min(1, shown / duration) : 0;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!canSeek || duration === null || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = seekKeyTarget(event.key, shown, duration);
    if (target === null) return;
    // Keep the global previous/next shortcut from also firing, and the page from scrolling.
    event.preventDefault();
    event.stopPropagation();
    void seek(target);
  }

  return (
    <div className="progress">
      <span className="time time-elapsed" role="timer" aria-label="Elapsed time">
        {formatTime(shown)}
      </span>
      <div
        className={`progress-track${canSeek ? '' : ' is-disabled'}${drag.dragging === null ? '' : ' is-dragging'}`}
        role="slider"
        tabIndex={canSeek ? 0 : -1}
        aria-label="Seek"
        aria-valuemin={0}
        aria-valuemax={Math.round(duration ?? 0)}
        aria-valuenow={Math.round(shown)}
        aria-valuetext={`${formatTime(shown)} of ${formatTime(duration)}`}
        aria-disabled={!canSeek}
        onPointerDown={drag.onPointerDown}
        onPointerMove={drag.onPointerMove}
        onPointerUp={drag.onPointerUp}
        onLostPointerCapture={drag.onLostPointerCapture}
        onKeyDown={onKeyDown}
      >
        <div className="progress-fill" style={{ width: `${fraction * 100}%` }} />
        <div className="progress-thumb" style={{ left: `${fraction * 100}%` }} />
      </div>
      <span className="time time-total" role="timer" aria-label="Total time">
        {formatTime(duration)}
      </span>
    </div>
  );
}
