import { flushSync } from 'react-dom';
import { focusById, UP_NEXT_ID, UP_NEXT_TOGGLE_ID } from '../../app/focusTargets';
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

  // Opened from here, the panel takes the focus (it sits before the transport in the tab order,
  // so it would be far behind); closed from here, the focus stays here.
  const onToggle = () => {
    const opening = !panelOpen;
    flushSync(togglePanel); // rendered now, so it can take the focus
    if (opening) focusById(UP_NEXT_ID);
  };

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
        id={UP_NEXT_TOGGLE_ID}
        type="button"
        className={`icon-button mode-button${panelOpen ? ' is-on' : ''}`}
        // Not in parentheses: axe drops a parenthetical, and the badge's number must be in the name.
        aria-label={`Up next, ${queued} queued`}
        aria-expanded={panelOpen}
        aria-controls={panelOpen ? UP_NEXT_ID : undefined}
        title="Up next"
        onClick={onToggle}
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
