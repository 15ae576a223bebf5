import { open, readFile } from 'node:fs/promises';
import type { SongEntry } from '../../src/library';
import { planStreamBeginning } from '../../src/server/seekStart';
import type { StreamExpectation } from './hostileReplyCheck';

/**
 * What a play of a song from a time should send, whole: its start packet and its bytes, the
 * file's from the offset the server's own seek plan picks (the seek tests check that plan against
 * decoders; here only what arrives is compared). Cached: a property asks for the same often.
 */
export class ExpectedStreams {
  private readonly cache = new Map<string, Promise<StreamExpectation>>();

  constructor(private readonly songs: readonly SongEntry[]) {}

  get(songId: number, seconds: number): Promise<StreamExpectation> {
    const key = `${songId}@${seconds}`;
    let expectation = this.cache.get(key);
    if (!expectation) {
      expectation = this.plan(songId, seconds);
      this.cache.set(key, expectation);
    }
    return expectation;
  }

  private async plan(songId: number, seconds: number): Promise<StreamExpectation> {
    const song = this.songs.find((s) => s.id === songId);
    if (!song) throw new Error(`no song ${songId}`);
    const bytes = await readFile(song.realPath);
    const handle = await open(song.realPath);
    try {
      const beginning = await planStreamBeginning(song, handle, seconds);
      return {
        start: beginning.announcement?.subarray(0, beginning.announcement.length - 6) ?? null,
        data: Buffer.concat([beginning.prefix, bytes.subarray(beginning.byteOffset)]),
      };
    } finally {
      await handle.close();
    }
  }
}
