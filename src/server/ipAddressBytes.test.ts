import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIPv6, normalizeAddress, parseIPv4, parseIPv6 } from './ipAddressBytes';

describe('IP address bytes', () => {
  it('writes IPv6 as Node reports it (RFC 5952, IPv4-mapped as dotted)', () => {
    expect(formatIPv6(parseIPv6('2001:0db8:0000:0000:0000:0000:0000:0001'))).toBe('2001:db8::1');
    expect(formatIPv6(parseIPv6('::'))).toBe('::');
    expect(formatIPv6(parseIPv6('::1'))).toBe('::1');
    expect(formatIPv6(parseIPv6('1:0:0:2:0:0:0:3'))).toBe('1:0:0:2::3');
    expect(formatIPv6(parseIPv6('1:0:2:3:4:5:6:7'))).toBe('1:0:2:3:4:5:6:7');
    expect(formatIPv6(parseIPv6('::ffff:127.0.0.1'))).toBe('::ffff:127.0.0.1');
  });

  it('round-trips any 16 bytes through text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        expect(parseIPv6(formatIPv6(bytes))).toEqual(Buffer.from(bytes));
      }),
    );
  });

  it('normalizes so a configured address equals what a socket reports', () => {
    expect(normalizeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeAddress('127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeAddress('2001:DB8:0::1')).toBe('2001:db8::1');
    expect(() => parseIPv4('1.2.3')).toThrow(RangeError);
    expect(() => parseIPv6('nope')).toThrow(RangeError);
  });
});
