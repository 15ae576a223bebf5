// The decoding side of the decoderformats scenario, alone in its process:
// `tsx bench/decoderFormatsProcess.ts`, driven over IPC one whole song at a time.
//
// Why a process of its own: the decoder worker's PCM (and the copies of its input) arrive on
// the main thread as ArrayBuffers, and a few tens of MB of them trigger a full mark-compact of
// the main thread's heap. In the bench's own process that heap holds every scenario's modules
// (Playwright, the server, ~65 MB), so each 30 s of 192 kHz WAV paid 2-5 full GCs of 67 MB that
// the player's process does not have: 115x there against 304x alone, in one run (PERFORMANCE.md,
// "Session 5: 192 kHz WAV").
import { readFile } from 'node:fs/promises';
import { pcmFrameCount, SOURCE_DECODER_WORKER, WorkerDecoder, type PcmChunk } from '../src/decoder';
import { DecodeSlicer } from '../src/player/decodeSlicer';

export type DecodeRequest = { type: 'decode'; file: string };
export type DecodeReply =
  | { type: 'decoded'; audioSeconds: number; cpuSeconds: number; heapMb: number }
  | { type: 'failed'; message: string };

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

const secondsOf = (pcm: PcmChunk | null) => (pcm ? pcmFrameCount(pcm) / pcm.sampleRate : 0);

/** One whole song through the worker, as the player feeds it; the audio seconds it gave. */
async function decodeInWorker(worker: WorkerDecoder, song: Uint8Array): Promise<number> {
  await worker.reset();
  const slicer = new DecodeSlicer(); // sized as the player's pump sizes them
  let seconds = 0;
  for (let at = 0; at < song.length;) {
    const slice = song.subarray(at, at + slicer.size);
    at += slice.length;
    const sliceSeconds = secondsOf(await worker.decode(slice));
    slicer.observe(slice.length, sliceSeconds);
    seconds += sliceSeconds;
  }
  return seconds + secondsOf(await worker.end());
}

const worker = new WorkerDecoder(SOURCE_DECODER_WORKER);
/** The song being measured, read once: the parent asks for the same file round after round. */
let loaded: { file: string; bytes: Uint8Array } | null = null;
let queue = Promise.resolve();

async function handle(request: DecodeRequest): Promise<DecodeReply> {
  try {
    if (loaded?.file !== request.file) {
      loaded = null; // the last song's bytes go before the next one's are read
      loaded = { file: request.file, bytes: new Uint8Array(await readFile(request.file)) };
    }
    const before = cpuSeconds();
    const audioSeconds = await decodeInWorker(worker, loaded.bytes);
    const cpu = cpuSeconds() - before;
    const heapMb = process.memoryUsage().heapUsed / 1e6;
    return { type: 'decoded', audioSeconds, cpuSeconds: cpu, heapMb };
  } catch (error) {
    return { type: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

process.on('message', (request: DecodeRequest) => {
  queue = queue.then(async () => {
    process.send?.(await handle(request));
  });
});
process.on('disconnect', () => {
  void worker.terminate().finally(() => process.exit(0));
});
