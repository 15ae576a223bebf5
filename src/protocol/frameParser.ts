import type { Packet } from './packetTypes';
import { FIELD_DELIMITER, PACKET_END } from './wireConstants';

export class PacketTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`Peer sent more than ${limitBytes} bytes without an end marker`);
    this.name = 'PacketTooLargeError';
  }
}

/** Splits a packet body (the bytes before `<END;>`) into fields. */
export function splitFields(body: Buffer): Buffer[] {
  const fields: Buffer[] = [];
  let start = 0;
  for (;;) {
    const at = body.indexOf(FIELD_DELIMITER, start);
    if (at === -1) break;
    fields.push(body.subarray(start, at));
    start = at + FIELD_DELIMITER.length;
  }
  // The seed ends every field with a delimiter; tolerate a last field without one.
  if (start < body.length) fields.push(body.subarray(start));
  return fields;
}

export function decodePacketBody(body: Buffer): Packet {
  const fields = splitFields(body);
  const type = fields.length > 0 ? fields[0].toString('latin1') : '';
  return { type, fields, body };
}

/**
 * Incremental parser: feed it the stream in pieces of any size and it returns whole packets.
 * Any slicing of the same bytes yields the same packets, and the same refusal: a body (the bytes
 * before `<END;>`) longer than `maxPacketBytes` throws, wherever the pieces were cut. Memory is
 * bounded by `maxPacketBytes` and an end marker's length.
 * Pieces of an unfinished packet are kept in a list and joined once, when its end arrives, so a
 * large packet costs linear time however finely it is split.
 */
export class FrameParser {
  private pieces: Buffer[] = [];
  private pendingLength = 0;

  constructor(private readonly maxPacketBytes: number) {}

  /** Returns the packets completed by `chunk`; throws PacketTooLargeError past the bound. */
  push(chunk: Uint8Array): Packet[] {
    let data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const packets: Packet[] = [];
    for (;;) {
      // An end marker may begin in the last few held bytes, so search them with the new data.
      const tail = this.tail(PACKET_END.length - 1);
      const window = tail.length > 0 ? Buffer.concat([tail, data]) : data;
      const at = window.indexOf(PACKET_END);
      if (at === -1) break;
      const bodyEndInData = at - tail.length;
      const held = this.takePending();
      const body =
        bodyEndInData >= 0
          ? Buffer.concat([held, data.subarray(0, bodyEndInData)])
          : held.subarray(0, held.length + bodyEndInData);
      // The bound is on the body, however the bytes came: a body over it that ended within
      // the same piece is refused as one still waiting would be. (Its piece then held no
      // earlier packet: the body began more than the bound before, and pieces are smaller.)
      if (body.length > this.maxPacketBytes) throw new PacketTooLargeError(this.maxPacketBytes);
      packets.push(decodePacketBody(body));
      data = data.subarray(bodyEndInData + PACKET_END.length);
    }
    if (data.length > 0) {
      this.pieces.push(data);
      this.pendingLength += data.length;
    }
    // Up to an end marker's length less one of what is held may be the start of its `<END;>`,
    // not body: only past that is the body surely over the bound.
    if (this.pendingLength > this.maxPacketBytes + PACKET_END.length - 1) {
      this.takePending();
      throw new PacketTooLargeError(this.maxPacketBytes);
    }
    return packets;
  }

  /** Bytes held for a packet not yet ended. */
  get bufferedBytes(): number {
    return this.pendingLength;
  }

  private tail(length: number): Buffer {
    const parts: Buffer[] = [];
    let collected = 0;
    for (let i = this.pieces.length - 1; i >= 0 && collected < length; i -= 1) {
      parts.unshift(this.pieces[i]);
      collected += this.pieces[i].length;
    }
    const joined = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    return joined.subarray(Math.max(0, joined.length - length));
  }

  private takePending(): Buffer {
    const held = this.pieces.length === 1 ? this.pieces[0] : Buffer.concat(this.pieces);
    this.pieces = [];
    this.pendingLength = 0;
    return held;
  }
}
