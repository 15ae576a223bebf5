/** One play's marks, every time already in the page's clock (ms, performance.now()). */
export interface ClickMarks {
  click: number;
  /** The page's first click listener ran (the browser's input delivery lies before it). */
  dispatched: number;
  /** The renderer sent the play request. */
  sent: number;
  /** Main's services got it. */
  handled: number;
  /** The decoder was reset for the song (it waits for the worker's start on a first play). */
  decoderReady: number;
  /** The song's first bytes reached the decoder. */
  firstBytes: number;
  /** Main emitted the first PCM chunk. */
  firstAudio: number;
  /** The page queued it on the AudioContext. */
  queued: number;
  /** Of the time before `queued`, how long the page held it for the song's next chunk (ms). */
  heldMs: number;
  /** How far ahead of the context's clock it was scheduled (ms). */
  marginMs: number;
  /** When its first sample leaves the output (from getOutputTimestamp()). */
  leaves: number;
}

export const CLICK_PARTS = [
  'input: click → page handles it (Chromium)',
  'renderer: handler → request sent',
  'IPC request (test bridge)',
  'decoder ready (reset; worker start on a first play)',
  'server: first song bytes at the decoder, after that',
  'decode: first bytes → first PCM chunk',
  'IPC to the page (test bridge)',
  'held for the next chunk (a first play)',
  'scheduling margin',
  'output latency',
] as const;

export type ClickPart = (typeof CLICK_PARTS)[number];

export interface ClickSplit {
  total: number;
  parts: Record<ClickPart, number>;
}

/** Splits click → sound into consecutive parts that add up to the total. */
export function splitClick(marks: ClickMarks): ClickSplit {
  const scheduled = marks.queued + marks.marginMs;
  return {
    total: marks.leaves - marks.click,
    parts: {
      'input: click → page handles it (Chromium)': marks.dispatched - marks.click,
      'renderer: handler → request sent': marks.sent - marks.dispatched,
      'IPC request (test bridge)': marks.handled - marks.sent,
      'decoder ready (reset; worker start on a first play)': marks.decoderReady - marks.handled,
      'server: first song bytes at the decoder, after that': marks.firstBytes - marks.decoderReady,
      'decode: first bytes → first PCM chunk': marks.firstAudio - marks.firstBytes,
      'IPC to the page (test bridge)': marks.queued - marks.heldMs - marks.firstAudio,
      'held for the next chunk (a first play)': marks.heldMs,
      'scheduling margin': marks.marginMs,
      'output latency': marks.leaves - scheduled,
    },
  };
}

/**
 * When the sample scheduled at context time `startTime` leaves the output, in the page's clock:
 * getOutputTimestamp() pairs the context time of the sample leaving now with performance.now().
 */
export function leavesAt(
  startTime: number,
  stamp: { contextTime: number; performanceTime: number },
): number {
  return stamp.performanceTime + (startTime - stamp.contextTime) * 1000;
}
