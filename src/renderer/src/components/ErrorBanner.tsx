import { connectionProblem } from '../lib/connectionProblem';
import { useConnectionStore } from '../stores/connectionStore';
import { useLibraryStore } from '../stores/libraryStore';
import { usePlayerStore } from '../stores/playerStore';

interface Problem {
  title: string;
  detail: string;
  /** What to check, when there is something better than Retry. */
  advice?: string;
  retry: (() => void) | null;
  dismiss: (() => void) | null;
}

/** The most important current problem, in words, with a Retry that fixes the usual cause. */
function useProblem(): Problem | null {
  const connection = useConnectionStore((s) => s.connection);
  const reconnect = useConnectionStore((s) => s.retry);
  const playerError = usePlayerStore((s) => s.error);
  const retryPlay = usePlayerStore((s) => s.retry);
  const dismissPlayerError = usePlayerStore((s) => s.dismissError);
  // The song that failed is not always the one shown: an upcoming one fails as it is asked for.
  const failedTitle = useLibraryStore(
    (s) => s.songs.find((song) => song.id === playerError?.songId)?.title ?? null,
  );
  const listError = useLibraryStore((s) => s.error);
  const refresh = useLibraryStore((s) => s.refresh);

  const lost = connectionProblem(connection);
  if (lost) return { ...lost, retry: () => void reconnect(), dismiss: null };
  if (playerError) {
    return {
      title: failedTitle === null ? 'Playback stopped' : `Could not play “${failedTitle}”`,
      detail: playerError.message,
      retry: playerError.songId !== null ? () => void retryPlay() : null,
      dismiss: dismissPlayerError,
    };
  }
  if (listError) {
    return {
      title: 'Could not load the song list',
      detail: listError,
      retry: () => void refresh(),
      dismiss: null,
    };
  }
  return null;
}

export function ErrorBanner() {
  const problem = useProblem();
  if (!problem) return null;
  return (
    <div className="error-banner" role="alert">
      <div className="error-text-block">
        <strong>{problem.title}</strong>
        <span>{problem.detail}</span>
        {problem.advice && <span>{problem.advice}</span>}
      </div>
      {problem.retry && (
        <button type="button" className="primary" onClick={problem.retry}>
          Retry
        </button>
      )}
      {problem.dismiss && (
        <button type="button" onClick={problem.dismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
