import { readFileSync } from 'node:fs';
import { Mp3StreamDecoder } from '../../../src/decoder/mp3StreamDecoder';
import { gaplessSampleCount } from '../../support/gaplessSampleCount';
import { pcmChecksum } from './streamRecorder';

/** Decodes a whole file in-thread: its checksum and exact sample count, to compare against. */
export async function decodeFileDirectly(
  path: string,
): Promise<{ checksum: string; samples: number; expectedSamples: number | null }> {
  const bytes = readFileSync(path);
  const decoder = await Mp3StreamDecoder.create();
  try {
    const pcm = decoder.decode(bytes);
    return {
      checksum: pcmChecksum(pcm ? [pcm.channels] : []),
      samples: pcm?.channels[0].length ?? 0,
      expectedSamples: gaplessSampleCount(bytes),
    };
  } finally {
    decoder.free();
  }
}
