import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decidePreamble } from './proxyPreamble';
import { encodeProxyV2 } from './proxyProtocolV2';

const request = Buffer.from('list<NEXT;><END;>');
const forwarded = encodeProxyV2({
  command: 'proxy',
  source: { address: '198.51.100.9', port: 40000 },
  destination: { address: '192.0.2.1', port: 7000 },
});

describe('decidePreamble', () => {
  it('from the balancer: takes the client from the header and hands on the bytes after it', () => {
    expect(decidePreamble(Buffer.concat([forwarded, request]), true)).toEqual({
      action: 'accept',
      peer: { address: '198.51.100.9', port: 40000 },
      healthCheck: false,
      rest: request,
    });
  });

  it('from the balancer: a LOCAL header is a health check on the real endpoints', () => {
    expect(decidePreamble(encodeProxyV2({ command: 'local' }), true)).toEqual({
      action: 'accept',
      peer: null,
      healthCheck: true,
      rest: Buffer.alloc(0),
    });
  });

  it('from the balancer: refuses a connection without a header, or with a bad one', () => {
    expect(decidePreamble(request, true)).toEqual({
      action: 'refuse',
      reason: 'came from the balancer without a PROXY v2 header',
    });
    const badVersion = Buffer.from(forwarded);
    badVersion[12] = 0x31;
    expect(decidePreamble(badVersion, true)).toMatchObject({ action: 'refuse' });
  });

  it('from elsewhere: passes plain requests, refuses anything that carries a header', () => {
    expect(decidePreamble(request, false)).toEqual({
      action: 'accept',
      peer: null,
      healthCheck: false,
      rest: request,
    });
    for (const header of [forwarded, encodeProxyV2({ command: 'local' }), Buffer.from('PROXY ')]) {
      expect(decidePreamble(header, false)).toEqual({
        action: 'refuse',
        reason: 'sent a PROXY header but is not the configured balancer',
      });
    }
  });

  it('waits on every prefix of a header, from anyone, and decides on the whole', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: 0, max: forwarded.length - 1 }),
        (fromBalancer, cut) => {
          expect(decidePreamble(forwarded.subarray(0, cut), fromBalancer)).toEqual({
            action: 'wait',
          });
          expect(decidePreamble(forwarded, fromBalancer).action).toBe(
            fromBalancer ? 'accept' : 'refuse',
          );
        },
      ),
    );
  });
});
