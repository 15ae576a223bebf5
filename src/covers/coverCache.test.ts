import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoverCache } from './coverCache';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const image = (size: number) =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(size - 3)]);
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('CoverCache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidewave-cover-cache-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps covers by the hash of their bytes, across instances', async () => {
    const bytes = image(1000);
    const key = await new CoverCache(dir).put('image/jpeg', bytes);
    expect(key).toBe(sha256(bytes));
    const again = await new CoverCache(dir).get(key);
    expect(again?.mime).toBe('image/jpeg');
    expect(again?.bytes.equals(bytes)).toBe(true);
    expect(await readdir(dir)).toEqual([`${key}.jpg`]); // no temp file left behind
  });

  it('evicts the least recently used covers past its bound, also after a restart', async () => {
    const cache = new CoverCache(dir, 3500);
    const [a, b, c, d] = [image(1000), image(1000), image(1000), image(1000)];
    const ka = await cache.put('image/jpeg', a);
    await tick();
    const kb = await cache.put('image/jpeg', b);
    await tick();
    const kc = await cache.put('image/png', c);
    await tick();
    expect(await cache.get(ka)).not.toBeNull(); // a is now newer than b
    await tick();
    const kd = await cache.put('image/jpeg', d);
    expect(cache.sizeBytes).toBe(3000);
    expect(await cache.get(kb)).toBeNull();
    expect(await cache.get(ka)).not.toBeNull();
    expect(await cache.get(kc)).not.toBeNull();

    // A smaller bound on the next start evicts by the order kept in the files' times: d was
    // used before a and c were read again.
    await tick();
    const smaller = new CoverCache(dir, 2000);
    expect(await smaller.get(kd)).toBeNull();
    expect(smaller.sizeBytes).toBe(2000);
    expect(await smaller.get(ka)).not.toBeNull();
    expect((await readdir(dir)).length).toBe(2);
  });

  it('drops a file whose bytes no longer match its key, and leftovers of a crash', async () => {
    const bytes = image(500);
    const key = await new CoverCache(dir).put('image/jpeg', bytes);
    await writeFile(path.join(dir, `${key}.jpg`), image(500));
    await writeFile(path.join(dir, `.${key}.1.0.tmp`), 'half');
    const cache = new CoverCache(dir);
    expect(await cache.get(key)).toBeNull();
    expect(await readdir(dir)).toEqual([]);
    expect(cache.sizeBytes).toBe(0);
  });

  it('takes only SHA-256 hex keys and image types it knows', async () => {
    expect(CoverCache.isKey('a'.repeat(64))).toBe(true);
    expect(CoverCache.isKey('../'.repeat(20) + 'etc')).toBe(false);
    expect(CoverCache.isKey('A'.repeat(64))).toBe(false);
    const cache = new CoverCache(dir);
    await cache.put('text/html', image(100));
    expect(await readdir(dir)).toEqual([]);
  });
});
