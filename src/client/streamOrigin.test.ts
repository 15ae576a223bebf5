import { describe, expect, it } from 'vitest';
import { FrameParser, serverMessages } from '../protocol';
import { parseStartPacket, settleOrigin } from './streamOrigin';

const packet = (bytes: Buffer) => new FrameParser(1 << 16).push(bytes)[0];

describe('parseStartPacket', () => {
  it('reads what the server announces, a negative first sample too', () => {
    expect(parseStartPacket(packet(serverMessages.streamStart(-1105, 44100, 529200)))).toEqual({
      kind: 'sample',
      firstSample: -1105,
      sampleRate: 44100,
      totalSamples: 529200,
    });
  });

  it('ignores malformed packets', () => {
    for (const text of [
      'start<NEXT;>1<NEXT;>0<NEXT;>5<NEXT;>',
      'start<NEXT;>x<NEXT;>1<NEXT;>5<NEXT;>',
      'start<NEXT;>1<NEXT;>',
    ]) {
      expect(parseStartPacket(packet(Buffer.from(`${text}<END;>`)))).toBeNull();
    }
  });
});

describe('settleOrigin', () => {
  const announced = { kind: 'sample', firstSample: 0, sampleRate: 8000, totalSamples: 8 } as const;
  it('prefers the announcement, else infers from the kind of server', () => {
    expect(settleOrigin(5, announced, false)).toBe(announced);
    expect(settleOrigin(5, null, true)).toEqual({ kind: 'file' });
    expect(settleOrigin(5, null, false)).toEqual({ kind: 'approximate' });
    expect(settleOrigin(5, null, null)).toEqual({ kind: 'approximate' });
    expect(settleOrigin(0, null, false)).toEqual({ kind: 'file' });
  });
});
