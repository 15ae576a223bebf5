import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameParser, PacketTooLargeError } from '../protocol';
import { PARSE_SLICE_BYTES, RequestInbox } from './requestInbox';

function drain(inbox: RequestInbox): string[] {
  const bodies: string[] = [];
  for (let packet = inbox.next(); packet; packet = inbox.next()) {
    bodies.push(packet.body.toString('latin1'));
  }
  return bodies;
}

describe('RequestInbox', () => {
  it('gives the packets a FrameParser gives, for any slicing', () => {
    const piece = fc.constantFrom(
      'list<NEXT;>',
      'play<NEXT;>1<NEXT;>',
      '<END;>',
      '<NE',
      'X;>',
      'a',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), fc.array(fc.nat(300)), (pieces, cuts) => {
        const bytes = Buffer.from(pieces.join(''), 'latin1');
        const expected = new FrameParser(1 << 20)
          .push(bytes)
          .map((packet) => packet.body.toString('latin1'));
        const inbox = new RequestInbox(1 << 20);
        const got: string[] = [];
        let at = 0;
        for (const cut of cuts) {
          inbox.push(bytes.subarray(at, at + cut));
          at = Math.min(bytes.length, at + cut);
          got.push(...drain(inbox));
        }
        inbox.push(bytes.subarray(at));
        got.push(...drain(inbox));
        expect(got).toEqual(expected);
      }),
    );
  });

  it('parses no further ahead than one slice of what was taken', () => {
    const inbox = new RequestInbox(1 << 20);
    const request = Buffer.from('list<NEXT;><END;>');
    inbox.push(Buffer.concat(Array<Buffer>(10_000).fill(request)));
    expect(inbox.next()?.type).toBe('list');
    expect(inbox.hasPending).toBe(true);
    // Everything but one slice is still raw bytes.
    expect(inbox.heldBytes).toBeGreaterThan(10_000 * request.length - PARSE_SLICE_BYTES - 1);
    expect(drain(inbox)).toHaveLength(9_999);
    expect(inbox.hasPending).toBe(false);
    expect(inbox.heldBytes).toBe(0);
  });

  it('reports a request begun, and throws when it outgrows the bound', () => {
    const inbox = new RequestInbox(100);
    inbox.push(Buffer.from('list<NEXT;><END;>pl'));
    expect(drain(inbox)).toEqual(['list<NEXT;>']);
    expect(inbox.partialBytes).toBe(2);
    inbox.push(Buffer.alloc(200, 'x'));
    expect(() => drain(inbox)).toThrow(PacketTooLargeError);
  });
});
