import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/appServices';
import {
  DEFAULT_BACKOFF,
  type BackoffOptions,
  type PlaybackServiceOptions,
} from '../../../src/player';
import type { HostServiceOptions } from '../../../src/host';
import type { LibraryServer } from '../../../src/server';
import type { Settings, StreamEvent } from '../../../src/shared/tidewaveApi';
import { TestBridge, type BridgeHandlers } from '../bridge';
import {
  MUSIC_DIR,
  startE2eEnvironment,
  startMusicServer,
  type E2eEnvironment,
  type E2eOptions,
} from './e2eEnvironment';

/** Runs before each page load; a page's sessionStorage survives its reloads, not a new page. */
const FRESH_PAGE_SCRIPT = `if (!sessionStorage.getItem('tidewave-e2e-page')) {
  localStorage.clear();
  sessionStorage.setItem('tidewave-e2e-page', '1');
}`;

/**
 * The real app's reconnecting with one attempt, at once: for a test of what the app shows once
 * a server is gone for good (the banner, Retry), which the real app shows after its last attempt.
 */
export const GIVES_UP_AT_ONCE: BackoffOptions = {
  initialMs: 0,
  maxMs: 0,
  jitter: 0,
  maxAttempts: 1,
};

export interface OpenAppOptions {
  /** Over the real app's: it reconnects as src/main/startApp.ts does (`reconnect: false` not). */
  playback?: PlaybackServiceOptions;
  /** What the folder picker "chooses". */
  pickFolder?: () => Promise<string | null>;
  /** Saved settings before the app starts (onboarded, to keep screens uncluttered). */
  settings?: Partial<Settings>;
  /** Run the first-run bootstrap (host the bundled music, connect) instead of saving settings. */
  firstRun?: boolean;
  /** More host service options (announcing, an access code); pacing stays off. */
  host?: HostServiceOptions;
  /** Replaces some handlers, e.g. to ask the server for a song it does not have. */
  override?: (handlers: BridgeHandlers) => Partial<BridgeHandlers>;
  /** Rewrites stream events on their way to the page (what an `override` play stands in for). */
  mapStreamEvent?: (event: StreamEvent) => StreamEvent;
  /** Runs in this page before the app, on each load (e.g. the bench's forced latency hint). */
  pageScript?: string;
}

export interface OpenedApp {
  page: Page;
  services: AppServices;
  bridge: TestBridge;
  /** This app's own user-data folder (settings, hosted libraries), removed by `close()`. */
  userDataDir: string;
  close(): Promise<void>;
}

/** The IPC handlers main registers, minus argument validation: straight to the services. */
function handlersFor(services: AppServices): BridgeHandlers {
  const { playback, host, settings, covers } = services;
  return {
    connect: (address, port) => playback.connect(address, port),
    disconnect: () => playback.disconnect(),
    getConnection: async () => playback.getConnection(),
    listSongs: () => playback.listSongs(),
    play: (request) => playback.play(request),
    stop: () => playback.stop(),
    reportBuffer: (streamId, buffered, received) =>
      playback.reportBuffer(streamId, buffered, received),
    reportPlaying: () => undefined, // main's tray and sleep blocker; tested in test/main
    reportPaused: (paused) => playback.setPaused(paused),
    startHost: (request) => host.start(request),
    disconnectListener: async (id) => host.disconnectListener(id),
    disconnectAllListeners: async () => host.disconnectAllListeners(),
    getHostActivity: async () => host.getActivity(),
    stopHost: () => services.stopHosting(),
    getHost: async () => host.getState(),
    pickFolder: async () => null,
    getSettings: () => settings.load(),
    setSettings: (patch) => settings.update(patch),
    getFoundLibraries: async () => [],
    connectWithCode: () => Promise.reject(new Error('Access codes are not bridged in e2e')),
    setHostAccessCode: () => Promise.reject(new Error('Access codes are not bridged in e2e')),
    getCover: (songId, coverHash) => covers.getCover(songId, coverHash),
  };
}

/**
 * Opens the built renderer in a new page whose `window.tidewave` reaches the real app services
 * (createAppServices with a temp user-data folder) in this process, as preload and main would.
 * Everything is torn down by `close()`.
 */
export async function openApp(
  env: E2eEnvironment,
  options: OpenAppOptions = {},
): Promise<OpenedApp> {
  const { context, appUrl, decoderWorkerPath } = env;
  const userDataDir = await mkdtemp(join(tmpdir(), 'tidewave-userdata-'));
  const services = await createAppServices({
    userDataDir,
    bundledMusicDir: MUSIC_DIR,
    decoderWorkerPath,
    defaultHostPort: 0,
    // As src/main/startApp.ts: a lost server is retried and the song resumed (issue 10).
    playback: { reconnect: DEFAULT_BACKOFF, ...options.playback },
    host: { ...options.host, pacing: false },
  });
  const page = await context.newPage();
  try {
    const base = handlersFor(services);
    if (options.pickFolder) base.pickFolder = options.pickFolder;
    const bridge = await TestBridge.install(
      page,
      { ...base, ...options.override?.(base) },
      env.bridgeRoutes,
    );
    services.playback.on('connection', (state) => bridge.connectionChanged(state));
    const mapStream = options.mapStreamEvent ?? ((event: StreamEvent) => event);
    services.playback.on('stream', (event) => bridge.streamEvent(mapStream(event)));
    services.playback.on('audio', (chunk) => bridge.audio(chunk));
    services.playback.on('library', (change) => bridge.libraryChanged(change));
    services.host.on('changed', (state) => bridge.hostChanged(state));
    services.host.on('activity', (activity) => bridge.hostActivity(activity));
    if (options.firstRun) await services.bootstrap();
    else await services.settings.update({ onboarded: true, ...options.settings });
    // The context (one per test file) outlives the page: each new page starts with no
    // remembered session (queue, sort), while a reload of the same page keeps it.
    await page.addInitScript(FRESH_PAGE_SCRIPT);
    if (options.pageScript) await page.addInitScript(options.pageScript);
    await page.goto(`${appUrl}?testHooks`);
    return {
      page,
      services,
      bridge,
      userDataDir,
      async close() {
        bridge.close();
        await page.close().catch(() => undefined);
        await services.dispose();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await page.close().catch(() => undefined);
    await services.dispose();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

export interface E2eApp {
  /** This file's Chromium and served renderer, started before its first test. */
  readonly env: E2eEnvironment;
  /** This file's unpaced server of the bundled songs (with `music: true`). */
  readonly music: { server: LibraryServer; port: number };
  /** The app this test opened last; throws if it opened none. */
  readonly app: OpenedApp;
  /** Opens the app in a new page (openApp); it closes after the test. */
  open(options?: OpenAppOptions): Promise<OpenedApp>;
  /** Runs `cleanup` after this test, once its app has closed; the last registered goes first. */
  onCleanup(cleanup: () => unknown): void;
}

export interface E2eAppOptions {
  /** Start a music server for the whole file as well. */
  music?: boolean;
  /** How long starting may take (the renderer may have to be built first). */
  startMs?: number;
  environment?: E2eOptions;
}

/**
 * The e2e files' set-up: Chromium and the renderer (and a music server) once per file; each
 * test's app pages closed after it, then whatever it registered (its own servers, folders).
 * Call once at the top of a test file.
 */
export function useE2eApp(options: E2eAppOptions = {}): E2eApp {
  let env: E2eEnvironment | undefined;
  let music: { server: LibraryServer; port: number } | undefined;
  let apps: OpenedApp[] = [];
  let cleanups: Array<() => unknown> = [];
  beforeAll(async () => {
    env = await startE2eEnvironment(options.environment);
    if (options.music) music = await startMusicServer({ pacing: false });
  }, options.startMs ?? 60_000);
  afterEach(async () => {
    const [opened, pending] = [apps, cleanups];
    [apps, cleanups] = [[], []];
    // The app first: its player would otherwise see its server go and start reconnecting.
    for (const app of opened) await app.close();
    for (const cleanup of pending.reverse()) await cleanup();
  });
  afterAll(async () => {
    await music?.server.close();
    await env?.close();
  });
  const started = (): E2eEnvironment => {
    if (!env) throw new Error('the e2e environment is not started (use it inside a test)');
    return env;
  };
  return {
    get env() {
      return started();
    },
    get app() {
      const app = apps.at(-1);
      if (!app) throw new Error('this test opened no app');
      return app;
    },
    get music() {
      if (!music) throw new Error('no music server: call useE2eApp({ music: true })');
      return music;
    },
    async open(openOptions) {
      const app = await openApp(started(), openOptions);
      apps.push(app);
      return app;
    },
    onCleanup: (cleanup) => cleanups.push(cleanup),
  };
}
