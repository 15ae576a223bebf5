import { readFile } from 'node:fs/promises';
import { SOURCE_DECODER_WORKER, WorkerDecoder } from '../src/decoder';
import { BARE_CHUNK_BYTES, BareRequest } from './bareServer';
import { StreamCounter } from './streamCounter';
import { now } from './timing';

/** What one socket read gives at most: the player hands the decoder no more at once. */
const READ_BYTES = 64 * 1024;

/**
 * The least time to first audio this machine allows: one 4 KB round trip on an open socket to
 * the bare server, then the same worker decoder as the player's, reset and given the song's
 * first bytes in one call that stops at its first PCM (decodeUntil with no minimum), so a tag
 * or cover in front costs no round trips. Returns one sample per song path given, in
 * milliseconds.
 */
export async function measureFirstAudioFloor(
  barePort: number,
  songPaths: readonly string[],
  timeoutMs: number,
): Promise<number[]> {
  const heads = await Promise.all(
    [...new Set(songPaths)].map(
      async (file) => [file, (await readFile(file)).subarray(0, 256 * 1024)] as const,
    ),
  );
  const headOf = new Map(heads);
  const client = await StreamCounter.connect(barePort, { kind: 'bare' });
  const decoder = new WorkerDecoder(SOURCE_DECODER_WORKER);
  const firstPcm = async (head: Buffer) => {
    await decoder.reset();
    for (let at = 0; at < head.length;) {
      const { pcm, used } = await decoder.decodeUntil(head.subarray(at, at + READ_BYTES), 0);
      if (pcm) return;
      at += used;
    }
    throw new Error('no audio in the first 256 KB');
  };
  try {
    await firstPcm(heads[0][1]); // start the worker and compile the WASM before timing
    const samples: number[] = [];
    for (const file of songPaths) {
      const started = now();
      await client.request(BareRequest.chunk, BARE_CHUNK_BYTES, timeoutMs);
      await firstPcm(headOf.get(file) as Buffer);
      samples.push(now() - started);
    }
    return samples;
  } finally {
    client.close();
    await decoder.terminate();
  }
}
