import { join } from 'node:path';
import { ServerStartError } from '../server';
import type { HostRequest, HostState } from '../shared/tidewaveApi';
import { CoverCache, CoverService } from '../covers';
import { HostService, type HostServiceOptions } from '../host';
import { PlaybackService, type PlaybackServiceOptions } from '../player';
import { AppSettings, HostingRecord, serverLimitsOf } from '../settings';
import { DEFAULT_SETTINGS, LOOPBACK_HOST } from '../shared/defaults';
import { listensToOwnHost } from './ownHost';

export interface AppServicesOptions {
  /** Where settings.json and hosting.json live (Electron's userData folder). */
  userDataDir: string;
  /** The songs hosted on first run. */
  bundledMusicDir: string;
  /** The built decoder worker; defaults to its TypeScript source (tests, tsx). */
  decoderWorkerPath?: string;
  /** First-run hosting port; a free one is used when it is taken. */
  defaultHostPort?: number;
  playback?: Omit<PlaybackServiceOptions, 'decoderWorkerPath'>;
  host?: HostServiceOptions;
}

export interface AppServices {
  playback: PlaybackService;
  host: HostService;
  settings: AppSettings;
  /** Covers for the renderer: a disk cache in userData/covers, fed by the cover extension. */
  covers: CoverService;
  /** First run: hosts the bundled music and connects to it. Later: hosts what was hosted, connects where saved. */
  bootstrap(): Promise<void>;
  /**
   * Stops hosting. A player listening to this library is disconnected first: left on it, it
   * would try to reconnect for minutes to a server the listener just stopped.
   */
  stopHosting(): Promise<HostState>;
  /** Says goodbye to the server, stops hosting, ends the decoder worker. */
  dispose(): Promise<void>;
}

export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const playback = new PlaybackService({
    ...options.playback,
    decoderWorkerPath: options.decoderWorkerPath,
  });
  const settings = new AppSettings(join(options.userDataDir, 'settings.json'));
  // Song ids and the scan cache of each hosted folder live beside the settings.
  const host = new HostService({
    stateDir: join(options.userDataDir, 'library'),
    limits: async () => serverLimitsOf((await settings.load()).hostLimits),
    ...options.host,
  });
  const covers = new CoverService({
    cache: new CoverCache(join(options.userDataDir, 'covers')),
    fetch: (songId) => playback.fetchCover(songId),
  });
  const hosting = new HostingRecord(join(options.userDataDir, 'hosting.json'));
  let saving: Promise<void> = Promise.resolve();
  const remember = (state: HostState) => {
    const request = state.running
      ? { folder: state.folder ?? '', port: state.port ?? 0, shareOnLan: state.shareOnLan }
      : null;
    // Losing this only costs re-hosting on the next launch; dispose() waits for it.
    saving = hosting.save(request).catch(() => undefined);
  };
  host.on('changed', remember);

  async function bootstrap(): Promise<void> {
    const firstRun = await settings.isFirstRun();
    const saved = await settings.load();
    const request: HostRequest | null = firstRun
      ? {
          folder: options.bundledMusicDir,
          port: options.defaultHostPort ?? DEFAULT_SETTINGS.port,
          shareOnLan: false,
        }
      : await hosting.load();
    const hostedPort = request ? await startHosting(host, request) : null;
    if (firstRun) {
      await settings.update({ host: LOOPBACK_HOST, port: hostedPort ?? saved.port });
    } else if (
      request &&
      hostedPort !== null &&
      hostedPort !== request.port &&
      isLocal(saved.host) &&
      saved.port === request.port
    ) {
      await settings.update({ port: hostedPort }); // our own library moved to a free port
    }
    const { host: address, port } = await settings.load();
    await playback.connect(address, port).catch(() => undefined); // shown as the connection state
  }

  async function stopHosting(): Promise<HostState> {
    if (listensToOwnHost(playback.getConnection(), host.getState())) await playback.disconnect();
    return host.stop();
  }

  async function dispose(): Promise<void> {
    host.off('changed', remember);
    await Promise.allSettled([playback.dispose(), host.dispose(), saving]);
    // A settings update still being written (the page saves where it was as it closes).
    await settings.flush();
  }

  return { playback, host, settings, covers, bootstrap, stopHosting, dispose };
}

/** Hosts `request`, on a free port if its port is taken; the port, or null (see host state). */
async function startHosting(host: HostService, request: HostRequest): Promise<number | null> {
  try {
    return (await host.start(request)).port;
  } catch (error) {
    if (!(error instanceof ServerStartError && error.code === 'EADDRINUSE')) return null;
    return (await host.start({ ...request, port: 0 }).catch(() => null))?.port ?? null;
  }
}

function isLocal(address: string): boolean {
  return address === LOOPBACK_HOST || address === 'localhost';
}
