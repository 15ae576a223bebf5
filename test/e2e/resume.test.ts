import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryServer, type LibraryServer } from '../../src/server';
import { openApp, type OpenedApp } from './support/appHarness';
import { waitForAudio } from './support/audioProbe';
import {
  connectTo,
  MUSIC_DIR,
  startE2eEnvironment,
  type E2eEnvironment,
} from './support/e2eEnvironment';
import { decodeReference } from './support/referenceAudio';

let env: E2eEnvironment;
let app: OpenedApp | null = null;
let server: LibraryServer | null = null;

/** Paced at 4× real time, so a song is still streaming seconds after it started. */
async function musicServer(port = 0, pacing = { burstSeconds: 2, rateFactor: 4 }) {
  server = await createLibraryServer({ folder: MUSIC_DIR, host: '127.0.0.1', port, pacing });
  return (await server.listen()).port;
}

beforeAll(async () => {
  env = await startE2eEnvironment();
}, 60_000);

afterAll(async () => {
  await env?.close();
});

afterEach(async () => {
  await app?.close();
  app = null;
  await server?.close();
  server = null;
});

const QUICK = { initialMs: 100, maxMs: 400, jitter: 0.2, maxAttempts: 100 };

// Issue 10 item 4, in the real renderer: a server restarted mid-song costs nothing.
describe('resume after a drop, in the renderer', { timeout: 60_000 }, () => {
  it('a server restart 2 s long: every sample of the song queued once, back to back', async () => {
    // Paused and with room for the whole song, the queue shows every sample that arrives.
    app = await openApp(env, { playback: { maxBufferedSeconds: 600, reconnect: QUICK } });
    const { page } = app;
    const reference = await decodeReference(join(MUSIC_DIR, '01 - Harbor Lights.mp3'));
    const port = await musicServer();
    await connectTo(page, port);
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    await page.getByRole('button', { name: 'Pause' }).click();
    const early = await waitForAudio(page, (a) => (a.streams[1]?.frames ?? 0) > 4 * 44_100);
    expect(early.streams[1].frames).toBeLessThan(reference.frames); // still streaming

    await server!.close();
    const status = page.getByRole('status').filter({ hasText: /^Reconnecting/ });
    await status.waitFor();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await musicServer(port, { burstSeconds: 600, rateFactor: 4 });
    const done = await waitForAudio(
      page,
      (a) => (a.streams[1]?.frames ?? 0) >= reference.frames,
      30_000,
    );
    await page
      .getByRole('status')
      .filter({ hasText: /^Connected/ })
      .waitFor();
    const stream = done.streams[1];
    expect(Object.keys(done.streams)).toEqual(['1']); // the same stream went on
    expect(stream.frames).toBe(reference.frames); // nothing lost, nothing doubled
    // Scheduled back to back, never restarted: the queue spans exactly the song's length.
    expect(stream.lastEnd - stream.firstStart).toBeCloseTo(
      reference.frames / reference.sampleRate,
      9,
    );
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
