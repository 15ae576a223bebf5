import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { FrameParser } from '../protocol';
import { openSongFile, type OpenedSongFile } from './openSongFile';
import { PacerClock } from './pacerClock';
import { ReadGate } from './readGate';
import { streamSong, type StreamOutcome } from './songStreamer';
import { StreamPacer } from './streamPacer';

/** A sink that takes every write at once, counting the bytes. */
function sink(): Writable & { bytes: number } {
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output.bytes += chunk.length;
      done();
    },
  }) as Writable & { bytes: number };
  output.bytes = 0;
  return output;
}

/** Counts the wakes asked of it, to show the streams waited on it. */
class CountingClock extends PacerClock {
  asked = 0;
  override wakeAfter(ms: number, wake: () => void) {
    this.asked += 1;
    return super.wakeAfter(ms, wake);
  }
}

/** Polls `check` each turn of the event loop, at most `turns` times. */
async function until(check: () => boolean, turns = 20_000): Promise<void> {
  for (let turn = 0; turn < turns && !check(); turn++) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  expect(check()).toBe(true);
}

describe('paced streams on the shared clock', () => {
  let folder: string | undefined;
  let opened: OpenedSongFile | undefined;
  afterEach(async () => {
    await opened?.handle.close();
    opened = undefined;
    if (folder) await rm(folder, { recursive: true, force: true });
    folder = undefined;
  });

  it('leaves the clock empty after a thousand paced streams waiting on it are cancelled or closed', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'tidewave-clock-'));
    const file = path.join(folder, 'song.mp3');
    await writeFile(file, Buffer.alloc(400_000, 7));
    opened = await openSongFile(file);
    const clock = new PacerClock(20);
    const gate = new ReadGate(16);
    const streams = Array.from({ length: 1000 }, () => {
      const output = sink();
      const controller = new AbortController();
      // Burst of one packet: each stream then waits on the clock for its next batch (~0.25 s).
      const pacer = new StreamPacer(40_000, { burstSeconds: 0.1 });
      const outcome = streamSong({
        output,
        file: opened as OpenedSongFile,
        byteOffset: 0,
        pacer,
        signal: controller.signal,
        readGate: gate,
        pacerClock: clock,
      });
      return { output, controller, outcome };
    });
    await until(() => clock.waiting === 1000);
    const sentBefore = streams.map((stream) => stream.output.bytes);
    streams.forEach((stream, i) => {
      if (i % 2 === 0) stream.controller.abort(new Error('cancelled'));
      else stream.output.destroy();
    });
    const outcomes: StreamOutcome[] = await Promise.all(streams.map((stream) => stream.outcome));
    expect(outcomes.every((outcome) => outcome === 'cancelled')).toBe(true);
    expect(clock.waiting).toBe(0);
    // Not one byte after the cancel.
    expect(streams.map((stream) => stream.output.bytes)).toEqual(sentBefore);
  });

  it('sends every stream its song byte for byte, each woken by the clock between batches', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'tidewave-clock-'));
    const song = Buffer.from(Array.from({ length: 60_000 }, (_, i) => (i * 31) % 241));
    const file = path.join(folder, 'song.mp3');
    await writeFile(file, song);
    opened = await openSongFile(file);
    const clock = new CountingClock(20);
    const runs = Array.from({ length: 20 }, async () => {
      const writes: Buffer[] = [];
      const output = new Writable({
        write(chunk: Buffer, _encoding, done) {
          writes.push(chunk);
          done();
        },
      });
      // 30 KB/s at 1.5x, a burst of 0.2 s: the 60 KB take a few clock wakes each.
      const pacer = new StreamPacer(30_000, { burstSeconds: 0.2 });
      const outcome = await streamSong({
        output,
        file: opened as OpenedSongFile,
        byteOffset: 0,
        pacer,
        signal: new AbortController().signal,
        readGate: new ReadGate(4),
        pacerClock: clock,
      });
      return { outcome, writes };
    });
    for (const { outcome, writes } of await Promise.all(runs)) {
      expect(outcome).toBe('ended');
      const packets = writes.flatMap((write) => new FrameParser(1 << 20).push(write));
      const data = packets.filter((packet) => packet.fields.length > 1);
      expect(Buffer.concat(data.map((packet) => packet.fields[1])).equals(song)).toBe(true);
    }
    expect(clock.asked).toBeGreaterThanOrEqual(20);
    expect(clock.waiting).toBe(0);
  });
});
