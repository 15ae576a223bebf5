import type { Packet } from '../../src/protocol';
import type { ExpectedReply, ModelOutcome } from './hostileReplyModel';

/** What one accepted play should send: its `start` packet (a seek) and its data, whole. */
export interface StreamExpectation {
  /** The start packet's body (without `<END;>`), or null for a play from the start. */
  start: Buffer | null;
  data: Buffer;
}

export interface Received {
  packet: Packet;
  /** Milliseconds since the connection opened. */
  at: number;
}

export interface HostileObservation {
  received: Received[];
  /** Whether the server closed the connection (rather than the peer, or nobody). */
  closedByServer: boolean;
  /** How the peer ended: after `quit` or a half-close it read everything until the close. */
  ending: 'quit' | 'halfClose' | 'close';
}

const TIMED_OUT = /^timed out: no complete request within /;

/** Where the streams may stand: in stream `k` (-1: none yet), `pos` bytes in, ended or not. */
interface StreamState {
  k: number;
  pos: number;
  ended: boolean;
}

/**
 * Checks a hostile peer's replies against the model: the replies come in request order and are
 * exactly the expected ones; play data between them is, stream after stream, a prefix of each
 * accepted play's bytes, never of a song after it was cancelled; a stream's end marker comes
 * only after all its bytes; nothing follows quit, a refusal or a timeout; and the connection is
 * closed when the protocol says so. Returns the problems found (none: the replies are right).
 */
export function checkHostileReplies(
  model: ModelOutcome,
  streams: readonly StreamExpectation[],
  observed: HostileObservation,
  timeoutMs: number,
): string[] {
  const { requests } = model;
  const replying = requests.flatMap((request, index) => (request.reply ? [index] : []));
  const plays = requests.flatMap((request, index) => (request.play ? [index] : []));
  const cancelAt = plays.map((play) => {
    const after = requests.findIndex((request, index) => index > play && request.cancels);
    return after === -1 ? Infinity : after;
  });
  let nextReply = 0;
  let lastAnswered = -1;
  let ended: string | null = null;
  let nonce: string | null = null;
  let states: StreamState[] = [{ k: -1, pos: 0, ended: true }];
  const legal = (k: number): boolean =>
    plays[k] < (replying[nextReply] ?? Infinity) && cancelAt[k] > lastAnswered;
  const problems: string[] = [];

  for (const [n, { packet, at }] of observed.received.entries()) {
    const where = `packet ${n} (${describe(packet)}, ${Math.round(at)} ms)`;
    if (ended !== null) return [...problems, `${where} after ${ended}`];
    if (packet.type === 'play' || packet.type === 'start') {
      const next = states.flatMap((state) => advance(state, packet, streams, legal));
      if (next.length === 0) {
        return [
          ...problems,
          `${where} belongs to no stream that may send now (${describeStates(states)})`,
        ];
      }
      states = dedupe(next);
      continue;
    }
    if (packet.type === 'error' && TIMED_OUT.test(packet.fields[1]?.toString() ?? '')) {
      if (at < timeoutMs) problems.push(`${where}: timed out after only ${Math.round(at)} ms`);
      ended = 'the timeout error';
      continue;
    }
    const index = replying[nextReply];
    if (index === undefined) return [...problems, `${where}: no reply was due`];
    const expected = requests[index].reply as ExpectedReply;
    const mismatch = compare(expected, packet, nonce);
    if (mismatch !== null)
      return [
        ...problems,
        `${where} answers request ${index} ${requests[index].label}: ${mismatch}`,
      ];
    if (expected.kind === 'challenge') nonce = packet.fields[2].toString('latin1');
    nextReply += 1;
    lastAnswered = index;
    if (requests[index].terminal) ended = `the reply to ${requests[index].label}`;
  }

  const whole = observed.ending !== 'close' && ended !== 'the timeout error';
  const closes = ended !== null || model.oversize || observed.ending === 'halfClose';
  if (whole && !model.oversize && nextReply < replying.length) {
    const index = replying[nextReply];
    problems.push(
      `no reply to request ${index} ${requests[index].label} (of ${replying.length} due)`,
    );
  }
  if (observed.closedByServer && !closes) {
    problems.push('the server closed the connection without a cause');
  }
  if (!observed.closedByServer && closes && observed.ending !== 'close') {
    problems.push('the server did not close the connection');
  }
  // §11: a peer that half-closes gets the song it asked for to its end marker.
  const last = plays.length - 1;
  if (
    observed.ending === 'halfClose' &&
    ended === null &&
    !model.oversize &&
    last >= 0 &&
    cancelAt[last] === Infinity
  ) {
    if (!states.some((state) => state.k === last && state.ended)) {
      problems.push(
        `after the half-close, song of request ${plays[last]} did not end (${describeStates(states)})`,
      );
    }
  }
  return problems;
}

function advance(
  state: StreamState,
  packet: Packet,
  streams: readonly StreamExpectation[],
  legal: (k: number) => boolean,
): StreamState[] {
  const next: StreamState[] = [];
  const data = packet.type === 'play' && packet.fields.length === 2 ? packet.fields[1] : null;
  const endMarker = packet.type === 'play' && packet.fields.length === 1;
  if (state.k >= 0 && !state.ended && legal(state.k)) {
    const expected = streams[state.k].data;
    if (
      data !== null &&
      data.length > 0 &&
      expected.subarray(state.pos, state.pos + data.length).equals(data)
    ) {
      next.push({ k: state.k, pos: state.pos + data.length, ended: false });
    }
    if (endMarker && state.pos === expected.length) next.push({ ...state, ended: true });
  }
  for (let k = state.k + 1; k < streams.length; k++) {
    if (!legal(k)) continue;
    const { start, data: expected } = streams[k];
    if (start !== null) {
      if (packet.type === 'start' && packet.body.equals(start))
        next.push({ k, pos: 0, ended: false });
    } else if (data !== null && data.length > 0 && expected.subarray(0, data.length).equals(data)) {
      next.push({ k, pos: data.length, ended: false });
    }
  }
  return next;
}

function compare(expected: ExpectedReply, packet: Packet, nonce: string | null): string | null {
  if (expected.kind === 'exact') {
    const body = expected.bytes.subarray(0, expected.bytes.length - 6);
    return packet.body.equals(body) ? null : `expected ${describeBytes(body)}`;
  }
  const [type, word, hex] = packet.fields.map((field) => field.toString('latin1'));
  if (type !== 'auth' || word !== 'challenge' || !/^[0-9a-f]{64}$/.test(hex ?? '')) {
    return 'expected an auth challenge';
  }
  return nonce === null || nonce === hex ? null : 'a second challenge with another nonce';
}

function dedupe(states: StreamState[]): StreamState[] {
  const seen = new Map<string, StreamState>();
  for (const state of states) seen.set(`${state.k}:${state.pos}:${state.ended}`, state);
  return [...seen.values()];
}

function describe(packet: Packet): string {
  if (packet.type === 'play')
    return packet.fields.length === 1
      ? 'end marker'
      : `play data ${packet.fields[1]?.length ?? 0} B`;
  return describeBytes(packet.body);
}

function describeBytes(bytes: Buffer): string {
  return JSON.stringify(bytes.subarray(0, 60).toString('latin1'));
}

function describeStates(states: StreamState[]): string {
  return states
    .map((s) => (s.k < 0 ? 'no stream' : `stream ${s.k} at ${s.pos}${s.ended ? ' ended' : ''}`))
    .join(', ');
}
