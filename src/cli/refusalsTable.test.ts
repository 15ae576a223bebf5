import { describe, expect, it } from 'vitest';
import type { RefusalInfo } from '../shared/refusalInfo';
import { formatRefusals } from './refusalsTable';

const row = (over: Partial<RefusalInfo>): RefusalInfo => ({
  address: '203.0.113.5',
  count: 1,
  reason: 'wrong-code',
  lastAt: 100_000,
  delayMs: 0,
  cappedUntil: null,
  ...over,
});

describe('formatRefusals', () => {
  it('says when nobody was refused', () => {
    expect(formatRefusals([], 0)).toEqual(['Refused: none']);
  });

  it('gives the reason, the count, and the delay or the cap while it lasts', () => {
    const now = 112_000;
    expect(
      formatRefusals(
        [
          row({ count: 3, delayMs: 8_000 }),
          row({ address: '2001:db8::7', count: 11, reason: 'too-many', cappedUntil: 164_500 }),
          row({ address: '198.51.100.9', reason: 'no-proof', lastAt: 40_000 }),
          row({ address: '198.51.100.10', count: 10, cappedUntil: 111_000, delayMs: 500 }),
        ],
        now,
      ),
    ).toEqual([
      'Refused: 203.0.113.5 — wrong access code ×3, waiting 8 s (0:12 ago)',
      'Refused: 2001:db8::7 — too many wrong codes ×11, blocked for 53 s (0:12 ago)',
      'Refused: 198.51.100.9 — no access code ×1 (1:12 ago)',
      // The cap has passed: the delay the last one got is what is left to say.
      'Refused: 198.51.100.10 — wrong access code ×10, waiting 1 s (0:12 ago)',
    ]);
  });

  it('prints an address from a peer without control characters', () => {
    const [line] = formatRefusals([row({ address: '10.0.0.1\u001b[2J\u009b31m\n' })], 100_000);
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(line).toContain('10.0.0.1');
  });
});
