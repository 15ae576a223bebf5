import type { ScriptSong } from './hostileScript';

/**
 * What docs/PROTOCOL.md says a Tidewave server answers to a byte stream, written from the
 * document (sections 2, 4 to 12 and 15), not from src/server: the packets the stream holds, in
 * order, and for each its reply (if any), the song it starts (if any), whether it cancels the
 * song streaming, and whether the connection ends after it.
 */

/** The server's bound on one request (§2.2). */
export const MAX_REQUEST_BYTES = 65_536;
const END = Buffer.from('<END;>');
const NEXT = Buffer.from('<NEXT;>');
const ACCESS_REQUIRED =
  'access code required: this library needs a Tidewave client that knows its access code';

export interface ModelLibrary {
  songs: readonly ScriptSong[];
  /** The list replies, whole, as a clean client gets them. */
  replies: { plain: Buffer; meta: Buffer; gzip: Buffer };
  /** Whether the server asks for an access code (§15); the peer never proves it. */
  coded: boolean;
}

export type ExpectedReply = { kind: 'exact'; bytes: Buffer } | { kind: 'challenge' };

export interface RequestEffect {
  /** The packet's first bytes, for a report. */
  label: string;
  reply: ExpectedReply | null;
  /** A play accepted: its song streams from `seconds`. */
  play: { song: number; seconds: number } | null;
  /** The song streaming (if any) stops here: stop, quit, or an accepted play. */
  cancels: boolean;
  /** The server closes after this reply (quit, an access refusal). */
  terminal: boolean;
}

export interface ModelOutcome {
  /** Every complete request the server handles, in order. */
  requests: RequestEffect[];
  /** The peer sent more than the bound without `<END;>` after `requests`: it is disconnected. */
  oversize: boolean;
}

/** The whole stream's requests, as §2.2's receiver reads them. */
export function modelReplies(stream: Buffer, library: ModelLibrary): ModelOutcome {
  const requests: RequestEffect[] = [];
  const state = { challenged: false };
  for (let at = 0; ;) {
    const end = stream.indexOf(END, at);
    const bodyLength = (end === -1 ? stream.length : end) - at;
    if (bodyLength > MAX_REQUEST_BYTES) return { requests, oversize: true };
    if (end === -1) return { requests, oversize: false };
    const effect = answer(splitFields(stream.subarray(at, end)), library, state);
    requests.push(effect);
    if (effect.terminal) return { requests, oversize: false };
    at = end + END.length;
  }
}

function splitFields(body: Buffer): Buffer[] {
  const fields: Buffer[] = [];
  let start = 0;
  for (let at = body.indexOf(NEXT); at !== -1; at = body.indexOf(NEXT, start)) {
    fields.push(body.subarray(start, at));
    start = at + NEXT.length;
  }
  if (start < body.length) fields.push(body.subarray(start));
  return fields;
}

const packet = (...fields: string[]): Buffer =>
  Buffer.from(fields.map((field) => `${field}<NEXT;>`).join('') + '<END;>', 'utf8');
const exact = (bytes: Buffer): ExpectedReply => ({ kind: 'exact', bytes });
/** §10: `<` and `>` in a message are written as ‹ and ›. */
const error = (message: string): ExpectedReply =>
  exact(packet('error', message.replace(/</g, '\u2039').replace(/>/g, '\u203a')));

function effect(
  label: string,
  reply: ExpectedReply | null,
  more: Partial<RequestEffect> = {},
): RequestEffect {
  return { label, reply, play: null, cancels: false, terminal: false, ...more };
}

function answer(
  fields: Buffer[],
  library: ModelLibrary,
  state: { challenged: boolean },
): RequestEffect {
  const type = fields[0]?.toString('latin1') ?? '';
  const label = JSON.stringify(
    Buffer.concat(fields.slice(0, 3)).subarray(0, 40).toString('latin1'),
  );
  const second = fields[1]?.toString('latin1');
  if (type === 'stop') return effect(label, exact(packet('stop')), { cancels: true });
  if (type === 'quit')
    return effect(label, exact(packet('quit')), { cancels: true, terminal: true });
  if (library.coded) {
    // §15.2: before the proof only auth, stop and quit are answered.
    if (type === 'list' || type === 'play' || type === 'cover') {
      return effect(label, error(ACCESS_REQUIRED), { terminal: true });
    }
    if (type !== 'auth') return effect(label, null);
    if ((second ?? '') === '') {
      state.challenged = true;
      return effect(label, { kind: 'challenge' });
    }
    // The peer never knows the code: any response is wrong, malformed, or to no challenge.
    if (second === 'response') return effect(label, error('wrong access code'), { terminal: true });
    return effect(label, null);
  }
  if (type === 'auth') return effect(label, exact(packet('auth', 'ok')));
  if (type === 'list') {
    const meta = second === 'meta';
    const { plain, meta: withMeta, gzip } = library.replies;
    return effect(
      label,
      exact(meta && fields[2]?.toString('latin1') === 'gzip' ? gzip : meta ? withMeta : plain),
    );
  }
  if (type === 'play') {
    const play = checkPlay(fields, library.songs);
    return 'message' in play
      ? effect(label, error(play.message))
      : effect(label, null, { play, cancels: true });
  }
  return effect(label, null); // pause, resume, hello and anything unknown: no reply
}

/** §6, §7 and §10: an id of 1 to 9 digits that is listed, and a plain decimal start before the end. */
function checkPlay(
  fields: Buffer[],
  songs: readonly ScriptSong[],
): { song: number; seconds: number } | { message: string } {
  const idText = fields[1]?.toString('latin1');
  const id = idText !== undefined && /^\d{1,9}$/.test(idText) ? Number(idText) : null;
  const song = songs.find((s) => s.id === id);
  if (!song) return { message: `unknown song id ${id ?? quote(fields[1])}` };
  const start = fields[2];
  if (start === undefined || start.length === 0) return { song: song.id, seconds: 0 };
  const text = start.toString('latin1');
  if (text.length > 32 || !/^\d+(\.\d+)?$/.test(text)) {
    return { message: `bad start time ${quote(start)} for song ${song.id}` };
  }
  const seconds = Number(text);
  if (seconds > 0 && seconds >= song.durationSeconds) {
    return {
      message: `start time ${text} s is past the end of song ${song.id} (${song.durationSeconds.toFixed(3)} s)`,
    };
  }
  return { song: song.id, seconds };
}

/** §10: a quoted field is read as UTF-8 and cut to its first 40 characters, JSON-quoted. */
function quote(field: Buffer | undefined): string {
  return JSON.stringify([...(field?.toString('utf8') ?? '')].slice(0, 40).join(''));
}
