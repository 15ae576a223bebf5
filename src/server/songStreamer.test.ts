import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { FrameParser, MAX_DATA_BYTES } from '../protocol';
import { openSongFile } from './openSongFile';
import { streamSong } from './songStreamer';

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
    const writes: Buffer[] = [];
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        writes.push(chunk);
        done();
      },
    });
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
});
