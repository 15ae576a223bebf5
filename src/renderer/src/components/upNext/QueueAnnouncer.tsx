import { addedAnnouncement, removedAnnouncement } from '../../queue/queueAnnouncement';
import { useLibraryStore } from '../../stores/libraryStore';
import { useQueueStore } from '../../stores/queueStore';

/**
 * Says what Q / Shift+Q (or a row's button) just did, and which queued songs a library change
 * took out, for screen readers: the table keeps focus, so nothing else would tell them. Keyed by
 * the change, so adding the same song twice is announced twice.
 */
export function QueueAnnouncer() {
  const lastAdded = useQueueStore((s) => s.lastAdded);
  const lastRemoved = useQueueStore((s) => s.lastRemoved);
  const songs = useLibraryStore((s) => s.songs);
  let text = '';
  if (lastRemoved) text = removedAnnouncement(lastRemoved.titles);
  else if (lastAdded) {
    const [first] = lastAdded.songIds;
    const title = songs.find((song) => song.id === first)?.title ?? `Song ${first}`;
    text = addedAnnouncement(title, lastAdded.where);
  }
  const key = lastRemoved ? `removed-${lastRemoved.key}` : `added-${lastAdded?.key ?? 0}`;
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      <span key={key}>{text}</span>
    </div>
  );
}
