import { vi } from 'vitest';
import { DEFAULT_HOST_LIMITS } from '../../../src/shared/defaults';
import {
  STOPPED_HOST,
  type ConnectionState,
  type HostActivity,
  type HostState,
  type Settings,
  type SongInfo,
  type TidewaveApi,
} from '../../../src/shared/tidewaveApi';

/** A scriptable TidewaveApi for store unit tests (node environment, no Electron). */
export function createFakeApi() {
  let nextStreamId = 1;
  const connection: ConnectionState = {
    status: 'connected',
    host: '127.0.0.1',
    port: 8080,
    hasMetadata: true,
    error: null,
  };
  const host: HostState = STOPPED_HOST;
  const settings: Settings = {
    host: '127.0.0.1',
    port: 8080,
    volume: 0.8,
    onboarded: false,
    hostLimits: DEFAULT_HOST_LIMITS,
  };
  const songs: SongInfo[] = [0, 1, 2].map((id) => ({
    id,
    title: `Song ${id}`,
    artist: 'Artist',
    album: null,
    durationSeconds: 30,
    hasCover: false,
  }));
  const noop = () => () => undefined;
  const api = {
    connect: vi.fn(async (h: string, p: number) => ({ ...connection, host: h, port: p })),
    disconnect: vi.fn(async () => ({ quitAcknowledged: true })),
    getConnection: vi.fn(async () => connection),
    listSongs: vi.fn(async () => songs),
    play: vi.fn(
      async ({ songId, startSeconds = 0 }: { songId: number; startSeconds?: number }) => ({
        streamId: nextStreamId++,
        songId,
        startSeconds,
      }),
    ),
    stop: vi.fn(async () => undefined),
    reportBuffer: vi.fn(),
    reportPlaying: vi.fn(),
    reportPaused: vi.fn(),
    startHost: vi.fn(async () => host),
    stopHost: vi.fn(async () => host),
    getHost: vi.fn(async () => host),
    disconnectListener: vi.fn(async () => false),
    disconnectAllListeners: vi.fn(async () => 0),
    pickFolder: vi.fn(async () => '/music'),
    getSettings: vi.fn(async () => settings),
    setSettings: vi.fn(async (patch: Partial<Settings>) => Object.assign(settings, patch)),
    getCover: vi.fn(async (_songId: number, _coverHash: string): Promise<string | null> => null),
    onConnectionChanged: vi.fn(noop),
    onHostChanged: vi.fn(noop),
    onStreamEvent: vi.fn(noop),
    onAudio: vi.fn(noop),
    onMediaKey: vi.fn(noop),
    onLibraryChanged: vi.fn(noop),
    getFoundLibraries: vi.fn(async () => []),
    onLibrariesFound: vi.fn(noop),
    getHostActivity: vi.fn(async (): Promise<HostActivity> => ({
      listeners: [],
      refusals: [],
      readAt: 0,
    })),
    onHostActivity: vi.fn(noop),
    connectWithCode: vi.fn(async (h: string, p: number) => ({ ...connection, host: h, port: p })),
    setHostAccessCode: vi.fn(async () => host),
  } satisfies TidewaveApi;
  return { api, songs, settings };
}
