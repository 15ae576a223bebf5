import { PacketType, type Packet } from '../protocol';

/**
 * Where a song stream's bytes start in the song, so that the player can begin at exactly the
 * sample it asked for (PROTOCOL §7):
 * - `file`: the bytes are the whole file from its first byte (a play from the start, or a
 *   seed-era server, which ignores start times); a gapless decode of them is the song itself.
 * - `sample`: the server's `start` packet said that the audio decoded from the bytes (no
 *   gapless trimming: they hold no Xing frame) begins at song sample `firstSample`.
 * - `approximate`: a Tidewave server without the `start` extension began at a frame near the
 *   time asked for, and did not say which.
 */
export type StreamOrigin =
  | { kind: 'file' }
  | { kind: 'sample'; firstSample: number; sampleRate: number; totalSamples: number }
  | { kind: 'approximate' };

const INTEGER = /^-?\d{1,15}$/;

/** The origin a `start` packet announces, or null when the packet is malformed. */
export function parseStartPacket(packet: Packet): StreamOrigin | null {
  if (packet.type !== PacketType.Start) return null;
  const [first, rate, total] = packet.fields.slice(1, 4).map((field) => field.toString('latin1'));
  if (![first, rate, total].every((text) => text !== undefined && INTEGER.test(text))) return null;
  const origin = {
    kind: 'sample' as const,
    firstSample: Number(first),
    sampleRate: Number(rate),
    totalSamples: Number(total),
  };
  return origin.sampleRate > 0 && origin.totalSamples >= 0 ? origin : null;
}

/**
 * The origin of a stream once its first bytes arrive: what the server announced, or else what
 * the kind of server implies (`seedEra` null: not known, no list reply yet).
 */
export function settleOrigin(
  startSeconds: number,
  announced: StreamOrigin | null,
  seedEra: boolean | null,
): StreamOrigin {
  if (announced) return announced;
  if (startSeconds > 0 && seedEra !== true) return { kind: 'approximate' };
  return { kind: 'file' };
}
