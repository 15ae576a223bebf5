/** Decoded audio: planar channels of equal length at one sample rate. */
export interface PcmChunk {
  sampleRate: number;
  channels: Float32Array[];
}

/** Samples per channel. */
export function pcmFrameCount(pcm: PcmChunk): number {
  return pcm.channels[0]?.length ?? 0;
}

export function pcmSeconds(pcm: PcmChunk): number {
  return pcm.sampleRate > 0 ? pcmFrameCount(pcm) / pcm.sampleRate : 0;
}

/** Joins chunks of one sample rate and channel count into one chunk. */
export function concatPcm(chunks: readonly PcmChunk[]): PcmChunk {
  const first = chunks[0];
  if (!first) throw new Error('concatPcm needs at least one chunk');
  if (chunks.length === 1) return first;
  const total = chunks.reduce((sum, chunk) => sum + pcmFrameCount(chunk), 0);
  const channels = first.channels.map((_, channelIndex) => {
    const joined = new Float32Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      joined.set(chunk.channels[channelIndex], offset);
      offset += pcmFrameCount(chunk);
    }
    return joined;
  });
  return { sampleRate: first.sampleRate, channels };
}
