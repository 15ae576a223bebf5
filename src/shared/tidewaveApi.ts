/**
 * The typed contract between the renderer and the main process. The preload script exposes an
 * object of type `TidewaveApi` as `window.tidewave`; the main process validates every argument.
 * The IPC channels, handler and validator types are derived from it (ipcChannels.ts).
 */

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

export interface Settings {
  host: string;
  port: number;
  volume: number;
  /** False until the person has dismissed the first-run introduction. */
  onboarded: boolean;
}

export type Unsubscribe = () => void;

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
  /** The listener paused or went on: main asks the server to hold the song (PROTOCOL.md §17). */
  reportPaused(paused: boolean): void;
  startHost(request: HostRequest): Promise<HostState>;
  stopHost(): Promise<HostState>;
  getHost(): Promise<HostState>;
  pickFolder(): Promise<string | null>;
  getSettings(): Promise<Settings>;
  setSettings(patch: Partial<Settings>): Promise<Settings>;
  onConnectionChanged(listener: (state: ConnectionState) => void): Unsubscribe;
  onHostChanged(listener: (state: HostState) => void): Unsubscribe;
  onStreamEvent(listener: (event: StreamEvent) => void): Unsubscribe;
  onAudio(listener: (chunk: AudioChunk) => void): Unsubscribe;
  onMediaKey(listener: (key: MediaKey) => void): Unsubscribe;
  onLibraryChanged(listener: (change: LibraryChange) => void): Unsubscribe;
}
