import { describe, expect, it } from 'vitest';
import { ACTIONS_COLUMN_WIDTH, columnsFor, gridTemplate, PLAY_COLUMN_WIDTH } from './columns';

describe('gridTemplate', () => {
  it('has the play track, one per column, and a last one kept for the queue buttons', () => {
    const columns = columnsFor({ hasTrack: false, hasFormat: true });
    const tracks = gridTemplate(columns).split(' ');
    expect(tracks[0]).toBe(PLAY_COLUMN_WIDTH);
    expect(tracks.at(-2)).toBe('84px'); // Format: its text is not under the buttons
    expect(tracks.at(-1)).toBe(ACTIONS_COLUMN_WIDTH);
  });

  it('keeps room for both 30 px buttons, the gap between them and the edge', () => {
    expect(parseInt(ACTIONS_COLUMN_WIDTH, 10)).toBeGreaterThanOrEqual(2 * 30 + 2 + 6);
  });
});

describe('columnsFor', () => {
  it('has track and format when some song has one, and not in a narrow (zoomed) window', () => {
    const all = { hasTrack: true, hasFormat: true };
    const keys = (narrow: boolean) => columnsFor(all, narrow).map((column) => column.key);
    expect(keys(false)).toEqual(['id', 'title', 'artist', 'album', 'track', 'duration', 'format']);
    expect(keys(true)).toEqual(['id', 'title', 'artist', 'album', 'duration']);
  });
});
