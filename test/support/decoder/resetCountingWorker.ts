/**
 * A decoder worker for WorkerDecoder's own tests: it decodes nothing, but answers each decode
 * with as many silent frames as it has had resets, so a test sees which requests reached it. A
 * decodeUntil asking for negative seconds makes the next reset fail.
 */
import { parentPort } from 'node:worker_threads';
import type { DecoderReply, DecoderRequest } from '../../../src/decoder/decoderMessages';

let resets = 0;
let failNextReset = false;
parentPort?.on('message', (request: DecoderRequest) => {
  if (request.kind === 'decodeUntil' && request.minSeconds < 0) failNextReset = true;
  if (request.kind === 'reset') resets++;
  if (request.kind === 'reset' && failNextReset) {
    failNextReset = false;
    parentPort?.postMessage({ id: request.id, ok: false, message: 'no instance' });
    return;
  }
  const pcm =
    request.kind === 'decode' ? { sampleRate: 8000, channels: [new Float32Array(resets)] } : null;
  parentPort?.postMessage({ id: request.id, ok: true, pcm } satisfies DecoderReply);
});
