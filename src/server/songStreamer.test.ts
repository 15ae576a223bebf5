import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingWritable } from '../../test/support/recordingWritable';
import { FrameParser, MAX_DATA_BYTES } from '../protocol';
import { openSongFile } from './openSongFile';
import { PACED_READ_AHEAD_BYTES } from './readAhead';
import { ReadGate } from './readGate';
import { streamSong } from './songStreamer';
import { StreamPacer } from './streamPacer';

describe('streamSong', () => {
  let folder: string | undefined;
  afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
    folder = undefined;
  });

  it('writes one play packet first, then whole batches, and the song byte for byte', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'tidewave-streamer-'));
    const song = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7) % 251));
    const file = path.join(folder, 'song.mp3');
    await writeFile(file, song);
    const { output, writes } = recordingWritable();
    const opened = await openSongFile(file);
    try {
      const outcome = await streamSong({
        output,
        file: opened,
        byteOffset: 0,
        pacer: null,
        packetsPerBatch: 4,
        signal: new AbortController().signal,
      });
      expect(outcome).toBe('ended');
    } finally {
      await opened.handle.close();
    }
    const packetsPerWrite = writes.map((write) => new FrameParser(1 << 20).push(write));
    expect(packetsPerWrite[0]).toHaveLength(1);
    expect(packetsPerWrite[0][0].fields[1]).toHaveLength(MAX_DATA_BYTES);
    expect(packetsPerWrite[1]).toHaveLength(4);
    const data = packetsPerWrite.flat().flatMap((packet) => packet.fields.slice(1, 2));
    expect(Buffer.concat(data).equals(song)).toBe(true);
  });

  it('reads a paced stream a few batches per pool trip, and writes what one read per batch did', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'tidewave-streamer-'));
    const song = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 13) % 253));
    const file = path.join(folder, 'song.mp3');
    await writeFile(file, song);
    /** Each write, and the trips to the thread pool. */
    const run = async (paced: boolean) => {
      const { output, writes } = recordingWritable();
      const opened = await openSongFile(file);
      // Each file read is one trip to libuv's thread pool.
      let trips = 0;
      const read = opened.handle.read.bind(opened.handle);
      opened.handle.read = ((...args: Parameters<typeof read>) => {
        trips += 1;
        return read(...args);
      }) as typeof read;
      try {
        const outcome = await streamSong({
          output,
          file: opened,
          byteOffset: 0,
          // A burst of a batch, then a few ms between batches: past its burst at once.
          pacer: paced ? new StreamPacer(2e6, { burstSeconds: 0.01 }) : null,
          packetsPerBatch: 4,
          signal: new AbortController().signal,
        });
        expect(outcome).toBe('ended');
      } finally {
        await opened.handle.close();
      }
      return { writes, trips };
    };
    const unpaced = await run(false);
    const paced = await run(true);
    // One read per 4-packet batch unpaced; paced, the first packet, then a read-ahead per trip.
    expect(unpaced.trips).toBeGreaterThanOrEqual(Math.ceil(song.length / (4 * MAX_DATA_BYTES)));
    expect(paced.trips).toBeLessThanOrEqual(3 + Math.ceil(song.length / PACED_READ_AHEAD_BYTES));
    expect(paced.writes.map((write) => write.length)).toEqual(
      unpaced.writes.map((write) => write.length),
    );
    expect(Buffer.concat(paced.writes).equals(Buffer.concat(unpaced.writes))).toBe(true);
  });

  it('writes usual batches during a paced burst and steady ones after, one read each', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'tidewave-streamer-'));
    const song = Buffer.from(Array.from({ length: 700_000 }, (_, i) => (i * 11) % 241));
    const file = path.join(folder, 'song.mp3');
    await writeFile(file, song);
    const { output, writes } = recordingWritable();
    const opened = await openSongFile(file);
    let trips = 0;
    const read = opened.handle.read.bind(opened.handle);
    opened.handle.read = ((...args: Parameters<typeof read>) => {
      trips += 1;
      return read(...args);
    }) as typeof read;
    const burstBytes = 200_000;
    try {
      const outcome = await streamSong({
        output,
        file: opened,
        byteOffset: 0,
        // 400 kB/s with a half-second burst (its first audio inside it), then 600 kB/s.
        pacer: new StreamPacer(400_000, { burstSeconds: burstBytes / 400_000 }),
        packetsPerBatch: 4,
        steadyPacketsPerBatch: 8,
        // No stream of this gate waits for its first audio.
        readGate: new ReadGate(4),
        signal: new AbortController().signal,
      });
      expect(outcome).toBe('ended');
    } finally {
      await opened.handle.close();
    }
    const packets = writes.map((write) => new FrameParser(1 << 20).push(write));
    let sent = 0;
    const inBurst: number[] = [];
    const after: number[] = [];
    for (const [i, write] of writes.entries()) {
      (sent < burstBytes ? inBurst : after).push(packets[i].length);
      sent += write.length;
    }
    expect(Math.max(...inBurst)).toBeLessThanOrEqual(4);
    // All whole steady batches but the song's last pieces (and the end marker).
    expect(after.slice(0, -3).every((count) => count === 8)).toBe(true);
    expect(after.length).toBeGreaterThanOrEqual(15);
    // One pool trip per 32 KiB read ahead, a steady batch each after the burst.
    const steadyBytes = 8 * MAX_DATA_BYTES;
    expect(steadyBytes).toBeLessThanOrEqual(PACED_READ_AHEAD_BYTES);
    const bound = 3 + Math.ceil(song.length / steadyBytes);
    expect(trips).toBeLessThanOrEqual(bound);
    const data = packets.flat().flatMap((packet) => packet.fields.slice(1, 2));
    expect(Buffer.concat(data).equals(song)).toBe(true);
  });
});
