import { connect } from 'node:net';
import { backoffDelayMs, DEFAULT_BACKOFF } from '../../src/player/reconnectBackoff';
import {
  CLIENT_MAX_PACKET_BYTES,
  clientMessages,
  FrameParser,
  PacketType,
} from '../../src/protocol';

/** A player starts once it holds this much audio, as the app's first chunk. */
const STARTUP_SECONDS = 0.25;

export interface TestSong {
  id: number;
  bytes: Buffer;
  bytesPerSecond: number;
}

export interface ListenOutcome {
  /** The first connection's own address and port, as `ADDRESS:PORT`. */
  name: string;
  /**
   * Every connection's own address and port, first to last. A resume may get its closed first
   * connection's port again, so a name can repeat.
   */
  legNames: string[];
  /** A connection failed, or a packet other than play data and start came (null: neither). */
  refused: string | null;
  /** The song's bytes from the first connection. */
  prefix: Buffer;
  /** The song's bytes after the resume (a seek from a little before the cut); null if not cut. */
  resumed: Buffer | null;
  /** The start packet of the resume (FIRST, RATE, TOTAL), and the seconds asked for. */
  start: { first: number; rate: number; total: number; seconds: number } | null;
  complete: boolean;
  /**
   * Audio seconds held ahead of real-time playback when the resumed bytes began to arrive; null
   * when not cut, or cut before the player would have started.
   */
  leadAtResume: number | null;
  /** Audio seconds held ahead of real-time playback when the first connection closed (same nulls). */
  leadAtCut: number | null;
  /** From when the player would have started to when the resumed bytes began (same nulls). */
  leadWindow: { from: number; to: number } | null;
}

interface Leg {
  name: string;
  refused: string | null;
  data: Buffer;
  complete: boolean;
  start: { first: number; rate: number; total: number } | null;
  firstDataAt: number | null;
  closedAt: number;
}

/** One connection: sends `request`, collects play data until the end marker or the close. */
async function leg(port: number, localAddress: string, request: Buffer): Promise<Leg> {
  const socket = connect({ port, host: '127.0.0.1', localAddress });
  const failed = await new Promise<string | null>((resolve) => {
    socket.once('connect', () => resolve(null));
    socket.once('error', (error) => resolve(error.message));
  });
  const result: Leg = {
    name: `${socket.localAddress}:${socket.localPort}`,
    refused: failed,
    data: Buffer.alloc(0),
    complete: false,
    start: null,
    firstDataAt: null,
    closedAt: 0,
  };
  if (failed !== null) return result;
  const parser = new FrameParser(CLIENT_MAX_PACKET_BYTES);
  const parts: Buffer[] = [];
  socket.on('error', () => {}); // A killed replica resets its streams; 'close' ends this.
  socket.setTimeout(20_000, () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    for (const packet of parser.push(chunk)) {
      if (packet.type === PacketType.Start) {
        const [first, rate, total] = packet.fields
          .slice(1)
          .map((field) => Number(field.toString()));
        result.start = { first, rate, total };
      } else if (packet.type !== PacketType.Play) {
        result.refused = packet.fields.map((field) => field.toString()).join(' ');
        socket.destroy();
        return;
      } else if (packet.fields.length === 1) {
        result.complete = true;
        socket.end();
      } else {
        result.firstDataAt ??= performance.now();
        parts.push(packet.fields[1]);
      }
    }
  });
  socket.write(request);
  await new Promise<void>((resolve) => socket.once('close', () => resolve()));
  result.closedAt = performance.now();
  result.data = Buffer.concat(parts);
  return result;
}

/**
 * A listener that behaves as the player does when its connection is cut: it reconnects with
 * the player's backoff and asks for the song from a little before where its bytes reached
 * (`play ID SECONDS`, PROTOCOL §7.3). Parses packets, so any framing slip shows.
 */
export async function listenWithResume(
  port: number,
  localAddress: string,
  song: TestSong,
): Promise<ListenOutcome> {
  const first = await leg(port, localAddress, clientMessages.play(song.id));
  const outcome: ListenOutcome = {
    name: first.name,
    legNames: [first.name],
    refused: first.refused,
    prefix: first.data,
    resumed: null,
    start: null,
    complete: first.complete,
    leadAtResume: null,
    leadAtCut: null,
    leadWindow: null,
  };
  if (first.complete || (first.refused !== null && first.data.length > 0)) return outcome;
  // When a player holding the prefix would have started, and where its audio runs out.
  const startupBytes = STARTUP_SECONDS * song.bytesPerSecond;
  const heldSeconds = first.data.length / song.bytesPerSecond;
  const playingSince = first.data.length >= startupBytes ? first.firstDataAt : null;
  // A little before the cut, in whole milliseconds, as the player asks; nothing held: the start.
  const seconds = Math.floor(heldSeconds * 0.9 * 1000) / 1000;
  const request =
    seconds > 0 ? clientMessages.play(song.id, seconds) : clientMessages.play(song.id);
  for (let attempt = 0; attempt < 6; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, backoffDelayMs(attempt, DEFAULT_BACKOFF)));
    const next = await leg(port, localAddress, request);
    outcome.legNames.push(next.name);
    if (next.refused !== null && next.firstDataAt === null) continue; // refused: try again
    outcome.refused = next.refused;
    outcome.resumed = next.data;
    outcome.complete = next.complete;
    outcome.start = next.start && { ...next.start, seconds };
    // A player that had not started yet (cut before its first 0.25 s) had no audio to run out.
    outcome.leadAtResume =
      playingSince === null
        ? null
        : heldSeconds - ((next.firstDataAt ?? Infinity) - playingSince) / 1000;
    outcome.leadAtCut =
      playingSince === null ? null : heldSeconds - (first.closedAt - playingSince) / 1000;
    outcome.leadWindow =
      playingSince === null ? null : { from: playingSince, to: next.firstDataAt ?? Infinity };
    return outcome;
  }
  outcome.refused = 'no replica took the resume within 6 attempts';
  return outcome;
}
