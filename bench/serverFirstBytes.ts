import type { Socket } from 'node:net';
import { clientMessages, FrameParser, PacketType } from '../src/protocol';
import { BARE_CHUNK_BYTES, BareRequest } from './bareServer';
import { connectLoopback } from './connectLoopback';
import { StreamCounter } from './streamCounter';
import { now, withTimeout } from './timing';

export interface FirstBytesSamples {
  /** `play` written → the song's first bytes read, on a raw socket, per play (ms). */
  ours: number[];
  /** One 4 KB round trip to the bare server, taken right after each play (ms). */
  bare: number[];
}

/**
 * The server's own share of a first audio, with no player: a raw socket writes `play` and
 * times the song's first bytes, then writes `stop` and waits for its reply, so that the next
 * play starts on a quiet connection. Each play is followed by a 4 KB round trip to the bare
 * server, the least a Node server's reply costs here, so both see the same moments of load.
 */
export async function timeServerFirstBytes(
  port: number,
  barePort: number,
  songIds: readonly number[],
  plays: number,
  timeoutMs: number,
): Promise<FirstBytesSamples> {
  const player = new RawPlayer(await connectLoopback(port));
  const bare = await StreamCounter.connect(barePort, { kind: 'bare' });
  const samples: FirstBytesSamples = { ours: [], bare: [] };
  try {
    for (let i = 0; i < plays; i++) {
      samples.ours.push(await player.timePlay(songIds[i % songIds.length], timeoutMs));
      const started = now();
      await bare.request(BareRequest.chunk, BARE_CHUNK_BYTES, timeoutMs);
      samples.bare.push(now() - started);
    }
    return samples;
  } finally {
    player.socket.destroy();
    bare.close();
  }
}

/** Plays and stops on one connection, parsing only what comes after the first bytes. */
class RawPlayer {
  private readonly parser = new FrameParser(1 << 20);
  private firstBytes: (() => void) | null = null;
  private packets: ((type: string) => void) | null = null;

  constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.firstBytes?.();
      this.firstBytes = null;
      for (const packet of this.parser.push(chunk)) this.packets?.(packet.type);
    });
  }

  async timePlay(songId: number, timeoutMs: number): Promise<number> {
    const first = new Promise<void>((resolve) => (this.firstBytes = resolve));
    const types: string[] = [];
    const stopped = new Promise<void>((resolve) => {
      this.packets = (type) => {
        types.push(type);
        if (type === PacketType.Stop) resolve();
      };
    });
    const started = now();
    this.socket.write(clientMessages.play(songId));
    await withTimeout(first, timeoutMs, `first bytes of song ${songId}`);
    const took = now() - started;
    this.socket.write(clientMessages.stop());
    await withTimeout(stopped, timeoutMs, 'stop reply');
    if (types[0] !== PacketType.Play) throw new Error(`song ${songId}: ${types[0]} before data`);
    return took;
  }
}
