import type { PcmChunk } from './pcmChunk';

/** Main thread → decoder worker. `bytes` owns its buffer, which is transferred. */
export type DecoderRequest =
  | { id: number; kind: 'decode'; bytes: Uint8Array }
  | { id: number; kind: 'decodeUntil'; bytes: Uint8Array; minSeconds: number }
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
