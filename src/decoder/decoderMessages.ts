import type { PcmChunk } from './pcmChunk';

/** Main thread → decoder worker. `bytes` owns its buffer, which is transferred. */
export type DecoderRequest =
  /** The shared mark (AbandonMark) the worker reads between pieces; sent first, once. */
  | { id: number; kind: 'abandonMark'; shared: Int32Array<SharedArrayBuffer> }
  /** `epoch`: the song's, counted in resets; once it is marked, the rest of the bytes are dropped. */
  | { id: number; kind: 'decode'; bytes: Uint8Array; epoch: number }
  | { id: number; kind: 'decodeUntil'; bytes: Uint8Array; minSeconds: number; epoch: number }
  | { id: number; kind: 'end' }
  | { id: number; kind: 'reset' };

/**
 * Decoder worker → main thread, one per request, in request order. `used` answers decodeUntil:
 * how many of its bytes were decoded.
 */
export type DecoderReply =
  | { id: number; ok: true; pcm: PcmChunk | null; used?: number }
  | { id: number; ok: false; message: string };

/** The distinct buffers behind a chunk's channels, for a postMessage transfer list. */
export function pcmTransferList(pcm: PcmChunk | null): ArrayBuffer[] {
  if (!pcm) return [];
  const buffers = new Set<ArrayBuffer>();
  for (const channel of pcm.channels) {
    if (channel.buffer instanceof ArrayBuffer) buffers.add(channel.buffer);
  }
  return [...buffers];
}
