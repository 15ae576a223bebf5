/**
 * worker_threads entry: runs a SongDecoder (MP3, FLAC, Ogg Vorbis, Opus, WAV) off the main thread. Requests are handled one
 * at a time in arrival order; every request gets exactly one reply, errors included.
 */
import { parentPort } from 'node:worker_threads';
import type { DecoderReply, DecoderRequest } from './decoderMessages';
import { pcmTransferList } from './decoderMessages';
import { SongDecoder } from './songDecoder';

const port = parentPort;
if (!port) throw new Error('decoderWorker must run in a worker thread');

const decoderReady = SongDecoder.create();
let queue: Promise<void> = Promise.resolve();

port.on('message', (request: DecoderRequest) => {
  queue = queue.then(() => handle(request));
});

async function handle(request: DecoderRequest): Promise<void> {
  let reply: DecoderReply;
  try {
    const decoder = await decoderReady;
    if (request.kind === 'decode') {
      reply = { id: request.id, ok: true, pcm: await decoder.decode(request.bytes) };
    } else if (request.kind === 'end') {
      reply = { id: request.id, ok: true, pcm: await decoder.end() };
    } else {
      await decoder.reset();
      reply = { id: request.id, ok: true, pcm: null };
    }
  } catch (error) {
    reply = {
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  port?.postMessage(reply, reply.ok ? pcmTransferList(reply.pcm) : []);
}
