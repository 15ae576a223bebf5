import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './support/appHarness';
import { waitForAudio } from './support/audioProbe';
import { connectTo, startMusicServer } from './support/e2eEnvironment';

const e2e = useE2eApp();

/** Keeps the handlers the app gives the media session, so the test can act as the system. */
const RECORD_HANDLERS = `(() => {
  const handlers = {};
  window.__mediaHandlers = handlers;
  const original = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
  navigator.mediaSession.setActionHandler = (action, handler) => {
    handlers[action] = handler;
    original(action, handler);
  };
})()`;

interface SessionView {
  title: string;
  playbackState: string;
  metadata: { title: string; artist: string; album: string; artwork: number } | null;
  actions: string[];
}

const VIEW_SCRIPT = `(() => {
  const m = navigator.mediaSession.metadata;
  return {
    title: document.title,
    playbackState: navigator.mediaSession.playbackState,
    metadata: m ? { title: m.title, artist: m.artist, album: m.album, artwork: m.artwork.length } : null,
    actions: Object.keys(window.__mediaHandlers).sort(),
  };
})()`;

const view = (page: Page) => page.evaluate(VIEW_SCRIPT) as Promise<SessionView>;
const act = (page: Page, action: string, details: object = {}) =>
  page.evaluate(
    `window.__mediaHandlers[${JSON.stringify(action)}](${JSON.stringify({ action, ...details })})`,
  );

describe('the desktop knows what plays (issue 10 item 5)', { timeout: 60_000 }, () => {
  it('media session metadata, its actions, and the window title', async () => {
    const started = await startMusicServer({ pacing: false });
    e2e.onCleanup(() => started.server.close());
    const app = await e2e.open();
    const { page } = app;
    await page.addInitScript(RECORD_HANDLERS);
    await page.reload();
    expect((await view(page)).title).toBe('Tidewave');
    expect((await view(page)).actions).toEqual(
      ['nexttrack', 'pause', 'play', 'previoustrack', 'seekto', 'stop'].sort(),
    );
    await connectTo(page, started.port);
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);
    await expect.poll(async () => (await view(page)).metadata?.artwork).toBe(1);
    const playing = await view(page);
    expect(playing.title).toContain('Harbor Lights');
    expect(playing.playbackState).toBe('playing');
    expect(playing.metadata?.title).toBe('Harbor Lights');
    expect(playing.metadata?.artist).toBeTruthy();
    expect(playing.metadata?.album).toBeTruthy();

    await act(page, 'pause');
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    expect((await view(page)).playbackState).toBe('paused');
    await act(page, 'play');
    await page.getByRole('button', { name: 'Pause' }).waitFor();

    await act(page, 'seekto', { seekTime: 12 });
    await expect
      .poll(async () =>
        Number(
          (await page.getByRole('slider', { name: 'Seek' }).getAttribute('aria-valuenow')) ?? 0,
        ),
      )
      .toBeGreaterThanOrEqual(12);

    await act(page, 'nexttrack');
    await expect.poll(async () => (await view(page)).metadata?.title).toBe('Glass Tide');
    expect((await view(page)).title).toContain('Glass Tide');
    await act(page, 'previoustrack');
    await expect.poll(async () => (await view(page)).metadata?.title).toBe('Harbor Lights');

    await act(page, 'stop');
    await expect.poll(async () => (await view(page)).title).toBe('Tidewave');
    expect((await view(page)).metadata).toBeNull();
  });
});
