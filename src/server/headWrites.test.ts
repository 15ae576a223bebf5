import { describe, expect, it } from 'vitest';
import { framePlayData, MAX_DATA_BYTES } from '../protocol';
import { HEAD_WRITE_BYTES, joinPieces, trimHead } from './headWrites';

const piece = (bytes: number, fill: number) => Buffer.alloc(bytes, fill);

describe('joinPieces', () => {
  it('joins consecutive pieces while they fit, in order, byte for byte', () => {
    const pieces = [piece(4, 1), piece(4, 2), piece(4, 3), piece(4, 4), piece(2, 5)];
    const writes = joinPieces(pieces, 8);
    expect(writes.map((w) => w.length)).toEqual([8, 8, 2]);
    expect(Buffer.concat(writes).equals(Buffer.concat(pieces))).toBe(true);
  });

  it('never cuts a piece: one larger than the bound is a write of its own', () => {
    const writes = joinPieces([piece(3, 1), piece(10, 2), piece(3, 3)], 8);
    expect(writes.map((w) => [w.length, w[0]])).toEqual([
      [3, 1],
      [10, 2],
      [3, 3],
    ]);
  });

  it('skips empty pieces and gives nothing for nothing', () => {
    expect(joinPieces([], 8)).toEqual([]);
    expect(joinPieces([piece(0, 0), piece(0, 0)], 8)).toEqual([]);
    expect(joinPieces([piece(0, 0), piece(5, 1)], 8).map((w) => w.length)).toEqual([5]);
  });

  it('writes at most fifteen packets at once: within one loopback TCP segment', () => {
    expect(HEAD_WRITE_BYTES).toBe(15 * 4096);
    expect(HEAD_WRITE_BYTES).toBeLessThanOrEqual(65_483);
  });
});

describe('trimHead', () => {
  /** `counts` batches of full packets (4,072 song bytes each), numbered from 0, as a stream frames them. */
  const framedBatches = (counts: number[]) => {
    let n = 0;
    const pieces = counts.map((count) =>
      framePlayData(Array.from({ length: count }, () => Buffer.alloc(MAX_DATA_BYTES, n++ % 250))),
    );
    return { pieces, coveredBytes: n * MAX_DATA_BYTES };
  };

  it('keeps the fewest packets that carry the bytes wanted, cut on a packet boundary', () => {
    const head = framedBatches([4, 4, 4, 4]);
    const trimmed = trimHead(head, 60_000);
    expect(trimmed.coveredBytes).toBe(15 * MAX_DATA_BYTES);
    expect(trimmed.pieces.map((piece) => piece.length)).toEqual([4, 4, 4, 3].map((n) => n * 4096));
    expect(
      Buffer.concat(trimmed.pieces).equals(Buffer.concat(head.pieces).subarray(0, 15 * 4096)),
    ).toBe(true);
    // Joined, a 320 kbit/s head of 1.5 s is then one write within a loopback segment.
    expect(joinPieces(trimmed.pieces, HEAD_WRITE_BYTES).map((w) => w.length)).toEqual([15 * 4096]);
  });

  it('counts short packets by the bytes they carry', () => {
    const pieces = [
      framePlayData([Buffer.alloc(100, 1), Buffer.alloc(MAX_DATA_BYTES, 2)]),
      framePlayData([Buffer.alloc(50, 3), Buffer.alloc(10, 4)]),
    ];
    const trimmed = trimHead(
      { pieces, coveredBytes: 100 + MAX_DATA_BYTES + 60 },
      100 + MAX_DATA_BYTES + 1,
    );
    expect(trimmed.coveredBytes).toBe(100 + MAX_DATA_BYTES + 50);
    expect(trimmed.pieces.length).toBe(2);
    expect(trimmed.pieces[1].length).toBe(50 + 24);
  });

  it('leaves a head alone when it holds no more than wanted, or its packets do not add up', () => {
    const head = framedBatches([4, 4]);
    expect(trimHead(head, 8 * MAX_DATA_BYTES)).toBe(head);
    expect(trimHead(head, 100 * MAX_DATA_BYTES)).toBe(head);
    expect(
      trimHead({ ...head, coveredBytes: head.coveredBytes + 1 }, 5 * MAX_DATA_BYTES).pieces,
    ).toBe(head.pieces);
    const torn = { pieces: [head.pieces[0].subarray(0, 5000)], coveredBytes: MAX_DATA_BYTES };
    expect(trimHead(torn, 10)).toBe(torn);
  });
});
