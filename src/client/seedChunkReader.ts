import { FIELD_DELIMITER, MAX_DATA_BYTES, PACKET_END, PacketType, type Packet } from '../protocol';

/** What a packet turned out to be: song bytes, our end-of-song marker, or a control reply. */
export type AssembledItem =
  { kind: 'data'; bytes: Buffer } | { kind: 'end' } | { kind: 'reply'; packet: Packet };

const ascii = (text: string) => Buffer.from(text, 'latin1');
export const PLAY_PREFIX = Buffer.concat([ascii(PacketType.Play), FIELD_DELIMITER]);
const CUT = Buffer.concat([FIELD_DELIMITER, PACKET_END]);
/** Bodies a seed-era server sends besides play packets (and error, for a server that has it). */
const WHOLE_REPLIES = [PacketType.Stop, PacketType.Quit].map((t) => ascii(`${t}<NEXT;>`));
const REPLY_PREFIXES = [PacketType.List, PacketType.Error].map((t) => ascii(`${t}<NEXT;>`));

type State =
  | { kind: 'idle' }
  /** Inside a chunk, `offset` data bytes in; the last `<END;>` was certainly data. */
  | { kind: 'chunk'; offset: number }
  /**
   * The last body ended with `<NEXT;>` `offset` data bytes in, short of a full chunk: the end of
   * a song's last chunk, or a `<NEXT;><END;>` inside a chunk.
   */
  | { kind: 'maybeEnded'; offset: number };

/**
 * Recovers song bytes from a seed-era server, which sends each song as raw `chunkBytes`-byte
 * chunks (4,072), the last one shorter, framed `play<NEXT;>CHUNK<NEXT;><END;>` with no care for
 * delimiters inside (docs/PROTOCOL.md §2.4).
 *
 * Every chunk but a song's last is full, so a `<NEXT;><END;>` exactly `chunkBytes` data bytes
 * after the header is the chunk's end. One earlier is the end of the song's last chunk only if
 * a reply follows it: after a song's last chunk a seed-era server sends nothing until asked, and
 * our session asks for the next song only after the stop reply that ends this one. Any other
 * bytes after it continue the chunk, as long as they fit in it.
 */
export class SeedChunkReader {
  private state: State = { kind: 'idle' };

  constructor(private readonly chunkBytes = MAX_DATA_BYTES) {}

  take(packet: Packet): AssembledItem[] {
    const out: AssembledItem[] = [];
    this.step(packet, out);
    return out;
  }

  private step(packet: Packet, out: AssembledItem[]): void {
    const { state } = this;
    const { body } = packet;
    if (state.kind === 'chunk') {
      this.segment(body, state.offset, out);
    } else if (state.kind === 'maybeEnded' && !isReply(body) && this.fits(state.offset, body)) {
      out.push({ kind: 'data', bytes: CUT }); // the cut was song data
      this.segment(body, state.offset + CUT.length, out);
    } else if (startsWith(body, PLAY_PREFIX)) {
      this.segment(body.subarray(PLAY_PREFIX.length), 0, out);
    } else {
      this.state = { kind: 'idle' };
      out.push({ kind: 'reply', packet });
    }
  }

  /** Whether the cut at `offset` and then `body`, as data, still fit in one chunk. */
  private fits(offset: number, body: Buffer): boolean {
    const ended = endsWith(body, FIELD_DELIMITER);
    const length = ended ? body.length - FIELD_DELIMITER.length : body.length + PACKET_END.length;
    return offset + CUT.length + length <= this.chunkBytes;
  }

  /** `body` continues a chunk `offset` data bytes in. */
  private segment(body: Buffer, offset: number, out: AssembledItem[]): void {
    if (endsWith(body, FIELD_DELIMITER)) {
      const end = offset + body.length - FIELD_DELIMITER.length;
      out.push({ kind: 'data', bytes: body.subarray(0, body.length - FIELD_DELIMITER.length) });
      // At (or, not being seed framing, past) a full chunk's size the chunk has surely ended.
      this.state = end < this.chunkBytes ? { kind: 'maybeEnded', offset: end } : { kind: 'idle' };
      return;
    }
    out.push({ kind: 'data', bytes: Buffer.concat([body, PACKET_END]) });
    this.state = { kind: 'chunk', offset: offset + body.length + PACKET_END.length };
  }
}

function isReply(body: Buffer): boolean {
  return (
    WHOLE_REPLIES.some((reply) => body.equals(reply)) ||
    REPLY_PREFIXES.some((prefix) => startsWith(body, prefix))
  );
}

export function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}

export function endsWith(bytes: Buffer, suffix: Buffer): boolean {
  return (
    bytes.length >= suffix.length && bytes.subarray(bytes.length - suffix.length).equals(suffix)
  );
}
