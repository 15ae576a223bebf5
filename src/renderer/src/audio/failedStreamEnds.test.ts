import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeAudioContext } from '../../../../test/support/renderer/fakeAudioContext';
import { AudioEngine } from './audioEngine';

// A song queued to follow that fails sends no more audio, as one that ended: the player then
// lets the song before it play out and stops after it (stores/failedNextSong.test.ts).
describe('a stream that failed', () => {
  beforeEach(() => vi.stubGlobal('AudioContext', FakeAudioContext));
  afterEach(() => vi.unstubAllGlobals());

  it('is ended in the snapshot, as one whose audio all came', () => {
    const engine = new AudioEngine(() => undefined);
    engine.handleStreamEvent({ kind: 'started', streamId: 1, songId: 0 });
    engine.handleStreamEvent({ kind: 'started', streamId: 2, songId: 1 });
    expect(engine.snapshot().newest?.ended).toBe(false);
    engine.handleStreamEvent({ kind: 'error', streamId: 2, message: 'Could not decode' });
    expect(engine.snapshot().newest).toMatchObject({ streamId: 2, ended: true });
  });
});
