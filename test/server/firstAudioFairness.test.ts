import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FALLBACK_BYTES_PER_SECOND } from '../../src/server';
import { FIRST_AUDIO_SECONDS, HOLD_HORIZON_MS, START_CLAIM_MS } from '../../src/server/readOrder';
import { MAX_BATCH_BYTES } from '../../src/server/streamPacer';
import { makeTempDir, removeDir } from '../support/mp3Fixtures';
import { startTestServer, waitFor, type RunningServer } from '../support/serverHarness';

const CLIENTS = 30;
/** Random bytes have no duration: the server paces them at the fallback rate. */
const RATE = FALLBACK_BYTES_PER_SECOND;
/** A long burst, so that serving bursts first would show plainly. */
const PACING = { burstSeconds: 8, maxLeadSeconds: 10 };
/** Play data a client holds once its player could start (wire bytes, framing included). */
const FIRST_AUDIO_BYTES = RATE * FIRST_AUDIO_SECONDS * (4096 / 4072);

interface Listener {
  socket: Socket;
  bytes: number;
  /** When it had its first audio (ms), and the bytes every listener had then. */
  firstAudioAt: number | null;
}

describe('many listeners asking at once (issue 12 item 4)', () => {
  let dir: string;
  let running: RunningServer;
  const listeners: Listener[] = [];

  beforeAll(async () => {
    dir = await makeTempDir();
    await writeFile(path.join(dir, '0 song.mp3'), randomBytes(20 * RATE));
    running = await startTestServer({ folder: dir, pacing: PACING });
  });
  afterAll(async () => {
    for (const listener of listeners) listener.socket.destroy();
    await running?.server.close();
    await removeDir(dir);
  });

  it('gives every stream its first audio before any stream gets much more than its own', async () => {
    for (let i = 0; i < CLIENTS; i++) {
      const socket = connect({ port: running.port, host: '127.0.0.1' });
      socket.on('error', () => {});
      const listener: Listener = { socket, bytes: 0, firstAudioAt: null };
      listeners.push(listener);
      await new Promise((resolve) => socket.once('connect', resolve));
    }
    await waitFor(() => running.server.stats().connectionCount === CLIENTS);
    // When the last listener got its first audio, what each of the others had by then.
    let allStartedAt: number | null = null;
    let mostAtThatMoment: { bytes: number; since: number }[] = [];
    const started = performance.now();
    for (const listener of listeners) {
      listener.socket.on('data', (chunk: Buffer) => {
        listener.bytes += chunk.length;
        if (listener.firstAudioAt !== null || listener.bytes < FIRST_AUDIO_BYTES) return;
        listener.firstAudioAt = performance.now();
        if (listeners.some((other) => other.firstAudioAt === null)) return;
        allStartedAt = listener.firstAudioAt;
        mostAtThatMoment = listeners.map((other) => ({
          bytes: other.bytes,
          since: (allStartedAt as number) - (other.firstAudioAt as number),
        }));
      });
    }
    for (const listener of listeners) listener.socket.write('play<NEXT;>0<NEXT;><END;>');
    await waitFor(() => allStartedAt !== null, 20_000);
    const waited = (allStartedAt as unknown as number) - started;
    // Past the claims' life the bursts may go: the order is only promised within it.
    expect(waited).toBeLessThan(START_CLAIM_MS);
    for (const { bytes, since } of mostAtThatMoment) {
      // A playing stream may be kept ahead of its player by the horizon (plus the time since
      // it started playing, a quarter second of slack for this test's own event loop, and one
      // batch under way); with bursts first, each would have had 8 s (330 KB) by now.
      const seconds = FIRST_AUDIO_SECONDS + (since + HOLD_HORIZON_MS) / 1000 + 0.25;
      expect(bytes).toBeLessThanOrEqual(seconds * RATE + MAX_BATCH_BYTES + 4096);
    }
  }, 30_000);
});
