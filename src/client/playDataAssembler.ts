import { FIELD_DELIMITER, PACKET_END, PacketType, type Packet } from '../protocol';

/** Song bytes recovered from one packet, or the end-of-song marker. */
export type PlayPiece = { kind: 'data'; bytes: Buffer } | { kind: 'end' };

const PLAY_PREFIX = Buffer.concat([Buffer.from(PacketType.Play, 'latin1'), FIELD_DELIMITER]);

/**
 * Recovers song bytes from play packets, including those of a seed-era server, which sends raw
 * 4072-byte chunks that may hold delimiter bytes. The data is read from the packet body, not its
 * fields: body minus the leading `play<NEXT;>` and the trailing `<NEXT;>`, so an inner `<NEXT;>`
 * survives. A body that does not end with `<NEXT;>` was cut short by an `<END;>` inside the data:
 * the `<END;>` is put back and the next packet bodies continue the data until one ends with
 * `<NEXT;>`.
 *
 * Ambiguous with seed framing, and so not recovered: data holding `<NEXT;><END;>` (the cut looks
 * like a complete packet). Our own server never puts a whole delimiter in a chunk, so none of
 * this applies to it.
 *
 * A play packet with no data is our server's end-of-song marker. With `seedFraming` on (the
 * server answered `list` without metadata, so it is seed-era and sends no marker) it is instead a
 * chunk that began with `<END;>`.
 */
export class PlayDataAssembler {
  /** True while the previous packet's data was cut by an `<END;>` and continues. */
  private continuing = false;

  constructor(public seedFraming = false) {}

  /** The song bytes or marker in `packet`, or null when it is not play data (a control reply). */
  take(packet: Packet): PlayPiece | null {
    let rest: Buffer;
    if (this.continuing) {
      rest = packet.body;
    } else if (packet.body.subarray(0, PLAY_PREFIX.length).equals(PLAY_PREFIX)) {
      rest = packet.body.subarray(PLAY_PREFIX.length);
      if (rest.length === 0 && !this.seedFraming) return { kind: 'end' };
    } else {
      return null;
    }
    if (endsWith(rest, FIELD_DELIMITER)) {
      this.continuing = false;
      return { kind: 'data', bytes: rest.subarray(0, rest.length - FIELD_DELIMITER.length) };
    }
    this.continuing = true;
    return { kind: 'data', bytes: Buffer.concat([rest, PACKET_END]) };
  }
}

function endsWith(bytes: Buffer, suffix: Buffer): boolean {
  return (
    bytes.length >= suffix.length && bytes.subarray(bytes.length - suffix.length).equals(suffix)
  );
}
