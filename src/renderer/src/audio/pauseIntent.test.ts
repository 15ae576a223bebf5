import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeAudioContext } from '../../../../test/support/renderer/fakeAudioContext';
import { AudioEngine } from './audioEngine';
import { AudioOutput } from './audioOutput';

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

// A Pause clicked while the first play is still making (or resuming) the AudioContext used to
// be dropped: the context then ran while the player said "paused" (found by the handover work).
describe('pause while the audio output is starting', () => {
  beforeEach(() => {
    FakeAudioContext.made = [];
    vi.stubGlobal('AudioContext', FakeAudioContext);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('a pause during the first play, before the context exists, keeps it suspended', async () => {
    const engine = new AudioEngine(() => undefined);
    const playing = engine.resume();
    await engine.pause();
    await playing;
    await settle();
    // Either no context was made, or the one made is held.
    expect(FakeAudioContext.made.every((context) => context.state === 'suspended')).toBe(true);
  });

  it('a pause while the context is still starting leaves it suspended', async () => {
    const engine = new AudioEngine(() => undefined);
    await engine.resume();
    await settle();
    await engine.pause();
    // Play, then pause before the context's resume has been carried out.
    const playing = engine.resume();
    const pausing = engine.pause();
    await Promise.all([playing, pausing]);
    await settle();
    expect(FakeAudioContext.made).toHaveLength(1);
    expect(FakeAudioContext.made[0].state).toBe('suspended');
  });

  it('a context first made by a chunk after a pause starts suspended', async () => {
    const output = new AudioOutput();
    await output.suspend();
    // What the first chunk does: it needs the context to schedule on.
    output.ensure();
    await settle();
    expect(FakeAudioContext.made.map((context) => context.state)).toEqual(['suspended']);
  });

  it('play after pause runs again', async () => {
    const engine = new AudioEngine(() => undefined);
    await engine.resume();
    await engine.pause();
    await engine.resume();
    await settle();
    expect(FakeAudioContext.made.map((context) => context.state)).toEqual(['running']);
  });
});
