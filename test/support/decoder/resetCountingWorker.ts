/**
 * A decoder worker for WorkerDecoder's own tests: it decodes nothing, but answers each decode
 * with as many silent frames as it has had resets, so a test sees which requests reached it.
 */
import { parentPort } from 'node:worker_threads';
import type { DecoderReply, DecoderRequest } from '../../../src/decoder/decoderMessages';

let resets = 0;
parentPort?.on('message', (request: DecoderRequest) => {
  if (request.kind === 'reset') resets++;
  const pcm =
    request.kind === 'decode' ? { sampleRate: 8000, channels: [new Float32Array(resets)] } : null;
  parentPort?.postMessage({ id: request.id, ok: true, pcm } satisfies DecoderReply);
});
