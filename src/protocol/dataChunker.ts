import { DELIMITERS, MAX_DATA_BYTES } from './wireConstants';

const LONGEST_DELIMITER = Math.max(...DELIMITERS.map((d) => d.length));
/** Nothing held back; never written to, so one serves every chunker. */
const EMPTY = Buffer.alloc(0);

/** The fewest bytes one push must bring for a default chunker to give out a full chunk. */
export const BYTES_FOR_ONE_CHUNK = MAX_DATA_BYTES + LONGEST_DELIMITER - 1;

/** Every delimiter ends with these two bytes, so one search finds them all (see safeCutPoint). */
const DELIMITER_TAIL = Buffer.from(';>', 'latin1');
const DELIMITER_HEADS = DELIMITERS.map((d) => d.subarray(0, d.length - DELIMITER_TAIL.length));

/** Whether a whole delimiter ends at `end` (exclusive) in `bytes`, whose `end - 2` holds ';>'. */
function delimiterEndsAt(bytes: Buffer, end: number): boolean {
  const tailAt = end - DELIMITER_TAIL.length;
  return DELIMITER_HEADS.some(
    (head) =>
      tailAt >= head.length &&
      bytes.compare(head, 0, head.length, tailAt - head.length, tailAt) === 0,
  );
}

/**
 * Where to end a chunk of `bytes` holding at most `limit` bytes so that no delimiter lies
 * whole inside it. A delimiter that would fit is cut one byte before its end: the chunk keeps
 * its head, the next chunk starts with its last byte, and neither holds it whole. One scan:
 * every delimiter ends in ';>', which is rare in audio, and only there are the heads compared.
 */
export function safeCutPoint(bytes: Buffer, limit: number): number {
  const cut = Math.min(limit, bytes.length);
  // Only the bytes before the cut are searched: a batch is cut into several chunks, and a
  // search to the end of what is left each time read the batch several times over.
  const within = cut < bytes.length ? bytes.subarray(0, cut) : bytes;
  for (let at = within.indexOf(DELIMITER_TAIL); at !== -1;) {
    if (delimiterEndsAt(bytes, at + 2)) return at + 1;
    at = within.indexOf(DELIMITER_TAIL, at + 1);
  }
  return cut;
}

export interface DataChunkerOptions {
  /**
   * Keep the held-back bytes, and the one chunk a push joins from them and new bytes, in two
   * buffers allocated once per chunker (about 12 KB) instead of new ones each push: a paced
   * stream pushes several times a second, and those allocations were about 12 KB per push for
   * the collector. A chunk is then good only until the next `push()` or `flush()`: frame it first.
   */
  reuseBuffers?: boolean;
}

/**
 * Turns a song's byte stream into play-packet payloads: each at most 4072 bytes, never empty,
 * never holding `<NEXT;>` or `<END;>` whole. Concatenated, they are exactly the input. Where
 * each chunk ends depends only on the song's bytes, never on how they were pushed: a chunk is
 * given out only once the bytes after it are known too, so every full chunk is a full 4072.
 */
export class DataChunker {
  /** Bytes held back from the last push (fewer than a chunk and its look-ahead). */
  private pending: Buffer = EMPTY;
  /** With `reuseBuffers`: where held-back bytes are kept, and where a straddling chunk is joined. */
  private held: Buffer | null = null;
  private joinArea: Buffer | null = null;
  private readonly reuse: boolean;

  constructor(
    private readonly maxChunkBytes = MAX_DATA_BYTES,
    options: DataChunkerOptions = {},
  ) {
    this.reuse = options.reuseBuffers === true;
  }

  /** Bytes held back, waiting for more input or flush(). */
  get pendingBytes(): number {
    return this.pending.length;
  }

  /**
   * The chunks that `chunk` completes. They may share `chunk`'s memory: frame or copy them
   * before the caller reuses it. What is held back is copied.
   */
  push(chunk: Uint8Array): Buffer[] {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    // Keep enough look-ahead to see a delimiter that straddles the chunk limit.
    return this.drain(bytes, this.maxChunkBytes + LONGEST_DELIMITER - 1);
  }

  /** Emits what is left at the end of the song. */
  flush(): Buffer[] {
    return this.drain(EMPTY, 1);
  }

  private drain(bytes: Buffer, keepAtLeast: number): Buffer[] {
    const out: Buffer[] = [];
    let start = 0;
    // Only the chunk that straddles the held-back bytes and the new ones is joined (a copy of
    // at most two chunks); every other chunk is a view of `bytes`.
    while (this.pending.length > 0 && this.pending.length + bytes.length - start >= keepAtLeast) {
      const joined = this.join(bytes.subarray(start, start + this.maxChunkBytes));
      const cut = safeCutPoint(joined, this.maxChunkBytes);
      if (cut >= this.pending.length) {
        out.push(joined.subarray(0, cut));
        start += cut - this.pending.length;
        this.pending = EMPTY;
      } else {
        // A delimiter within the held-back bytes (rare): the next join reuses the join area.
        out.push(this.reuse ? Buffer.from(joined.subarray(0, cut)) : joined.subarray(0, cut));
        this.pending = this.pending.subarray(cut);
      }
    }
    if (this.pending.length > 0) {
      this.pending = this.hold(this.pending, bytes.subarray(start));
      return out;
    }
    while (bytes.length - start >= keepAtLeast) {
      const rest = bytes.subarray(start);
      const cut = safeCutPoint(rest, this.maxChunkBytes);
      out.push(rest.subarray(0, cut));
      start += cut;
    }
    // A copy of the few bytes held back, so that they do not keep the whole input alive while a
    // stream waits, and the caller may reuse it.
    this.pending = this.hold(EMPTY, bytes.subarray(start));
    return out;
  }

  /** The held-back bytes followed by `next`: a new buffer, or the reused join area. */
  private join(next: Buffer): Buffer {
    if (!this.reuse) return Buffer.concat([this.pending, next]);
    this.joinArea ??= Buffer.allocUnsafeSlow(2 * this.maxChunkBytes + LONGEST_DELIMITER);
    this.joinArea.set(this.pending, 0);
    this.joinArea.set(next, this.pending.length);
    return this.joinArea.subarray(0, this.pending.length + next.length);
  }

  /** `first` then `second` (together under a chunk and its look-ahead), kept for the next push. */
  private hold(first: Buffer, second: Buffer): Buffer {
    if (!this.reuse) {
      return first.length === 0 ? Buffer.from(second) : Buffer.concat([first, second]);
    }
    const length = first.length + second.length;
    this.held ??= Buffer.allocUnsafeSlow(this.maxChunkBytes + LONGEST_DELIMITER);
    // `first` may be a view of `held` itself, at an offset: copyWithin handles the overlap.
    if (first.length > 0 && first.buffer === this.held.buffer) {
      this.held.copyWithin(
        0,
        first.byteOffset - this.held.byteOffset,
        first.byteOffset - this.held.byteOffset + first.length,
      );
    } else {
      this.held.set(first, 0);
    }
    this.held.set(second, first.length);
    return this.held.subarray(0, length);
  }
}
