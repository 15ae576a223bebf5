import { describe, expect, it } from 'vitest';
import { StreamRegistry } from './streamRegistry';

describe('StreamRegistry', () => {
  it('accepts new streams and merges what is learnt about them', () => {
    const registry = new StreamRegistry();
    registry.touch(3);
    registry.touch(3, { songId: 7, startSeconds: 12 });
    registry.touch(3, { coverUrl: 'data:image/png;base64,AA==' });
    expect(registry.get(3)).toEqual({
      streamId: 3,
      songId: 7,
      startSeconds: 12,
      ended: false,
      coverUrl: 'data:image/png;base64,AA==',
    });
    expect(registry.newest()?.streamId).toBe(3);
  });

  it('refuses every stream seen before refuseAll, but not later ones', () => {
    const registry = new StreamRegistry();
    registry.touch(1);
    registry.touch(2);
    registry.refuseAll();
    expect(registry.accepts(2)).toBe(false);
    expect(registry.touch(1, { ended: true })).toBeNull();
    expect(registry.get(2)).toBeNull();
    expect(registry.accepts(3)).toBe(true);
    expect(registry.touch(3)?.streamId).toBe(3);
  });

  it('refuses the streams after one, keeping that one', () => {
    const registry = new StreamRegistry();
    registry.touch(1, { songId: 5, ended: true });
    expect(registry.refuseAfter(1)).toBe(false); // nothing after it
    registry.touch(2, { songId: 6 });
    registry.admitAudio(2, 0.25);
    expect(registry.refuseAfter(1)).toBe(true);
    expect(registry.get(1)?.songId).toBe(5);
    expect(registry.newest()?.streamId).toBe(1);
    expect(registry.admitAudio(2, 0.25)).toBeNull();
    expect(registry.receivedSeconds(2)).toBe(0);
    expect(registry.touch(3)?.streamId).toBe(3);
  });

  it('forgets streams that finished playing', () => {
    const registry = new StreamRegistry();
    registry.touch(1);
    registry.touch(2);
    registry.forgetBefore(2);
    expect(registry.get(1)).toBeNull();
    expect(registry.get(2)).not.toBeNull();
    expect(registry.accepts(1)).toBe(true);
  });

  it('refuses audio of an older stream once a newer stream has sent audio', () => {
    const registry = new StreamRegistry();
    expect(registry.admitAudio(1, 0.25)).not.toBeNull();
    expect(registry.admitAudio(2, 0.25)).not.toBeNull();
    expect(registry.admitAudio(1, 0.25)).toBeNull();
    expect(registry.admitAudio(2, 0.25)).not.toBeNull();
    registry.refuseAll();
    expect(registry.admitAudio(2, 0.25)).toBeNull();
    expect(registry.admitAudio(3, 0.25)).not.toBeNull();
  });

  it('adds up the seconds admitted per stream, as main adds up what it sent', () => {
    const registry = new StreamRegistry();
    registry.admitAudio(1, 0.25);
    registry.admitAudio(1, 0.5);
    registry.admitAudio(2, 0.25);
    registry.admitAudio(1, 9); // refused: older than stream 2's audio
    expect(registry.receivedSeconds(1)).toBe(0.75);
    expect(registry.receivedSeconds(2)).toBe(0.25);
    expect(registry.receivedSeconds(3)).toBe(0);
    registry.forgetBefore(2);
    expect(registry.receivedSeconds(1)).toBe(0);
    registry.refuseAll();
    expect(registry.receivedSeconds(2)).toBe(0);
  });
});

describe('StreamRegistry.renameSongs', () => {
  it('gives each stream its song id in the new list, leaving unnamed streams alone', () => {
    const registry = new StreamRegistry();
    registry.touch(1, { songId: 4 });
    registry.touch(2, { songId: 7 });
    registry.touch(3);
    registry.renameSongs((id) => id + 1);
    expect([1, 2, 3].map((id) => registry.get(id)?.songId)).toEqual([5, 8, null]);
  });
});
