import { describe, expect, it } from 'vitest';
import type { ListenerInfo } from '../shared/listenerInfo';
import { formatBytes, formatConnectedFor } from '../shared/listenerFormat';
import { formatListenersTable } from './listenersTable';

const row = (over: Partial<ListenerInfo>): ListenerInfo => ({
  id: 1,
  address: '192.168.1.20',
  port: 50122,
  name: null,
  songId: null,
  songTitle: null,
  since: 0,
  bytesSent: 0,
  ...over,
});

describe('formatListenersTable', () => {
  it('says when nobody listens', () => {
    expect(formatListenersTable([], 0)).toEqual(['Listeners: none']);
  });

  it('lines up one row per listener under a header', () => {
    const lines = formatListenersTable(
      [
        row({
          id: 3,
          name: 'Kitchen',
          songId: 2,
          songTitle: 'Night Ferry',
          since: 0,
          bytesSent: 1_234_567,
        }),
        row({ id: 12, address: '2001:db8::7', port: 443, since: 3_000_000 }),
      ],
      3_725_000,
    );
    expect(lines).toEqual([
      'Listeners: 2',
      '  ID  ADDRESS             NAME     PLAYING        FOR      SENT',
      '  3   192.168.1.20:50122  Kitchen  2 Night Ferry  1:02:05  1.2 MB',
      '  12  [2001:db8::7]:443   -        -              12:05    0 B',
    ]);
  });

  it('prints what peers named safely, cut to its column', () => {
    const [, , line] = formatListenersTable(
      [row({ name: '\u001b]0;pwned\u0007' + 'x'.repeat(40), songId: 0, songTitle: '\u009b2J' })],
      0,
    );
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(line).toContain('\ufffd]0;pwned\ufffd' + 'x'.repeat(9) + '…');
  });
});

describe('formatBytes and formatConnectedFor', () => {
  it('reads like a network tool', () => {
    expect([999, 1000, 15_400, 2_500_000_000].map(formatBytes)).toEqual([
      '999 B',
      '1.0 kB',
      '15 kB',
      '2.5 GB',
    ]);
    expect(formatConnectedFor(10_000, 17_900)).toBe('0:07');
    expect(formatConnectedFor(5_000, 0)).toBe('0:00');
  });
});
