// The client side of the memory scenario, alone in its process so its RSS is the player's own:
// `tsx bench/clientMemoryProcess.ts '<ClientMemoryPlan JSON>'`; the result comes back over IPC.
import type { PlaybackService } from '../src/player';
import { slope } from './stats';
import { sleep, withTimeout } from './timing';

export interface ClientMemoryPlan {
  port: number;
  songId: number;
  /** How many times faster than real time the stand-in renderer plays. */
  speed: number;
  sampleMs: number;
  timeoutMs: number;
  /** The bundled decoder worker, as the app ships it (the .ts source runs tsx in the worker). */
  decoderWorkerPath?: string;
}

export interface ClientMemoryResult {
  /** RSS of this process before the player's code was loaded: Node, tsx and the bench's glue. */
  rssBaselineMb: number;
  audioSeconds: number;
  wallSeconds: number;
  rssStartMb: number;
  rssPeakMb: number;
  rssEndMb: number;
  /** Least-squares slope of RSS over audio played, after the first quarter of the song. */
  slopeMbPerAudioHour: number;
  /** Share of samples in which the socket was paused by flow control. */
  pausedShare: number;
}

export type ClientMemoryMessage =
  { type: 'result'; result: ClientMemoryResult } | { type: 'failed'; message: string };

const MB = 1024 * 1024;

async function measure(plan: ClientMemoryPlan): Promise<ClientMemoryResult> {
  globalThis.gc?.();
  const rssBaseline = process.memoryUsage().rss;
  // Loaded only now, so the baseline above holds none of the player's code.
  const { PlaybackService } = await import('../src/player');
  const { FastRenderer } = await import('./fastRenderer');
  const service = new PlaybackService({ decoderWorkerPath: plan.decoderWorkerPath });
  const renderer = new FastRenderer(service, plan.speed);
  const samples: Array<{ audioMinutes: number; rss: number; paused: boolean }> = [];
  let sampler: NodeJS.Timeout | undefined;
  try {
    await service.connect('127.0.0.1', plan.port);
    await warmUp(service, plan);
    renderer.clear();
    const rssStart = process.memoryUsage().rss;
    const started = performance.now();
    const ended = new Promise<void>((resolve, reject) =>
      service.on('stream', (event) => {
        if (event.kind === 'ended') resolve();
        if (event.kind === 'error') reject(new Error(`stream failed: ${event.message}`));
      }),
    );
    sampler = setInterval(() => {
      samples.push({
        audioMinutes: renderer.playedSeconds / 60,
        rss: process.memoryUsage().rss,
        paused: service.readingPaused,
      });
    }, plan.sampleMs);
    await service.play({ songId: plan.songId });
    await withTimeout(ended, plan.timeoutMs, 'the whole song');
    const rssEnd = process.memoryUsage().rss;
    const audioMinutes = renderer.playedSeconds / 60 + renderer.bufferedSeconds / 60;
    const steady = samples.filter((sample) => sample.audioMinutes >= audioMinutes / 4);
    return {
      rssBaselineMb: rssBaseline / MB,
      audioSeconds: audioMinutes * 60,
      wallSeconds: (performance.now() - started) / 1000,
      rssStartMb: rssStart / MB,
      rssPeakMb: Math.max(rssEnd, ...samples.map((sample) => sample.rss)) / MB,
      rssEndMb: rssEnd / MB,
      slopeMbPerAudioHour:
        (slope(
          steady.map((sample) => sample.audioMinutes),
          steady.map((sample) => sample.rss),
        ) *
          60) /
        MB,
      pausedShare: samples.filter((sample) => sample.paused).length / Math.max(1, samples.length),
    };
  } finally {
    clearInterval(sampler);
    renderer.stop();
    await service.dispose();
  }
}

/**
 * Plays the song for a moment and stops, so the start figure already holds what every player
 * holds once it has played anything: the decoder worker, its WASM, the compiled code.
 */
async function warmUp(service: PlaybackService, plan: ClientMemoryPlan): Promise<void> {
  const audio = new Promise<void>((resolve) => service.once('audio', () => resolve()));
  await service.play({ songId: plan.songId });
  await withTimeout(audio, 30_000, 'warm-up audio');
  await sleep(500);
  await service.stop();
  await sleep(200);
  globalThis.gc?.();
}

function send(message: ClientMemoryMessage): void {
  process.send?.(message);
}

process.on('disconnect', () => process.exit(0));
measure(JSON.parse(process.argv[2] ?? '') as ClientMemoryPlan)
  .then(
    (result) => send({ type: 'result', result }),
    (error: unknown) =>
      send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  )
  .finally(() => process.disconnect());
