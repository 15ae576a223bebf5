import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeAudioContext } from '../../../../test/support/renderer/fakeAudioContext';
import { AudioEngine } from './audioEngine';

// Main sends a stream's 'started' event before it answers the play request (the event is
// emitted inside play()), so the event usually comes first. Until the answer says where the
// stream starts, its position is not known: it used to read as 0, and a Play from a remembered
// 0:15 showed 0:00 and wrote 0 as the position to come back to (found by the session e2e).
describe('a stream whose started event comes before the play answer', () => {
  beforeEach(() => vi.stubGlobal('AudioContext', FakeAudioContext));
  afterEach(() => vi.unstubAllGlobals());

  it('has no known position until the answer names its start, then the asked one', () => {
    const engine = new AudioEngine(() => undefined);
    engine.handleStreamEvent({ kind: 'started', streamId: 1, songId: 2 });
    const early = engine.snapshot();
    expect(early.current?.songId).toBe(2);
    expect(early.positionSeconds).toBeNull();
    engine.begin({ streamId: 1, songId: 2, startSeconds: 15.9 });
    expect(engine.snapshot().positionSeconds).toBeCloseTo(15.9, 6);
  });
});
