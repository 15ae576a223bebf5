import type { PcmChunk } from '../../src/decoder/pcmChunk';

/** What the decoders under test share: bytes in, PCM out (at once or later), and the song's end. */
interface SliceDecoder {
  decode(bytes: Uint8Array): Promise<PcmChunk | null> | PcmChunk | null;
  end(): Promise<PcmChunk | null> | PcmChunk | null;
}

/** Feeds `bytes` in slices of `slice` bytes, then ends the song: every chunk given, in order. */
export async function decodeInSlices(
  decoder: SliceDecoder,
  bytes: Uint8Array,
  slice: number,
): Promise<PcmChunk[]> {
  const chunks: PcmChunk[] = [];
  for (let offset = 0; offset < bytes.length; offset += slice) {
    const pcm = await decoder.decode(bytes.subarray(offset, offset + slice));
    if (pcm) chunks.push(pcm);
  }
  const tail = await decoder.end();
  if (tail) chunks.push(tail);
  return chunks;
}
