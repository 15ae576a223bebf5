import { memo, type DragEvent, type KeyboardEvent } from 'react';
import { queueItemKeyAction } from './queueItemKeys';
import { RemoveIcon } from './queueIcons';

/** The drag payload's type: only entries of this list can be dropped on it. */
const DRAG_TYPE = 'application/x-tidewave-queue-index';

interface QueueItemProps {
  entryKey: number;
  index: number;
  count: number;
  title: string;
  artist: string | null;
  /** Already asked for to follow the song playing (readied): it starts when that one ends. */
  startingNext: boolean;
  onPlay(entryKey: number): void;
  onRemove(entryKey: number, index: number): void;
  onMove(from: number, to: number, entryKey: number): void;
}

/**
 * One Up next entry: its title plays it now, × removes it; it can be dragged to a new place,
 * or moved with Alt+ArrowUp/Down while one of its buttons has focus (see queueItemKeys).
 */
export const QueueItem = memo(function QueueItem(props: QueueItemProps) {
  const { entryKey, index, count, title, artist, startingNext, onPlay, onRemove, onMove } = props;

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>) {
    const action = queueItemKeyAction(event.key, event.altKey, index, count);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    if (action.kind === 'remove') onRemove(entryKey, index);
    else onMove(index, action.to, entryKey);
  }

  function onDragStart(event: DragEvent<HTMLLIElement>) {
    event.dataTransfer.setData(DRAG_TYPE, String(index));
    event.dataTransfer.effectAllowed = 'move';
  }

  function onDragOver(event: DragEvent<HTMLLIElement>) {
    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }

  function onDrop(event: DragEvent<HTMLLIElement>) {
    const from = Number(event.dataTransfer.getData(DRAG_TYPE));
    if (!Number.isInteger(from)) return;
    event.preventDefault();
    onMove(from, index, entryKey);
  }

  return (
    <li
      className="queue-item"
      data-queue-key={entryKey}
      draggable
      onKeyDown={onKeyDown}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <button
        type="button"
        className="queue-play"
        title={`Play now. Alt+Up/Down moves it, Delete removes it.`}
        onClick={() => onPlay(entryKey)}
      >
        <span className="queue-title">{title}</span>
        <span className="queue-artist">
          {artist ?? '—'}
          {startingNext ? ' · starts next' : ''}
        </span>
      </button>
      <button
        type="button"
        className="icon-button queue-remove"
        aria-label={`Remove ${title} from the queue`}
        title="Remove from the queue"
        onClick={() => onRemove(entryKey, index)}
      >
        <RemoveIcon size={16} />
      </button>
    </li>
  );
});
