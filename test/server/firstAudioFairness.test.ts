import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FALLBACK_BYTES_PER_SECOND } from '../../src/server';
import { FIRST_AUDIO_SECONDS, HOLD_HORIZON_MS, READ_AHEAD_MS } from '../../src/server/readOrder';
import { MAX_BATCH_BYTES } from '../../src/server/streamPacer';
import { makeTempDir, removeDir } from '../support/mp3Fixtures';
import { useTestServers, waitFor } from '../support/serverHarness';

const CLIENTS = 30;
/** Random bytes have no duration: the server paces them at the fallback rate. */
const RATE = FALLBACK_BYTES_PER_SECOND;
/** Wire bytes per song byte: a 4,096-byte play packet carries 4,072 of the song. */
const FRAMING = 4096 / 4072;
/** Play data a client holds once its player could start (wire bytes, framing included). */
const FIRST_AUDIO_BYTES = RATE * FIRST_AUDIO_SECONDS * FRAMING;
const PLAY = 'play<NEXT;>0<NEXT;><END;>';

interface Listener {
  socket: Socket;
  bytes: number;
  hasFirstAudio: boolean;
  onFirstAudio: () => void;
}

async function connectListeners(port: number, count: number): Promise<Listener[]> {
  const listeners: Listener[] = [];
  for (let i = 0; i < count; i++) {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.on('error', () => {});
    const listener: Listener = { socket, bytes: 0, hasFirstAudio: false, onFirstAudio: () => {} };
    socket.on('data', (chunk: Buffer) => {
      listener.bytes += chunk.length;
      if (listener.hasFirstAudio || listener.bytes < FIRST_AUDIO_BYTES) return;
      listener.hasFirstAudio = true;
      listener.onFirstAudio();
    });
    listeners.push(listener);
    await new Promise((resolve) => socket.once('connect', resolve));
  }
  return listeners;
}

describe('many listeners asking at once (issue 12 item 4)', () => {
  let dir: string;
  const servers = useTestServers();
  // The server's clock stands still (the read gate, the pacers and the start claims all read
  // performance.now()): a start claim then never expires, so the order is promised for as long as
  // the test runs, and a playing stream's need does not grow with a busy machine's late timers.
  // What each stream may have is then the order's own margin, in bytes, with no time in it.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  beforeAll(async () => {
    dir = await makeTempDir();
    await writeFile(path.join(dir, '0 song.mp3'), randomBytes(120 * RATE));
  });
  afterAll(async () => {
    await removeDir(dir);
  });

  async function start(pacing: { burstSeconds: number; maxLeadSeconds: number }, count: number) {
    const server = await servers.start({ folder: dir, pacing });
    const group = await connectListeners(server.port, count);
    servers.onCleanup(() => group.forEach((listener) => listener.socket.destroy()));
    await waitFor(() => server.server.stats().connectionCount === group.length);
    return group;
  }

  it('gives every stream its first audio before any gets much more than its own', async () => {
    // A long burst, so that serving bursts first would show plainly.
    const group = await start({ burstSeconds: 8, maxLeadSeconds: 10 }, CLIENTS);
    let atLastStart: number[] | null = null;
    for (const listener of group) {
      listener.onFirstAudio = () => {
        if (group.some((other) => !other.hasFirstAudio)) return;
        atLastStart = group.map((other) => other.bytes);
      };
      listener.socket.write(PLAY);
    }
    await waitFor(() => atLastStart !== null, 20_000);
    // A playing stream may be kept ahead of its player by the read-ahead and the horizon, plus
    // one batch under way, and one more: the last claim's release starts the held reads at once,
    // and one round of them can land before this test reads the last first audio. With bursts
    // first, each would have had 8 s (330 KB) by now.
    const seconds = FIRST_AUDIO_SECONDS + (READ_AHEAD_MS + HOLD_HORIZON_MS) / 1000;
    for (const bytes of atLastStart as unknown as number[]) {
      expect(bytes).toBeLessThanOrEqual(seconds * RATE * FRAMING + 2 * MAX_BATCH_BYTES + 4096);
    }
  }, 30_000);

  it('holds the bursts of streams already playing while newcomers wait for their first audio', async () => {
    // A burst of a minute: the early streams are still in it when the newcomers ask.
    const all = await start({ burstSeconds: 60, maxLeadSeconds: 60 }, 10 + CLIENTS);
    const early = all.slice(0, 10);
    const late = all.slice(10);
    for (const listener of early) listener.socket.write(PLAY);
    await waitFor(() => early.every((listener) => listener.bytes >= 4 * MAX_BATCH_BYTES), 10_000);
    const atAsk = early.map((listener) => listener.bytes);
    let atLastStart: number[] | null = null;
    for (const listener of late) {
      listener.onFirstAudio = () => {
        if (late.some((other) => !other.hasFirstAudio)) return;
        atLastStart = early.map((other) => other.bytes);
      };
      listener.socket.write(PLAY);
    }
    await waitFor(() => atLastStart !== null, 20_000);
    const gained = (atLastStart as unknown as number[]).map((bytes, i) => bytes - atAsk[i]);
    console.log(`early streams gained ${gained.map((b) => Math.round(b / 1024)).join(' ')} KB`);
    // What was under way when the newcomers asked (a batch or two each), not their bursts.
    for (const bytes of gained) expect(bytes).toBeLessThanOrEqual(4 * MAX_BATCH_BYTES);
  }, 30_000);
});
