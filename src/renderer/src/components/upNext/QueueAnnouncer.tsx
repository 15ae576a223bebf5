import { useLibraryStore } from '../../stores/libraryStore';
import { useQueueStore } from '../../stores/queueStore';

/**
 * Says what Q / Shift+Q (or a row's button) just did, for screen readers: the table keeps
 * focus, so nothing else would tell them. Keyed by the entry, so adding the same song twice
 * is announced twice.
 */
export function QueueAnnouncer() {
  const lastAdded = useQueueStore((s) => s.lastAdded);
  const songs = useLibraryStore((s) => s.songs);
  let text = '';
  if (lastAdded) {
    const [first] = lastAdded.songIds;
    const title = songs.find((song) => song.id === first)?.title ?? `Song ${first}`;
    text = lastAdded.where === 'front' ? `${title} plays next.` : `${title} added to the queue.`;
  }
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      <span key={lastAdded?.key}>{text}</span>
    </div>
  );
}
