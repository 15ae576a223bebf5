import { beforeEach, describe, expect, it } from 'vitest';
import {
  resetPlayerStore,
  type PlayerStoreFakes,
} from '../../../../test/support/renderer/playerStoreFakes';
import { usePlayerStore } from './playerStore';
import { previousTarget, RESTART_AFTER_SECONDS } from './previousTarget';

let fake: PlayerStoreFakes['fake'];
const player = () => usePlayerStore.getState();

describe('previousTarget', () => {
  it('starts the song again once a few seconds of it have played', () => {
    expect(previousTarget(4, RESTART_AFTER_SECONDS + 0.1)).toBe('restart');
    expect(previousTarget(4, 95)).toBe('restart');
  });

  it('goes back a song near a song’s start, or with no song', () => {
    expect(previousTarget(4, 0)).toBe('previous');
    expect(previousTarget(4, RESTART_AFTER_SECONDS)).toBe('previous');
    expect(previousTarget(null, 95)).toBe('previous');
  });
});

describe('Previous in the player', () => {
  beforeEach(() => {
    ({ fake } = resetPlayerStore());
  });

  it('ten seconds into a song starts it again, and at its start goes back a song', async () => {
    await player().play(2);
    usePlayerStore.setState({ elapsedSeconds: 10 });
    await player().previous();
    expect(fake.api.play).toHaveBeenLastCalledWith({ songId: 2, startSeconds: 0 });
    await player().previous();
    expect(fake.api.play).toHaveBeenLastCalledWith({ songId: 1, startSeconds: 0 });
  });
});
