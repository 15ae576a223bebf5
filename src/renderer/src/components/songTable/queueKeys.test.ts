import { describe, expect, it } from 'vitest';
import { queueKeyAction } from './queueKeys';
import { EMPTY_TYPE_AHEAD, TYPE_AHEAD_RESET_MS } from './typeAhead';

const plain = { shiftKey: false, ctrlKey: false, metaKey: false, altKey: false };

describe('the song table queue keys', () => {
  it('Q adds to the queue, Shift+Q plays next', () => {
    expect(queueKeyAction('q', plain, EMPTY_TYPE_AHEAD, 0)).toBe('end');
    expect(queueKeyAction('Q', { ...plain, shiftKey: true }, EMPTY_TYPE_AHEAD, 0)).toBe('next');
    expect(queueKeyAction('w', plain, EMPTY_TYPE_AHEAD, 0)).toBeNull();
    expect(queueKeyAction('q', { ...plain, ctrlKey: true }, EMPTY_TYPE_AHEAD, 0)).toBeNull();
  });

  it('inside a type-ahead word q is a letter, and a key again once the word has lapsed', () => {
    const typing = { buffer: 'ai', at: 1000 };
    expect(queueKeyAction('q', plain, typing, 1000 + TYPE_AHEAD_RESET_MS)).toBeNull();
    expect(queueKeyAction('q', plain, typing, 1001 + TYPE_AHEAD_RESET_MS)).toBe('end');
  });
});
