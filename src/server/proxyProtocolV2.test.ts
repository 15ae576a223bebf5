import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIPv4, formatIPv6 } from './ipAddressBytes';
import {
  DEFAULT_MAX_PROXY_HEADER_BYTES,
  encodeProxyV2,
  parseProxyV2,
  PROXY_V2_SIGNATURE,
} from './proxyProtocolV2';

const ipv4 = fc.uint8Array({ minLength: 4, maxLength: 4 }).map(formatIPv4);
const ipv6 = fc.uint8Array({ minLength: 16, maxLength: 16 }).map(formatIPv6);
const port = fc.integer({ min: 0, max: 65535 });
const endpointPair = fc.oneof(ipv4, ipv6).chain((source) =>
  fc.record({
    source: fc.record({ address: fc.constant(source), port }),
    destination: fc.record({ address: source.includes(':') ? ipv6 : ipv4, port }),
  }),
);
const tlvBytes = fc.uint8Array({ maxLength: 200 });
const trailing = fc.uint8Array({ maxLength: 100 });

function fixed(versionCommand: number, familyTransport: number, length: number): Buffer {
  const bytes = Buffer.from([versionCommand, familyTransport, 0, 0]);
  bytes.writeUInt16BE(length, 2);
  return Buffer.concat([PROXY_V2_SIGNATURE, bytes]);
}

describe('parseProxyV2', () => {
  it('reads the client and the listener from a TCP/IPv4 header, as HAProxy sends it', () => {
    const header = Buffer.concat([
      fixed(0x21, 0x11, 12),
      Buffer.from([203, 0, 113, 7, 10, 0, 0, 2, 0xc3, 0x50, 0x1f, 0x90]),
    ]);
    expect(parseProxyV2(Buffer.concat([header, Buffer.from('list<NEXT;><END;>')]))).toEqual({
      kind: 'header',
      header: {
        command: 'proxy',
        source: { address: '203.0.113.7', port: 50000 },
        destination: { address: '10.0.0.2', port: 8080 },
        headerBytes: 28,
      },
    });
  });

  it('reads IPv6 addresses in the form Node reports them', () => {
    const header = encodeProxyV2({
      command: 'proxy',
      source: { address: '2001:db8::1', port: 1 },
      destination: { address: '::ffff:10.1.2.3', port: 2 },
    });
    const parsed = parseProxyV2(header);
    expect(parsed).toMatchObject({
      kind: 'header',
      header: { source: { address: '2001:db8::1' }, destination: { address: '::ffff:10.1.2.3' } },
    });
    expect(header.length).toBe(52);
  });

  it('takes LOCAL (a health check) without addresses, whatever its address block says', () => {
    expect(parseProxyV2(encodeProxyV2({ command: 'local' }))).toEqual({
      kind: 'header',
      header: { command: 'local', headerBytes: 16 },
    });
    const withBlock = Buffer.concat([fixed(0x20, 0x11, 5), Buffer.from([1, 2, 3, 4, 5])]);
    expect(parseProxyV2(withBlock)).toEqual({
      kind: 'header',
      header: { command: 'local', headerBytes: 21 },
    });
  });

  it('falls back to the real endpoints for UNSPEC, UNIX and UDP, as the specification says', () => {
    for (const familyTransport of [0x00, 0x31, 0x12, 0x22]) {
      const block = Buffer.alloc(familyTransport === 0x31 ? 216 : 36);
      const parsed = parseProxyV2(
        Buffer.concat([fixed(0x21, familyTransport, block.length), block]),
      );
      expect(parsed).toEqual({
        kind: 'header',
        header: {
          command: 'proxy',
          source: null,
          destination: null,
          headerBytes: 16 + block.length,
        },
      });
    }
  });

  it('refuses another version or command, short address blocks, and the text form v1', () => {
    const block = Buffer.alloc(12);
    expect(parseProxyV2(Buffer.concat([fixed(0x11, 0x11, 12), block]))).toMatchObject({
      kind: 'invalid',
      reason: 'PROXY header version 1, not 2',
    });
    expect(parseProxyV2(Buffer.concat([fixed(0x22, 0x11, 12), block]))).toMatchObject({
      kind: 'invalid',
    });
    expect(parseProxyV2(Buffer.concat([fixed(0x21, 0x11, 11), block.subarray(0, 11)]))).toEqual({
      kind: 'invalid',
      reason: 'PROXY header too short for its addresses (11 bytes)',
    });
    expect(parseProxyV2(Buffer.concat([fixed(0x21, 0x21, 35), Buffer.alloc(35)]))).toMatchObject({
      kind: 'invalid',
    });
    expect(parseProxyV2(Buffer.from('PROXY TCP4 1.2.3.4 5.6.7.8 1 2\r\n'))).toMatchObject({
      kind: 'invalid',
      reason: 'PROXY protocol v1 header; only v2 is accepted',
    });
    expect(parseProxyV2(Buffer.from('PROX'))).toEqual({ kind: 'incomplete' });
  });

  it('refuses an oversized header from its length field, before its bytes arrive', () => {
    const declared = DEFAULT_MAX_PROXY_HEADER_BYTES - 16 + 1;
    expect(parseProxyV2(fixed(0x21, 0x11, declared))).toEqual({
      kind: 'invalid',
      reason: `PROXY header of ${declared + 16} bytes (most ${DEFAULT_MAX_PROXY_HEADER_BYTES})`,
    });
    expect(parseProxyV2(fixed(0x21, 0x11, 0xffff), 100)).toMatchObject({ kind: 'invalid' });
  });

  it('says absent for protocol requests and for any change to the signature', () => {
    expect(parseProxyV2(Buffer.from('list<NEXT;><END;>'))).toEqual({ kind: 'absent' });
    expect(parseProxyV2(Buffer.from('play<NEXT;>0<NEXT;><END;>'))).toEqual({ kind: 'absent' });
    const header = encodeProxyV2({ command: 'local' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const changed = Buffer.from(header);
        changed[at] ^= flip;
        const parsed = parseProxyV2(changed);
        // 'P' as the first byte starts like v1 and needs more bytes to tell.
        return changed[0] === 0x50 ? parsed.kind !== 'header' : parsed.kind === 'absent';
      }),
    );
  });

  it('round-trips any TCP endpoints with TLVs, and leaves the bytes after the header alone', () => {
    fc.assert(
      fc.property(endpointPair, tlvBytes, trailing, (pair, tlvs, after) => {
        const header = encodeProxyV2({ command: 'proxy', ...pair, tlvBytes: tlvs });
        const parsed = parseProxyV2(Buffer.concat([header, after]));
        expect(parsed).toEqual({
          kind: 'header',
          header: { command: 'proxy', ...pair, headerBytes: header.length },
        });
      }),
    );
  });

  it('says incomplete for every truncation of a valid header', () => {
    fc.assert(
      fc.property(
        endpointPair,
        tlvBytes,
        fc.double({ min: 0, max: 1, maxExcluded: true }),
        (pair, tlvs, cut) => {
          const header = encodeProxyV2({ command: 'proxy', ...pair, tlvBytes: tlvs });
          const truncated = header.subarray(0, Math.floor(cut * header.length));
          expect(parseProxyV2(truncated)).toEqual({ kind: 'incomplete' });
        },
      ),
    );
  });

  it('never throws on arbitrary bytes, and a header it finds fits in them and in the bound', () => {
    const signatureThenAnything = fc
      .uint8Array({ maxLength: 120 })
      .map((rest) => Buffer.concat([PROXY_V2_SIGNATURE, rest]));
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 64 }), signatureThenAnything),
        fc.integer({ min: 16, max: 200 }),
        (bytes, max) => {
          const parsed = parseProxyV2(bytes, max);
          if (parsed.kind === 'header') {
            expect(parsed.header.headerBytes).toBeLessThanOrEqual(Math.min(bytes.length, max));
          }
        },
      ),
    );
  });
});
