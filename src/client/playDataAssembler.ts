import { FIELD_DELIMITER, MAX_DATA_BYTES, PACKET_END, type Packet } from '../protocol';
import {
  PLAY_PREFIX,
  SeedChunkReader,
  endsWith,
  startsWith,
  type AssembledItem,
} from './seedChunkReader';

export type { AssembledItem } from './seedChunkReader';

/** Song bytes recovered from play packets, or the end-of-song marker. */
export type PlayPiece = Exclude<AssembledItem, { kind: 'reply' }>;

/**
 * Sorts incoming packets into song bytes, the end-of-song marker and control replies.
 *
 * Our server's play bodies are `play<NEXT;>DATA<NEXT;>` with no whole delimiter in DATA, and a
 * play packet with no data is its end-of-song marker. The data is read from the body rather than
 * its fields, so a body cut short by an `<END;>` (a seed-era chunk, before the session knows the
 * server's kind) is put back together with the next body.
 *
 * With `seedFraming` on (the server answered `list` without metadata, so it is seed-era and sends
 * no marker) the packets go to a SeedChunkReader, which uses the seed's fixed chunk size to tell
 * a `<NEXT;><END;>` inside a chunk from the chunk's end.
 */
export class PlayDataAssembler {
  /** True while the previous packet's data was cut by an `<END;>` and continues. */
  private continuing = false;
  private seed: SeedChunkReader | null = null;

  constructor(
    seedFraming = false,
    private readonly seedChunkBytes = MAX_DATA_BYTES,
  ) {
    this.seedFraming = seedFraming;
  }

  get seedFraming(): boolean {
    return this.seed !== null;
  }

  set seedFraming(on: boolean) {
    if (on === this.seedFraming) return;
    this.seed = on ? new SeedChunkReader(this.seedChunkBytes) : null;
    this.continuing = false;
  }

  /** What `packet` holds: usually one item; with seed framing, held bytes may come out later. */
  take(packet: Packet): AssembledItem[] {
    if (this.seed) return this.seed.take(packet);
    let rest: Buffer;
    if (this.continuing) {
      rest = packet.body;
    } else if (startsWith(packet.body, PLAY_PREFIX)) {
      rest = packet.body.subarray(PLAY_PREFIX.length);
      if (rest.length === 0) return [{ kind: 'end' }];
    } else {
      return [{ kind: 'reply', packet }];
    }
    if (endsWith(rest, FIELD_DELIMITER)) {
      this.continuing = false;
      return [{ kind: 'data', bytes: rest.subarray(0, rest.length - FIELD_DELIMITER.length) }];
    }
    this.continuing = true;
    return [{ kind: 'data', bytes: Buffer.concat([rest, PACKET_END]) }];
  }
}
