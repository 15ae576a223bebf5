import { describe, expect, it } from 'vitest';
import { OggLinkSplitter } from './oggLinkSplitter';

/** An Ogg page with `bodyLength` body bytes; flag 4 marks the last page of a link. */
function page(bodyLength: number, last: boolean, fill: number): Uint8Array {
  const lacing: number[] = [];
  for (let left = bodyLength; left >= 0; left -= 255) lacing.push(Math.min(left, 255));
  if (bodyLength === 0) lacing.length = 0;
  const header = [0x4f, 0x67, 0x67, 0x53, 0, last ? 4 : 0, ...new Array(20).fill(0), lacing.length];
  return Uint8Array.from([...header, ...lacing, ...new Array(bodyLength).fill(fill)]);
}

const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

/** Feeds `bytes` in slices of `size`, collecting each link's bytes as the splitter cuts them. */
function links(bytes: Uint8Array, size: number): number[][] {
  const found: number[][] = [[]];
  let splitter = new OggLinkSplitter();
  const push = (slice: Uint8Array) => {
    const split = splitter.push(slice);
    found[found.length - 1].push(...split.bytes);
    if (!split.linkEnded) return;
    found.push([]);
    splitter = new OggLinkSplitter();
    if (split.rest.length > 0) push(split.rest);
  };
  for (let offset = 0; offset < bytes.length; offset += size)
    push(bytes.subarray(offset, offset + size));
  return found;
}

describe('OggLinkSplitter', () => {
  const first = join(page(30, false, 1), page(600, false, 2), page(10, true, 3));
  const second = join(page(0, false, 0), page(300, true, 5));
  const chained = join(first, second);

  it('cuts a chained stream after each last page, for any slicing', () => {
    for (const size of [1, 7, 27, 28, 255, 4096]) {
      const got = links(chained, size);
      expect(
        got.map((l) => l.length),
        `slices of ${size}`,
      ).toEqual([first.length, second.length, 0]);
      expect(Uint8Array.from(got[0])).toEqual(first);
      expect(Uint8Array.from(got[1])).toEqual(second);
    }
  });

  it('passes bytes that are not Ogg pages through without cutting', () => {
    const junk = new Uint8Array(5000).fill(9);
    expect(links(join(junk, first), 100).map((l) => l.length)).toEqual([5000 + first.length]);
  });
});
