import { FrameParser, PACKET_END } from '../protocol';
import { UNPACED_BATCH_BYTES } from './streamPacer';

/**
 * Most bytes one write of a cached song head holds (songHeadCache.ts). A thousand listeners
 * starting at once each get their head right after their open, and each write is a socket write
 * (and the loopback's delivery of it) per listener in that instant: profiles of the storm had
 * the socket writes as its largest item. Fifteen packets (60 KiB), as an unpaced batch: within
 * one loopback TCP segment (65,483 bytes), so a seed-era client, which takes each 4,096-byte
 * read as a packet, gets the head whole at the stream's start (PROTOCOL §13).
 */
export const HEAD_WRITE_BYTES = UNPACED_BATCH_BYTES;

/**
 * `pieces` joined in order into as few writes as fit `maxBytes` each: consecutive pieces share
 * a write while their sum fits, so every write still starts and ends where a piece did (on
 * packet boundaries). A piece larger than `maxBytes` is a write of its own, never cut.
 */
export function joinPieces(pieces: readonly Buffer[], maxBytes: number): Buffer[] {
  const writes: Buffer[] = [];
  let group: Buffer[] = [];
  let groupBytes = 0;
  const flush = () => {
    if (group.length > 0) writes.push(group.length === 1 ? group[0] : Buffer.concat(group));
    group = [];
    groupBytes = 0;
  };
  for (const piece of pieces) {
    if (piece.length === 0) continue;
    if (groupBytes + piece.length > maxBytes) flush();
    group.push(piece);
    groupBytes += piece.length;
  }
  flush();
  return writes;
}

/** A song's head as play packets, and the file bytes (from byte 0) they carry. */
export interface HeadPackets {
  pieces: Buffer[];
  coveredBytes: number;
}

/**
 * The fewest leading packets of `head` that carry at least `wantBytes` of the song: the stream
 * that gathered it wrote whole batches, and the last one runs past what a head needs (a 1.5 s
 * head of a 320 kbit/s song is 15 packets, gathered as four batches of four). Cut on a packet
 * boundary, so the packets that follow are the ones a fresh chunker from `coveredBytes` makes.
 * The head as it is when its packets do not add up to its `coveredBytes` (nothing is guessed).
 */
export function trimHead(head: HeadPackets, wantBytes: number): HeadPackets {
  const kept: Buffer[] = [];
  let covered = 0;
  let total = 0;
  let trimmed: HeadPackets | null = null;
  for (const piece of head.pieces) {
    let at = 0;
    for (const packet of new FrameParser(piece.length + 1).push(piece)) {
      const data = packet.fields[1]?.length ?? 0;
      at += packet.body.length + PACKET_END.length;
      total += data;
      if (trimmed !== null) continue;
      covered += data;
      if (covered >= wantBytes) {
        trimmed = { pieces: [...kept, piece.subarray(0, at)], coveredBytes: covered };
      }
    }
    if (at !== piece.length) return head; // not whole packets: keep it as gathered
    kept.push(piece);
  }
  if (trimmed === null || trimmed.coveredBytes === total || total !== head.coveredBytes)
    return head;
  return trimmed;
}
