import { DELIMITERS, MAX_DATA_BYTES } from './wireConstants';

const LONGEST_DELIMITER = Math.max(...DELIMITERS.map((d) => d.length));

/** The fewest bytes one push must bring for a default chunker to give out a full chunk. */
export const BYTES_FOR_ONE_CHUNK = MAX_DATA_BYTES + LONGEST_DELIMITER - 1;

/**
 * Where to end a chunk of `bytes` holding at most `limit` bytes so that no delimiter lies
 * whole inside it. A delimiter that would fit is cut one byte before its end: the chunk keeps
 * its head, the next chunk starts with its last byte, and neither holds it whole.
 */
export function safeCutPoint(bytes: Buffer, limit: number): number {
  let cut = Math.min(limit, bytes.length);
  for (const delimiter of DELIMITERS) {
    const at = bytes.subarray(0, cut).indexOf(delimiter);
    if (at !== -1) cut = Math.min(cut, at + delimiter.length - 1);
  }
  return cut;
}

/**
 * Turns a song's byte stream into play-packet payloads: each at most 4072 bytes, never empty,
 * never holding `<NEXT;>` or `<END;>` whole. Concatenated, they are exactly the input.
 */
export class DataChunker {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly maxChunkBytes = MAX_DATA_BYTES) {}

  push(chunk: Uint8Array): Buffer[] {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.pending = this.pending.length === 0 ? bytes : Buffer.concat([this.pending, bytes]);
    // Keep enough look-ahead to see a delimiter that straddles the chunk limit.
    return this.drain(this.maxChunkBytes + LONGEST_DELIMITER - 1);
  }

  /** Emits what is left at the end of the song. */
  flush(): Buffer[] {
    return this.drain(1);
  }

  private drain(keepAtLeast: number): Buffer[] {
    const out: Buffer[] = [];
    let start = 0;
    while (this.pending.length - start >= keepAtLeast) {
      const rest = this.pending.subarray(start);
      const cut = safeCutPoint(rest, this.maxChunkBytes);
      out.push(rest.subarray(0, cut));
      start += cut;
    }
    // A copy of the few bytes held back, so that they do not keep the whole input alive while a
    // stream waits (the emitted chunks still share it, but they are written and dropped).
    this.pending = Buffer.from(this.pending.subarray(start));
    return out;
  }
}
