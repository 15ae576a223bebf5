import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FetchedCover } from '../client';
import { CoverCache } from './coverCache';
import { CoverService } from './coverService';

const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), randomBytes(200)]);
const hash = createHash('sha256').update(png).digest('hex');

describe('CoverService', () => {
  let dir: string;
  let fetches: number[];
  let answer: () => Promise<FetchedCover>;
  const service = () =>
    new CoverService({
      cache: new CoverCache(dir),
      fetch: (songId) => {
        fetches.push(songId);
        return answer();
      },
    });
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidewave-cover-service-'));
    fetches = [];
    answer = async () => ({ songId: 1, mime: 'image/png', hash, bytes: png });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('fetches a hash once, however many ask at once, then answers from the disk', async () => {
    const covers = service();
    const urls = await Promise.all([covers.getCover(1, hash), covers.getCover(2, hash)]);
    expect(urls).toEqual([2, 2].map(() => `data:image/png;base64,${png.toString('base64')}`));
    expect(fetches).toEqual([1]);
    // A new start (a new service over the same folder) finds it on disk.
    expect(await service().getCover(7, hash)).toBe(urls[0]);
    expect(fetches).toEqual([1]);
  });

  it('answers null when the server has no cover, and for a key that is not a hash', async () => {
    answer = async () => {
      throw new Error('no cover for song 1');
    };
    const covers = service();
    expect(await covers.getCover(1, hash)).toBeNull();
    expect(await covers.getCover(1, '../x')).toBeNull();
    expect(fetches).toEqual([1]);
  });
});
