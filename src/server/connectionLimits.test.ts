import { describe, expect, it } from 'vitest';
import {
  addressKey,
  decideAdmission,
  defaultMaxConnections,
  repliesOverBound,
  resolveConnectionLimits,
} from './connectionLimits';

describe('connection limits', () => {
  it('admits by default no more connections than half the open-file limit, less a reserve', () => {
    expect(defaultMaxConnections(1024)).toBe(480);
    expect(defaultMaxConnections(256)).toBe(96);
    expect(defaultMaxConnections(20_000)).toBe(512);
    expect(defaultMaxConnections(null)).toBe(512);
    expect(defaultMaxConnections(40)).toBe(16);
  });

  it('fills in defaults and keeps what is given', () => {
    const limits = resolveConnectionLimits({ maxConnectionsPerAddress: 3 }, 1024);
    expect(limits.maxConnections).toBe(480);
    expect(limits.maxConnectionsPerAddress).toBe(3);
    expect(limits.requestTimeoutMs).toBeLessThanOrEqual(60_000);
    expect(limits.maxQueuedReplyBytes).toBeGreaterThan(64 * 1024 + 16 * 1024);
    // A disconnected player held by a full buffer gets 30 s to read the host's error (§18.2.1).
    expect(limits.hostDisconnectCloseTimeoutMs).toBe(30_000);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a limit of %d', (value) => {
    expect(() => resolveConnectionLimits({ maxConnections: value }, null)).toThrow(RangeError);
  });

  it('refuses over the total cap first, then over the per-address cap', () => {
    const limits = resolveConnectionLimits(
      { maxConnections: 10, maxConnectionsPerAddress: 2 },
      null,
    );
    expect(decideAdmission(limits, 9, 1)).toEqual({ admit: true });
    expect(decideAdmission(limits, 10, 0)).toEqual({
      admit: false,
      reason: 'server busy: 10 connections open',
    });
    expect(decideAdmission(limits, 5, 2)).toEqual({
      admit: false,
      reason: 'too many connections from your address (2)',
    });
  });

  it('counts an IPv4-mapped IPv6 address as its IPv4 address', () => {
    expect(addressKey('::ffff:192.168.1.9')).toBe('192.168.1.9');
    expect(addressKey('192.168.1.9')).toBe('192.168.1.9');
    expect(addressKey('fe80::1')).toBe('fe80::1');
    expect(addressKey(undefined)).toBe('unknown');
  });

  it('holds requests back only once a write has filled the queue to the bound', () => {
    expect(repliesOverBound({ writableNeedDrain: true, writableLength: 1024 }, 1024)).toBe(true);
    expect(repliesOverBound({ writableNeedDrain: true, writableLength: 1023 }, 1024)).toBe(false);
    // No 'drain' would come to read them again.
    expect(repliesOverBound({ writableNeedDrain: false, writableLength: 4096 }, 1024)).toBe(false);
  });
});
