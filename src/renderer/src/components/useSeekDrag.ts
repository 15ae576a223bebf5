import { useState, type PointerEvent } from 'react';
import { pointerFraction } from '../lib/seekPointer';

export interface SeekDrag {
  /** Where the bar is being dragged to (0 to 1), or null when it is not. */
  dragging: number | null;
  onPointerDown(event: PointerEvent<HTMLElement>): void;
  onPointerMove(event: PointerEvent<HTMLElement>): void;
  onPointerUp(event: PointerEvent<HTMLElement>): void;
  onLostPointerCapture(): void;
}

const fractionOf = (event: PointerEvent<HTMLElement>) => {
  const box = event.currentTarget.getBoundingClientRect();
  return pointerFraction(event.clientX, box.left, box.width);
};

/**
 * A press on the progress bar follows the pointer (captured, so off the bar too) and seeks where
 * it is let go; a click is a press let go at once. Seeking on `click` alone did nothing while
 * dragging, and nothing at all when the pointer was let go off the bar.
 */
export function useSeekDrag(enabled: boolean, seekTo: (fraction: number) => void): SeekDrag {
  const [dragging, setDragging] = useState<number | null>(null);
  return {
    dragging: enabled ? dragging : null,
    onPointerDown(event) {
      if (!enabled || event.button !== 0) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      setDragging(fractionOf(event));
    },
    onPointerMove(event) {
      if (dragging !== null) setDragging(fractionOf(event));
    },
    onPointerUp(event) {
      if (dragging === null) return;
      setDragging(null);
      if (enabled) seekTo(fractionOf(event));
    },
    onLostPointerCapture: () => setDragging(null),
  };
}
