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
 * Any slicing of the same bytes yields the same packets. Memory is bounded by `maxPacketBytes`.
 */
export class FrameParser {
  private pending: Buffer = Buffer.alloc(0);
  /** Bytes of `pending` already searched for `<END;>`, so each byte is scanned about once. */
  private scanned = 0;

  constructor(private readonly maxPacketBytes: number) {}

  /** Returns the packets completed by `chunk`; throws PacketTooLargeError past the bound. */
  push(chunk: Uint8Array): Packet[] {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.pending = this.pending.length === 0 ? bytes : Buffer.concat([this.pending, bytes]);
    const packets: Packet[] = [];
    let start = 0;
    for (;;) {
      const from = Math.max(start, this.scanned - (PACKET_END.length - 1));
      const end = this.pending.indexOf(PACKET_END, from);
      if (end === -1) break;
      packets.push(decodePacketBody(this.pending.subarray(start, end)));
      start = end + PACKET_END.length;
      this.scanned = start;
    }
    this.pending = start === 0 ? this.pending : this.pending.subarray(start);
    this.scanned = this.pending.length;
    if (this.pending.length > this.maxPacketBytes) {
      this.pending = Buffer.alloc(0);
      this.scanned = 0;
      throw new PacketTooLargeError(this.maxPacketBytes);
    }
    return packets;
  }

  /** Bytes held for a packet not yet ended. */
  get bufferedBytes(): number {
    return this.pending.length;
  }
}
