import fc from 'fast-check';

/** What the generator needs to know of the library: each song's id and length. */
export interface ScriptSong {
  id: number;
  durationSeconds: number;
}

/** A piece of what the hostile peer sends, named for a failure's report. */
export interface Token {
  label: string;
  bytes: Buffer;
  [fc.toStringMethod]: () => string;
}

/** When the next write goes: in the same turn, after a turn of the event loop, or later. */
export type Gap = { at: 'now' } | { at: 'tick' } | { at: 'ms'; ms: number };

/**
 * One hostile connection: its bytes (the tokens joined), cut into writes at `cuts` (fractions
 * of the whole) with a gap after each, read always, never (until the script is over) or a
 * little at a time, and ended by a `quit`, a half-close or an abrupt close. `extraConnections`
 * more connections from the same address say nothing much (the per-address cap is 3).
 */
export interface HostileScript {
  server: 'open' | 'coded';
  tokens: Token[];
  cuts: Array<{ at: number; gap: Gap }>;
  reading: 'always' | 'never' | 'slow';
  ending: 'quit' | 'halfClose' | 'close';
  /** Milliseconds the peer reads on before it ends, so songs it asked for get under way. */
  linger: number;
  extraConnections: number;
  /** What the good listener plays meanwhile: a song from its start, or from `seconds`. */
  listener: { song: number; seconds: number };
}

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');
/** A packet as the wire spells it; fields are taken as UTF-8. */
const packet = (...fields: string[]): Buffer =>
  Buffer.from(fields.map((field) => `${field}<NEXT;>`).join('') + '<END;>', 'utf8');
/** Printed by its label in fast-check's report: the bytes can be 64 KiB. */
const token = (label: string, bytes: Buffer): Token => ({
  label,
  bytes,
  [fc.toStringMethod]: () => JSON.stringify(label),
});
const word = (text: string): fc.Arbitrary<Token> => fc.constant(token(text, packet(text)));

/** A start time inside the song: at least 1 ms, before its end. */
function secondsWithin(song: ScriptSong): fc.Arbitrary<number> {
  const last = Math.floor(song.durationSeconds * 1000) - 1;
  return fc.integer({ min: 1, max: last }).map((ms) => ms / 1000);
}

const BAD_IDS = ['99', '-1', '1.5', '', 'abc', '1234567890', '000000001', ' 1', '+1', '١', '1e0'];
const BAD_STARTS = ['1e3', '-1', '.5', ' 4', 'Infinity', 'NaN', '4.', '9'.repeat(33), '999', '0'];

/** Requests a real client makes, with the ids and times this library has. */
function validRequests(songs: readonly ScriptSong[]): fc.Arbitrary<Token> {
  const song = fc.constantFrom(...songs);
  return fc.oneof(
    word('list'),
    fc.constant(token('list meta', packet('list', 'meta'))),
    fc.constant(token('list meta gzip', packet('list', 'meta', 'gzip'))),
    { weight: 6, arbitrary: song.map((s) => token(`play ${s.id}`, packet('play', String(s.id)))) },
    {
      weight: 4,
      arbitrary: song.chain((s) =>
        secondsWithin(s).map((at) =>
          token(`play ${s.id} ${at}`, packet('play', String(s.id), String(at))),
        ),
      ),
    },
    word('stop'),
    word('pause'),
    word('resume'),
    fc.string({ maxLength: 20 }).map((name) => token('hello', packet('hello', name))),
  );
}

/** Requests that are refused, and bytes that are no request at all. */
function badInput(songs: readonly ScriptSong[]): fc.Arbitrary<Token> {
  const song = fc.constantFrom(...songs);
  return fc.oneof(
    fc.constantFrom(...BAD_IDS).map((id) => token(`play "${id}"`, packet('play', id))),
    fc
      .tuple(song, fc.constantFrom(...BAD_STARTS, ...songs.map((s) => String(s.durationSeconds))))
      .map(([s, at]) => token(`play ${s.id} "${at}"`, packet('play', String(s.id), at))),
    fc.constantFrom('PLAY', 'foo', 'list ', 'cover?', '').map((w) => token(`"${w}"`, packet(w))),
    fc.constant(token('<END;>', latin1('<END;>'))),
    fc.constant(token('<NEXT;>', latin1('<NEXT;>'))),
    fc
      .constantFrom('\r', '\n', '\r\n', '\0', '\0\0\0<END;>')
      .map((b) => token(JSON.stringify(b), latin1(b))),
    fc
      .uint8Array({ minLength: 1, maxLength: 300 })
      .map((b) => token(`${b.length} random bytes`, Buffer.from(b))),
    // A huge line, to be continued by whatever comes next: under, near and over 64 KiB.
    fc
      .oneof(
        fc.integer({ min: 1_000, max: 30_000 }),
        fc.integer({ min: 65_520, max: 65_545 }),
        fc.integer({ min: 65_546, max: 67_000 }),
      )
      .map((n) => token(`${n} bytes of "a"`, Buffer.alloc(n, 'a'))),
    // A PROXY preamble where none belongs: this server was not told of any balancer.
    fc.constant(token('PROXY v2 LOCAL', Buffer.from('0d0a0d0a000d0a515549540a20000000', 'hex'))),
    fc.constant(token('PROXY v1', latin1('PROXY TCP4 10.0.0.1 10.0.0.2 5000 80\r\n'))),
    // The access code handshake, wrong in every way.
    fc.constant(token('auth', packet('auth'))),
    fc.constantFrom('challenge', 'ok', 'bogus').map((w) => token(`auth ${w}`, packet('auth', w))),
    fc
      .tuple(
        fc.constantFrom('', 'zz', 'ab'.repeat(32)),
        fc.constantFrom('', 'cd'.repeat(32), '00'.repeat(31)),
      )
      .map(([nonce, proof]) =>
        token('auth response (wrong)', packet('auth', 'response', nonce, proof)),
      ),
  );
}

/** Many requests in one token (so in one write, unless a cut falls inside). */
function burst(songs: readonly ScriptSong[]): fc.Arbitrary<Token> {
  return fc
    .tuple(fc.oneof(validRequests(songs), badInput(songs)), fc.integer({ min: 2, max: 200 }))
    .map(([one, times]) =>
      token(`${times} × ${one.label}`, Buffer.concat(Array<Buffer>(times).fill(one.bytes))),
    );
}

const gap: fc.Arbitrary<Gap> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Gap>({ at: 'now' }) },
  { weight: 3, arbitrary: fc.constant<Gap>({ at: 'tick' }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 150 }).map<Gap>((ms) => ({ at: 'ms', ms })) },
);

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
/**
 * Now and then one pause longer than the request timeout (600 ms in the property), often inside
 * a request: the server's `timed out` error and close.
 */
const stall = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fraction.map((at) => ({ at, gap: { at: 'ms', ms: 700 } as Gap })) },
);

export function hostileScripts(songs: readonly ScriptSong[]): fc.Arbitrary<HostileScript> {
  const tokenArb = fc.oneof(
    { weight: 5, arbitrary: validRequests(songs) },
    { weight: 4, arbitrary: badInput(songs) },
    { weight: 1, arbitrary: burst(songs) },
    // A quit part way: the rest is read and dropped.
    { weight: 1, arbitrary: word('quit') },
  );
  const song = fc.constantFrom(...songs);
  return fc.record({
    server: fc.constantFrom('open' as const, 'coded' as const),
    tokens: fc.array(tokenArb, { minLength: 1, maxLength: 14 }),
    cuts: fc
      .tuple(fc.array(fc.record({ at: fraction, gap }), { maxLength: 12 }), stall)
      .map(([cuts, stalled]) => (stalled === null ? cuts : [...cuts, stalled])),
    reading: fc.constantFrom('always' as const, 'never' as const, 'slow' as const),
    ending: fc.constantFrom('quit' as const, 'halfClose' as const, 'close' as const),
    linger: fc.oneof(fc.constant(0), fc.integer({ min: 20, max: 400 })),
    extraConnections: fc.nat(3),
    listener: song.chain((s) =>
      fc.oneof(fc.constant(0), secondsWithin(s)).map((seconds) => ({ song: s.id, seconds })),
    ),
  });
}

/** The script's bytes, cut into writes, each with the gap that follows it. */
export function scriptWrites(script: HostileScript): Array<{ bytes: Buffer; gap: Gap }> {
  const all = Buffer.concat(script.tokens.map((t) => t.bytes));
  const cuts = script.cuts
    .map(({ at, gap: after }) => ({ offset: Math.round(at * all.length), gap: after }))
    .sort((a, b) => a.offset - b.offset);
  const writes: Array<{ bytes: Buffer; gap: Gap }> = [];
  let from = 0;
  for (const cut of cuts) {
    if (cut.offset <= from) continue;
    writes.push({ bytes: all.subarray(from, cut.offset), gap: cut.gap });
    from = cut.offset;
  }
  if (from < all.length) writes.push({ bytes: all.subarray(from), gap: { at: 'now' } });
  return writes;
}

/** One line per part, for a failure's report. */
export function describeScript(script: HostileScript): string {
  const writes = scriptWrites(script).map(
    (w) => `${w.bytes.length} B then ${w.gap.at === 'ms' ? `${w.gap.ms} ms` : w.gap.at}`,
  );
  return [
    `server ${script.server}, reading ${script.reading}, ending ${script.ending} after ${script.linger} ms, ${script.extraConnections} extra connections`,
    `listener: song ${script.listener.song} from ${script.listener.seconds} s`,
    `tokens: ${script.tokens.map((t) => t.label).join(' | ')}`,
    `writes: ${writes.join(', ')}`,
  ].join('\n');
}
