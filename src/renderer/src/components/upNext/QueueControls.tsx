import { usePlayerStore } from '../../stores/playerStore';
import { useQueueStore } from '../../stores/queueStore';
import { QueueAnnouncer } from './QueueAnnouncer';
import { QueueIcon, RepeatIcon, ShuffleIcon } from './queueIcons';

const REPEAT_LABEL = { off: 'Repeat: off', all: 'Repeat: all', one: 'Repeat: one song' };

/** Shuffle, repeat (off → all → one) and the Up next panel's toggle, for the transport bar. */
export function QueueControls() {
  const shuffle = useQueueStore((s) => s.shuffle);
  const repeat = useQueueStore((s) => s.repeat);
  const panelOpen = useQueueStore((s) => s.panelOpen);
  const queued = useQueueStore((s) => s.upNext.length);
  const setShuffle = useQueueStore((s) => s.setShuffle);
  const cycleRepeat = useQueueStore((s) => s.cycleRepeat);
  const togglePanel = useQueueStore((s) => s.togglePanel);

  return (
    <div className="queue-controls">
      <button
        type="button"
        className={`icon-button mode-button${shuffle ? ' is-on' : ''}`}
        aria-label="Shuffle"
        aria-pressed={shuffle}
        title={shuffle ? 'Shuffle: on' : 'Shuffle: off'}
        onClick={() => setShuffle(!shuffle, usePlayerStore.getState().songId)}
      >
        <ShuffleIcon size={18} />
      </button>
      <button
        type="button"
        className={`icon-button mode-button${repeat !== 'off' ? ' is-on' : ''}`}
        aria-label={REPEAT_LABEL[repeat]}
        title={REPEAT_LABEL[repeat]}
        onClick={cycleRepeat}
      >
        <RepeatIcon size={18} one={repeat === 'one'} />
      </button>
      <button
        type="button"
        className={`icon-button mode-button${panelOpen ? ' is-on' : ''}`}
        // Not in parentheses: axe drops a parenthetical, and the badge's number must be in the name.
        aria-label={`Up next, ${queued} queued`}
        aria-expanded={panelOpen}
        aria-controls={panelOpen ? 'up-next' : undefined}
        title="Up next"
        onClick={togglePanel}
      >
        <QueueIcon size={18} />
        {queued > 0 && (
          <span className="queue-badge" aria-hidden="true">
            {queued}
          </span>
        )}
      </button>
      <QueueAnnouncer />
    </div>
  );
}
