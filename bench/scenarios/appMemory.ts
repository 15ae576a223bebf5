import { openApp } from '../../test/e2e/support/appHarness';
import {
  connectTo,
  startE2eEnvironment,
  startMusicServer,
} from '../../test/e2e/support/e2eEnvironment';
import { slopeReport } from '../memorySlope';
import { metricRow } from '../metricRow';
import { RendererMemory, type RendererSample } from '../rendererMemory';
import type { BenchContext, Scenario } from '../scenario';
import { slope } from '../stats';
import { sleep } from '../timing';

/** The bench's generated songs are stereo. */
const CHANNELS = 2;

/** Least-squares slope of the heap over the play, after its first quarter, in MB per hour. */
function heapSlope(samples: readonly RendererSample[], playedSeconds: number): number {
  const steady = samples.filter((sample) => sample.atSeconds >= playedSeconds / 4);
  const hours = steady.map((sample) => sample.atSeconds / 3600);
  return slope(
    hours,
    steady.map((sample) => sample.heapMb),
  );
}

/**
 * What the renderer holds over a long play, in Chromium with the real renderer and services
 * (the e2e harness): JS heap after garbage collection, decoded audio queued on the context,
 * live sources, DOM nodes. The page's audio path runs in real time (an AudioContext has no
 * faster clock, and feeding it faster would not be the app's path), so the full run plays 60
 * minutes; --quick plays one minute and gives no slope.
 */
export const appMemory: Scenario = {
  name: 'appmemory',
  async run(context: BenchContext) {
    const song = context.quick ? context.library.short : context.library.long;
    const playSeconds = context.quick ? 60 : Math.min(3600, song.durationSeconds - 10);
    const everySeconds = context.quick ? 5 : 30;
    const env = await startE2eEnvironment({ productionReact: true });
    const music = await startMusicServer({ folder: context.library.folder });
    const samples: RendererSample[] = [];
    let before: RendererSample;
    let stillPlaying = false;
    try {
      const app = await openApp(env);
      try {
        const { page } = app;
        await connectTo(page, music.port);
        const songs = await app.services.playback.listSongs();
        const title = songs.find((info) => info.id === song.id)?.title;
        if (!title) throw new Error(`appmemory: song ${song.id} is not in the list`);
        await page.getByRole('button', { name: `Play ${title}`, exact: true }).waitFor();
        const memory = await RendererMemory.attach(page);
        try {
          before = await memory.sample(CHANNELS);
          await page.getByRole('button', { name: `Play ${title}`, exact: true }).click();
          const started = performance.now();
          while ((performance.now() - started) / 1000 < playSeconds) {
            await sleep(everySeconds * 1000);
            samples.push(await memory.sample(CHANNELS));
            context.progress(
              `appmemory: ${Math.round((performance.now() - started) / 1000)} of ${playSeconds} s, ` +
                `heap ${samples.at(-1)?.heapMb.toFixed(1)} MB`,
            );
          }
          stillPlaying = await page.getByRole('button', { name: 'Pause', exact: true }).isVisible();
        } finally {
          await memory.detach();
        }
      } finally {
        await app.close();
      }
    } finally {
      await music.server.close();
      await env.close();
    }
    if (!stillPlaying) throw new Error('appmemory: the song was no longer playing at the end');
    const minutes = Math.round(playSeconds / 60);
    const scenario = 'app memory';
    const slopeRow = slopeReport([
      { slopeMbPerAudioHour: heapSlope(samples, playSeconds), audioSeconds: playSeconds },
    ]);
    const over = `${minutes} min real-time play in Chromium, sampled every ${everySeconds} s`;
    return [
      metricRow(scenario, 'renderer JS heap after GC, before playing', 'MB', [before.heapMb]),
      metricRow(
        scenario,
        `renderer JS heap after GC while playing (${over})`,
        'MB',
        samples.map((s) => s.heapMb),
      ),
      metricRow(
        scenario,
        'renderer JS heap slope after the first quarter',
        'MB per hour',
        slopeRow.values,
        { note: slopeRow.note },
      ),
      metricRow(
        scenario,
        'decoded audio queued on the AudioContext',
        'MB',
        samples.map((s) => s.queuedAudioMb),
        { note: 'main stops sending at 6 s queued (2.0 MB at 44.1 kHz stereo)' },
      ),
      metricRow(
        scenario,
        'live audio sources',
        'count',
        samples.map((s) => s.liveSources),
      ),
      metricRow(
        scenario,
        'DOM nodes',
        'count',
        samples.map((s) => s.nodes),
        {
          reference: { label: 'before playing', values: [before.nodes] },
        },
      ),
      metricRow(
        scenario,
        'JS event listeners',
        'count',
        samples.map((s) => s.listeners),
        {
          reference: { label: 'before playing', values: [before.listeners] },
        },
      ),
    ];
  },
};
