import type { StreamDecoder } from '../decoder';
import type {
  AudioChunk,
  ConnectionState,
  LibraryChange,
  StreamEvent,
} from '../shared/tidewaveApi';
import type { BackoffOptions } from './reconnectBackoff';

/** What a PlaybackService is made with; every bound has a default. */
export interface PlaybackServiceOptions {
  /** Stop reading the song once the renderer holds this much audio (seconds). */
  maxBufferedSeconds?: number;
  /** Read again once the renderer reports less than this. */
  resumeBelowSeconds?: number;
  /** Length of the audio chunks sent to the renderer (seconds). */
  chunkSeconds?: number;
  createDecoder?: () => StreamDecoder;
  /** The built decoder worker (the app passes its bundled path); defaults to the .ts source. */
  decoderWorkerPath?: string;
  /** Bound on each reply from the server (the song list, stop, quit). */
  listTimeoutMs?: number;
  connectTimeoutMs?: number;
  /**
   * When the connection is lost unasked: reconnect with this backoff and resume the song at the
   * first sample not yet emitted (same stream id, so the renderer's stream just goes on).
   * Off by default: the connection is then reported lost at once.
   */
  reconnect?: BackoffOptions | false;
  /** What this player calls itself to servers that take `hello` (PROTOCOL §18); none if left out. */
  clientName?: string;
  log?: (message: string) => void;
  /** The access code to prove to a server (issue 13), asked at every connect and reconnect. */
  accessCodeFor?: (host: string, port: number) => Promise<string | undefined>;
}

export type PlaybackEvents = {
  connection: [ConnectionState];
  stream: [StreamEvent];
  audio: [AudioChunk];
  /** The server's library changed: the song list should be fetched again. */
  library: [LibraryChange];
};
