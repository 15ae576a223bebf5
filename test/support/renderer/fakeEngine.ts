import { vi } from 'vitest';
import type {
  DropOutcome,
  EngineSnapshot,
  PlaybackEngine,
} from '../../../src/renderer/src/audio/playbackEngine';
import type { StreamInfo } from '../../../src/renderer/src/audio/streamRegistry';

/** A PlaybackEngine whose snapshot the test sets directly. */
export class FakeEngine implements PlaybackEngine {
  snap: EngineSnapshot = {
    current: null,
    positionSeconds: 0,
    bufferedAheadSeconds: 0,
    sounding: false,
    newest: null,
  };
  resume = vi.fn(async () => undefined);
  pause = vi.fn(async () => undefined);
  begin = vi.fn();
  enqueue = vi.fn();
  handleStreamEvent = vi.fn();
  flush = vi.fn();
  dropAfter = vi.fn((_keep: number): DropOutcome => 'dropped');
  setVolume = vi.fn();
  reportBuffer = vi.fn();
  renameSongs = vi.fn();

  snapshot(): EngineSnapshot {
    return this.snap;
  }
}

export function streamInfo(streamId: number, songId: number, extra: Partial<StreamInfo> = {}) {
  return { streamId, songId, startSeconds: 0, ended: false, coverUrl: null, ...extra };
}
