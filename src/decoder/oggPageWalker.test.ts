import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sliceAt } from '../../test/support/sliceAt';
import { oggTestPage as page } from '../../test/support/oggTestPage';
import { OggPageWalker, packetsEndingIn } from './oggPageWalker';

const PAGES = [page([30]), page([255, 255]), page([]), page([100, 255]), page([40, 0])];
const STREAM = Buffer.concat(PAGES);
const ENDS = PAGES.map((_, i) => PAGES.slice(0, i + 1).reduce((sum, p) => sum + p.length, 0));

describe('OggPageWalker', () => {
  it('finds every page end, with its header, however the stream is cut', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(STREAM.length)), (cuts) => {
        const walker = new OggPageWalker();
        const ends: number[] = [];
        const packets: number[] = [];
        let offset = 0;
        for (const piece of sliceAt(STREAM, cuts)) {
          for (let position = 0; position < piece.length;) {
            const step = walker.walk(piece, position);
            position = step.position;
            if (step.ended) {
              ends.push(offset + position);
              packets.push(packetsEndingIn(step.ended));
            }
          }
          offset += piece.length;
        }
        expect(ends).toEqual(ENDS);
        expect(packets).toEqual([1, 0, 0, 1, 2]);
        expect(walker.lost).toBe(false);
      }),
    );
  });

  it('is lost at bytes that are no Ogg page', () => {
    const walker = new OggPageWalker();
    expect(walker.walk(new Uint8Array(40).fill(0x41), 0).ended).toBeNull();
    expect(walker.lost).toBe(true);
  });
});
