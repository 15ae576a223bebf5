/** Packet types on the wire. The first field of every packet names its type. */
export const PacketType = {
  List: 'list',
  Play: 'play',
  Stop: 'stop',
  Quit: 'quit',
  /** Extension: the server explains a refused request (for example an unknown song id). */
  Error: 'error',
  /**
   * Extension: before the data of a seek, the song sample the data decodes from (PROTOCOL §7).
   * Sent only to a client that asked for a start time, never for a play from the start.
   */
  Start: 'start',
  /**
   * Extension: unasked, the library changed (PROTOCOL §5.2). Sent only to a client that asked
   * for metadata; never a reply to a request.
   */
  Changed: 'changed',
  /** Extension: hold the current song's data where it is until `resume` (PROTOCOL §17). */
  Pause: 'pause',
  Resume: 'resume',
  /** Extension: the client says what to call it in the host's listeners table (PROTOCOL §18). */
  Hello: 'hello',
  /** Extension: a song's cover image by id; answered with cover packets or an error (§19). */
  Cover: 'cover',
} as const;

export type PacketType = (typeof PacketType)[keyof typeof PacketType];

/** Names in a metadata list reply's fourth field: the server takes `pause` and `resume`. */
export const PAUSE_FEATURE = 'pause';
/** Names in a metadata list reply's fourth field: the server takes `hello` (PROTOCOL §18). */
export const HELLO_FEATURE = 'hello';
/** The `error` text of a listener the host let go, before the close (PROTOCOL §18.2). */
export const DISCONNECTED_BY_HOST = 'disconnected by the host';

/** Names in a metadata list reply's fourth field: the server answers `cover` (PROTOCOL §19). */
export const COVER_FEATURE = 'cover';

/** Extra field of a `list` request asking for the metadata extension. */
export const LIST_METADATA_FLAG = 'meta';

/** A decoded packet: its fields (the first is the type) and the raw body before `<END;>`. */
export interface Packet {
  readonly type: string;
  readonly fields: readonly Buffer[];
  /** Every byte before `<END;>`, kept so play data can be recovered exactly from seed-era peers. */
  readonly body: Buffer;
}
