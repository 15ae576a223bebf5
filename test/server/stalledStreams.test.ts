import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeMemory } from '../support/memoryProbeServer';
import { RawClient } from '../support/rawClient';
import { makeTempLibrary, type TempLibrary } from './tempLibrary';

const PROBE = path.resolve(import.meta.dirname, '../support/memoryProbeServer.ts');
/** The target for what one stalled stream may cost the server. */
const MAX_BYTES_PER_STREAM = 128 * 1024;
const KB = 1024;

/** Opens `count` connections that each ask for song 0 and then never read. */
async function stalledStreams(port: number, count: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i++) {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => {});
    await once(socket, 'connect');
    socket.pause();
    socket.write('play<NEXT;>0<NEXT;><END;>');
    sockets.push(socket);
  }
  return sockets;
}

describe.runIf(process.platform === 'linux')('memory of streams nobody reads', () => {
  let library: TempLibrary;
  let child: ChildProcess;
  let ports: { paced: number; unpaced: number };
  let listenerSong: Buffer;

  beforeAll(async () => {
    listenerSong = randomBytes(100_000);
    // Random bytes: the server assumes 40 kB/s, so a paced song 0 streams for minutes.
    library = await makeTempLibrary({
      'a.mp3': randomBytes(16 * 1024 * 1024),
      'b.mp3': listenerSong,
    });
    child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', PROBE, library.folder], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    [ports] = (await once(child, 'message')) as [{ paced: number; unpaced: number }];
  });
  afterAll(async () => {
    child.kill();
    await library.remove();
  });

  async function measure(): Promise<ProbeMemory> {
    child.send('measure');
    const [reply] = (await once(child, 'message')) as [ProbeMemory];
    return reply;
  }

  /**
   * Measures once the streams wait: unpaced ones once the kernel's buffers are full and nothing
   * more is sent (streams still sending would leave fresh garbage in the figures); paced ones
   * after a while, as they go on sending a little at a time.
   */
  async function settled(paced: boolean): Promise<ProbeMemory> {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    let last = await measure();
    for (let tries = 0; !paced && tries < 30; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const now = await measure();
      if (now.bytesSent === last.bytesSent) return now;
      last = now;
    }
    return last;
  }

  /** A well-behaved listener: gets song 1 byte for byte. */
  async function listen(port: number): Promise<void> {
    const listener = await RawClient.connect(port);
    listener.send('play<NEXT;>1<NEXT;><END;>');
    expect((await listener.readSong(20_000)).equals(listenerSong)).toBe(true);
    listener.destroy();
    await listener.closed;
  }

  /** Stalls `count` streams on `port`; returns the server's memory per stream, in bytes. */
  async function costPerStream(port: number, count: number, paced: boolean) {
    // Each code path once, so that what is allocated once is in the baseline.
    await listen(port);
    for (const socket of await stalledStreams(port, 1)) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = await measure();
    const sockets = await stalledStreams(port, count);
    try {
      // Meanwhile a well-behaved listener gets its song whole.
      await listen(port);
      const during = await settled(paced);
      expect(during.connections).toBe(count);
      return {
        retained: (during.retained - before.retained) / count,
        rss: (during.rss - before.rss) / count,
      };
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  }

  it('costs the server a bounded amount per paced stream', async () => {
    const cost = await costPerStream(ports.paced, 200, true);
    console.log(
      `200 paced stalled streams: retained ${Math.round(cost.retained / KB)} KB, ` +
        `rss ${Math.round(cost.rss / KB)} KB per stream`,
    );
    expect(cost.retained).toBeLessThanOrEqual(MAX_BYTES_PER_STREAM);
  });

  it('costs the server a bounded amount per unpaced stream stalled on a full socket', async () => {
    // Fewer: each of these fills megabytes of the kernel's socket buffers.
    const cost = await costPerStream(ports.unpaced, 40, false);
    console.log(
      `40 unpaced stalled streams: retained ${Math.round(cost.retained / KB)} KB, ` +
        `rss ${Math.round(cost.rss / KB)} KB per stream`,
    );
    expect(cost.retained).toBeLessThanOrEqual(MAX_BYTES_PER_STREAM);
  });
});
