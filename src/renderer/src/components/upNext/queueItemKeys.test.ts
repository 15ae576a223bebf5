import { describe, expect, it } from 'vitest';
import { queueItemKeyAction } from './queueItemKeys';

describe('Up next keys', () => {
  it('Alt+arrows move one place, Alt+Home/End to the ends, never past them', () => {
    expect(queueItemKeyAction('ArrowUp', true, 2, 4)).toEqual({ kind: 'move', to: 1 });
    expect(queueItemKeyAction('ArrowDown', true, 2, 4)).toEqual({ kind: 'move', to: 3 });
    expect(queueItemKeyAction('Home', true, 2, 4)).toEqual({ kind: 'move', to: 0 });
    expect(queueItemKeyAction('End', true, 2, 4)).toEqual({ kind: 'move', to: 3 });
    expect(queueItemKeyAction('ArrowUp', true, 0, 4)).toBeNull();
    expect(queueItemKeyAction('ArrowDown', true, 3, 4)).toBeNull();
  });

  it('plain arrows are left to the page; Delete removes', () => {
    expect(queueItemKeyAction('ArrowUp', false, 2, 4)).toBeNull();
    expect(queueItemKeyAction('Delete', false, 2, 4)).toEqual({ kind: 'remove' });
    expect(queueItemKeyAction('Backspace', false, 0, 1)).toEqual({ kind: 'remove' });
  });
});
