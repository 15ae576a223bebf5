/**
 * The typed contract between the renderer and the main process. The preload script exposes an
 * object of type `TidewaveApi` as `window.tidewave`; the main process validates every argument.
 * The IPC channels, handler and validator types are derived from it (ipcChannels.ts).
 */
import type { HostActivity } from './hostActivity';

export interface SongInfo {
  id: number;
  title: string;
  artist: string | null;
  album: string | null;
  /** Null when the server has no metadata extension (a seed-era server). */
  durationSeconds: number | null;
  hasCover: boolean;
  /**
   * From the metadata document's newer members (PROTOCOL §5); absent when the server did not
   * send them (a seed-era server, or one from before them), null when the file has no such tag.
   */
  /** `mp3`, `flac`, `vorbis`, `opus` or `wav`. */
  format?: string | null;
  /** The track number tag (the document's `trackNumber`). */
  track?: number | null;
  /** The disc number tag (the document's `discNumber`). */
  disc?: number | null;
  sampleRate?: number | null;
  channels?: number | null;
  /** Bits per second. */
  bitrate?: number | null;
  year?: number | null;
  genre?: string | null;
  albumArtist?: string | null;
  /** SHA-256 (hex) of the cover's bytes (PROTOCOL §19): the cover cache's key; null for none. */
  coverHash?: string | null;
}

/** 'reconnecting': the connection was lost mid-song and main is trying again (see `retry`). */
export type ConnectionStatus =
  'disconnected' | 'connecting' | 'connected' | 'reconnecting' | 'error';

export interface ConnectionState {
  status: ConnectionStatus;
  host: string;
  port: number;
  /** True when the server answers `list` with the metadata extension. */
  hasMetadata: boolean;
  /** A readable reason when status is 'error' or the server went away. */
  error: string | null;
  /** While 'reconnecting': the next attempt (from 1) and the wait before it. */
  retry?: { attempt: number; delayMs: number };
}

export interface DisconnectResult {
  /** The server answered `quit` before the socket closed. */
  quitAcknowledged: boolean;
}

export interface HostState {
  running: boolean;
  folder: string | null;
  port: number | null;
  /** Bound address: 127.0.0.1 unless sharing on the LAN was chosen. */
  host: string | null;
  shareOnLan: boolean;
  /** Addresses others can use, e.g. ["192.168.1.20:8080"], or ["127.0.0.1:8080"] when local. */
  shareAddresses: string[];
  songCount: number;
  error: string | null;
  /** Clients must prove an access code (PROTOCOL §15); seed-era clients cannot connect. */
  accessCode?: boolean;
  /** Announced on the network as this name (DNS-SD, PROTOCOL §16); null when not announced. */
  announcedAs?: string | null;
  /** Why a library shared on the network is not announced (its name and variants taken). */
  announceError?: string | null;
}

/** No library hosted: what main reports before hosting and after it stops. */
export const STOPPED_HOST: HostState = {
  running: false,
  folder: null,
  port: null,
  host: null,
  shareOnLan: false,
  shareAddresses: [],
  songCount: 0,
  error: null,
};

export interface HostRequest {
  folder: string;
  port: number;
  shareOnLan: boolean;
}

export interface PlayRequest {
  songId: number;
  /** Seconds into the song; the server starts at the nearest MP3 frame. */
  startSeconds?: number;
}

export interface PlayStarted {
  /** Identifies this stream's audio chunks and events; increases with every play. */
  streamId: number;
  songId: number;
  startSeconds: number;
}

/** Decoded audio for the renderer's buffer queue. Channels are planar. */
export interface AudioChunk {
  streamId: number;
  sampleRate: number;
  channels: Float32Array[];
}

export type StreamEvent =
  | { kind: 'started'; streamId: number; songId: number }
  /** The cover art found in the song's tags, as a data: URL (image/png or image/jpeg). */
  | { kind: 'cover'; streamId: number; dataUrl: string }
  /** All of the song's audio has been sent as chunks. */
  | { kind: 'ended'; streamId: number }
  | { kind: 'stopped'; streamId: number }
  | { kind: 'error'; streamId: number; message: string };

/** The connected server's library changed (its `changed` notice, PROTOCOL §5.2): list again. */
export interface LibraryChange {
  /** Songs the server now lists; null when its notice gave no count. */
  songCount: number | null;
}

export type MediaKey = 'play-pause' | 'next' | 'previous' | 'stop';

/**
 * The hosted server's connection caps and request timeout (docs/PROTOCOL.md §14.1), applied the
 * next time hosting starts.
 */
export interface HostLimits {
  /** Connections open at once; the next one gets an `error` and is closed. */
  maxConnections: number;
  /** Connections open at once from one address. */
  maxConnectionsPerAddress: number;
  /** Time a connection has to send its first request, and to finish any request. */
  requestTimeoutSeconds: number;
}

export interface Settings {
  host: string;
  port: number;
  volume: number;
  /** The level before the last mute, which unmuting comes back to, after a restart too. */
  unmutedVolume?: number;
  /** False until the person has dismissed the first-run introduction. */
  onboarded: boolean;
  /** Where to come back to after a restart (issue 10): the song and position, paused. */
  resume?: ResumePoint | null;
  /** Closing the window hides it to the tray and playing goes on (off by default). */
  keepPlayingInTray?: boolean;
  /** A desktop notification names each new song while the window is not focused. */
  notifyOnNewSong?: boolean;
  hostLimits: HostLimits;
}

/** A song and a position in it, on one server: song ids belong to their server. */
export interface ResumePoint {
  host: string;
  port: number;
  songId: number;
  seconds: number;
}

/** What the renderer plays, for main's tray, notification and sleep blocker. */
export interface PlayingReport {
  status: 'idle' | 'playing' | 'paused';
  songId: number | null;
  title: string | null;
  artist: string | null;
}

/** A library announced on the network (DNS-SD), as the connection bar lists it. */
export interface FoundLibraryInfo {
  /** Stable while the library is announced (its DNS-SD name). */
  id: string;
  name: string;
  /** IPv4 first. */
  addresses: string[];
  port: number;
  songCount: number;
  /** Whether the library asks for an access code. */
  accessCode: boolean;
}

export type Unsubscribe = () => void;

export type { ListenerInfo } from './listenerInfo';
export type { HostActivity } from './hostActivity';
export type { RefusalInfo, RefusalReason } from './refusalInfo';

export interface TidewaveApi {
  connect(host: string, port: number): Promise<ConnectionState>;
  disconnect(): Promise<DisconnectResult>;
  getConnection(): Promise<ConnectionState>;
  listSongs(): Promise<SongInfo[]>;
  play(request: PlayRequest): Promise<PlayStarted>;
  stop(): Promise<void>;
  /**
   * Flow control: the seconds of audio the renderer holds but has not played yet (of every
   * stream queued), and the seconds of `streamId` it has received in all. Main subtracts the
   * second from what it has sent to know what is still in flight.
   */
  reportBuffer(streamId: number, bufferedSeconds: number, receivedSeconds: number): void;
  /** What plays now, sent when it changes (the tray, notifications, no sleep while playing). */
  reportPlaying(report: PlayingReport): void;
  /** The listener paused or went on: main asks the server to hold the song (PROTOCOL.md §17). */
  reportPaused(paused: boolean): void;
  startHost(request: HostRequest): Promise<HostState>;
  stopHost(): Promise<HostState>;
  getHost(): Promise<HostState>;
  /** Sends that listener an `error` and closes it; false when it had already left. */
  disconnectListener(id: number): Promise<boolean>;
  /** Lets every listener go; resolves to how many there were. */
  disconnectAllListeners(): Promise<number>;
  /** Who listens to the hosted library and which addresses its access code refused. */
  getHostActivity(): Promise<HostActivity>;
  /** The same, pushed when it changes (bytes sent at most once a second): no polling. */
  onHostActivity(listener: (activity: HostActivity) => void): Unsubscribe;
  pickFolder(): Promise<string | null>;
  getSettings(): Promise<Settings>;
  setSettings(patch: Partial<Settings>): Promise<Settings>;
  /**
   * The cover of song `songId`, whose list entry gave `coverHash` (PROTOCOL §19), as a data: URL,
   * or null when there is none to show. From main's disk cache, else fetched from the server.
   */
  getCover(songId: number, coverHash: string): Promise<string | null>;
  onConnectionChanged(listener: (state: ConnectionState) => void): Unsubscribe;
  onHostChanged(listener: (state: HostState) => void): Unsubscribe;
  onStreamEvent(listener: (event: StreamEvent) => void): Unsubscribe;
  onAudio(listener: (chunk: AudioChunk) => void): Unsubscribe;
  onMediaKey(listener: (key: MediaKey) => void): Unsubscribe;
  onLibraryChanged(listener: (change: LibraryChange) => void): Unsubscribe;
  /** The libraries found on the network now. */
  getFoundLibraries(): Promise<FoundLibraryInfo[]>;
  /** The whole list again each time a library appears, changes or disappears. */
  onLibrariesFound(listener: (libraries: FoundLibraryInfo[]) => void): Unsubscribe;
  /** Connects with an access code, remembered (encrypted) for that library when it works. */
  connectWithCode(host: string, port: number, accessCode: string): Promise<ConnectionState>;
  /** Sets the hosted library's access code ('' removes it); hosting restarts with it. */
  setHostAccessCode(accessCode: string): Promise<HostState>;
}
