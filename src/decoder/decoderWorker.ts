/**
 * worker_threads entry: runs a SongDecoder (MP3, FLAC, Ogg Vorbis, Opus, WAV) off the main thread. Requests are handled one
 * at a time in arrival order; every request gets exactly one reply, errors included.
 */
import { parentPort } from 'node:worker_threads';
import { AbandonMark } from './abandonMark';
import type { DecoderReply, DecoderRequest } from './decoderMessages';
import { pcmTransferList } from './decoderMessages';
import type { PcmChunk } from './pcmChunk';
import { SongDecoder } from './songDecoder';
import { fitSpeakerLayout } from './speakerLayout';

const port = parentPort;
if (!port) throw new Error('decoderWorker must run in a worker thread');

const decoderReady = SongDecoder.create();
let queue: Promise<void> = Promise.resolve();
/** Replaced by the one WorkerDecoder shares before its first song. */
let mark = new AbandonMark();

port.on('message', (request: DecoderRequest) => {
  queue = queue.then(() => handle(request));
});

async function handle(request: DecoderRequest): Promise<void> {
  let reply: DecoderReply;
  try {
    const decoder = await decoderReady;
    if (request.kind === 'abandonMark') {
      mark = new AbandonMark(request.shared);
      reply = { id: request.id, ok: true, pcm: null };
    } else if (request.kind === 'decode') {
      const abandoned = () => mark.isAbandoned(request.epoch);
      reply = {
        id: request.id,
        ok: true,
        pcm: forRenderer(await decoder.decode(request.bytes, abandoned)),
      };
    } else if (request.kind === 'decodeUntil') {
      const abandoned = () => mark.isAbandoned(request.epoch);
      const { pcm, used } = await decoder.decodeUntil(request.bytes, request.minSeconds, abandoned);
      reply = { id: request.id, ok: true, pcm: forRenderer(pcm), used };
    } else if (request.kind === 'end') {
      reply = { id: request.id, ok: true, pcm: forRenderer(await decoder.end()) };
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
  // The PCM buffers are transferred, not cloned (~0.01 ms). A profile shows ~0.4 ms here on a busy
  // machine: the reply wakes the main thread and this thread waits for a core, which costs no CPU
  // (PERFORMANCE.md, "Session 7: 192 kHz FLAC").
  port?.postMessage(reply, reply.ok ? pcmTransferList(reply.pcm) : []);
}

/** The player hands chunks to Web Audio, which maps only some channel counts by speaker. */
function forRenderer(pcm: PcmChunk | null): PcmChunk | null {
  return pcm && fitSpeakerLayout(pcm);
}
