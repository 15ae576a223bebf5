import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientSession, CoverUnavailableError } from '../../src/client';
import type { LibraryServer } from '../../src/server';
import { makeFlac, makeImage, makeVorbis } from '../support/coverFixtures';
import { startSeedServer } from '../support/seedServer';
import { startTestServer } from '../support/serverHarness';
import { RawClient } from '../support/rawClient';
import { SongCollector } from './songCollector';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the cover extension on real sockets', { timeout: 60_000 }, () => {
  let base: string;
  let music: string;
  let server: LibraryServer;
  let port: number;
  let big: Buffer;
  let small: Buffer;
  const ids = new Map<string, number>();

  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'tidewave-cover-wire-'));
    music = path.join(base, 'music');
    for (const dir of ['Big', 'Vorbis', 'Beside', 'Bare'])
      await mkdir(path.join(music, dir), { recursive: true });
    big = await makeImage(path.join(base, 'big.jpg'), 'noise-jpeg', 1000);
    small = await makeImage(path.join(base, 'small.png'), 'png', 40);
    await Promise.all([
      makeFlac(path.join(music, 'Big', 'big.flac'), path.join(base, 'big.jpg')),
      makeVorbis(path.join(music, 'Vorbis', 'v.ogg'), small, 'image/png'),
      makeFlac(path.join(music, 'Beside', 'a.flac')),
      makeFlac(path.join(music, 'Bare', 'none.flac')),
    ]);
    await writeFile(path.join(music, 'Beside', 'cover.jpg'), big);
    ({ server, port } = await startTestServer({ folder: music }));
    for (const song of server.library.songs) ids.set(song.relativePath, song.id);
  });
  afterAll(async () => {
    await server?.close();
    await rm(base, { recursive: true, force: true });
  });

  const connect = (requestTimeoutMs = 5000) =>
    ClientSession.connect({ host: '127.0.0.1', port, requestTimeoutMs });

  it('sends a 1 MB embedded cover byte for byte, with the hash the list gave', async () => {
    expect(big.length).toBeGreaterThan(900_000);
    const session = await connect();
    try {
      const list = await session.list();
      const id = ids.get('Big/big.flac')!;
      const listed = list.songs.find((s) => s.id === id)!;
      expect(listed.coverHash).toBe(sha256(big));
      expect(list.songs.find((s) => s.id === ids.get('Bare/none.flac'))!.coverHash).toBeNull();
      const cover = await session.fetchCover(id);
      expect(cover.mime).toBe('image/jpeg');
      expect(cover.bytes.equals(big)).toBe(true);
      expect(cover.hash).toBe(sha256(big));
      const vorbis = await session.fetchCover(ids.get('Vorbis/v.ogg')!);
      expect(vorbis.mime).toBe('image/png');
      expect(vorbis.bytes.equals(small)).toBe(true);
      const beside = await session.fetchCover(ids.get('Beside/a.flac')!);
      expect(beside.bytes.equals(big)).toBe(true);
    } finally {
      session.close();
    }
  });

  it('interleaves a cover with a streaming song without spoiling either', async () => {
    const session = await connect();
    try {
      await session.list();
      const id = ids.get('Big/big.flac')!;
      const song = new SongCollector(session.play(id));
      const ended = new Promise((resolve) => song.stream.on('end', resolve));
      const cover = await session.fetchCover(id);
      await ended;
      expect(cover.bytes.equals(big)).toBe(true);
      expect(song.bytes.equals(await readFile(path.join(music, 'Big', 'big.flac')))).toBe(true);
    } finally {
      session.close();
    }
  });

  it('refuses a song without a cover and an unknown id, and the connection stays usable', async () => {
    const session = await connect();
    try {
      await session.list();
      const none = ids.get('Bare/none.flac')!;
      const refused = await session.fetchCover(none).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(CoverUnavailableError);
      expect((refused as CoverUnavailableError).unsupported).toBe(false);
      expect((refused as Error).message).toBe(`no cover for song ${none}`);
      await expect(session.fetchCover(999_999)).rejects.toThrow('unknown song id 999999');
      expect((await session.fetchCover(ids.get('Vorbis/v.ogg')!)).bytes.equals(small)).toBe(true);
    } finally {
      session.close();
    }
  });

  it('bounds waiting requests, keeps packets within 4,096 bytes, and tags every refusal', async () => {
    const raw = await RawClient.connect(port);
    try {
      const id = ids.get('Big/big.flac')!;
      raw.send(Buffer.from(`cover<NEXT;>${id}<NEXT;><END;>`.repeat(12)));
      let ends = 0;
      const refusals: string[] = [];
      while (ends + refusals.length < 12) {
        const packet = await raw.nextPacket(10_000);
        const wire = packet.body.length + 6;
        if (packet.type === 'cover') expect(wire).toBeLessThanOrEqual(4096);
        if (packet.type === 'cover' && packet.fields[1].toString() === 'end') ends++;
        if (packet.type === 'error') {
          expect(packet.fields[2].toString()).toBe('cover');
          refusals.push(packet.fields[1].toString());
        }
      }
      // One being read, eight waiting, the rest refused at once.
      expect(ends).toBe(9);
      expect(refusals.filter((m) => m.startsWith('too many cover requests'))).toHaveLength(3);
      raw.send('cover<NEXT;>x<NEXT;><END;>');
      const refusal = await raw.nextPacket();
      expect(refusal.fields.map((f) => f.toString())).toEqual([
        'error',
        'unknown song id "x"',
        'cover',
        '',
      ]);
    } finally {
      raw.socket.destroy();
    }
  });

  it('refuses an image beside the file that became a link to outside the folder', async () => {
    const outside = path.join(base, 'secret.jpg');
    await writeFile(outside, small);
    const sidecar = path.join(music, 'Beside', 'cover.jpg');
    await unlink(sidecar);
    await symlink(outside, sidecar);
    const session = await connect();
    try {
      await session.list();
      const id = ids.get('Beside/a.flac')!;
      await expect(session.fetchCover(id)).rejects.toThrow(
        `could not read the cover of song ${id}`,
      );
    } finally {
      session.close();
      await unlink(sidecar);
      await writeFile(sidecar, big);
    }
  });

  it('refuses a cover before the access code is proved, like a list', async () => {
    const guarded = await startTestServer({ folder: music, accessCode: 'open sesame' });
    const raw = await RawClient.connect(guarded.port);
    try {
      raw.send(`cover<NEXT;>${ids.get('Big/big.flac')}<NEXT;><END;>`);
      const packet = await raw.nextPacket();
      expect(packet.type).toBe('error');
      expect(packet.fields[1].toString()).toMatch(/^access code required/);
      await raw.closed;
      expect(raw.playBytes).toBe(0);
    } finally {
      raw.socket.destroy();
      await guarded.server.close();
    }
  });

  it('gives up on a seed-era server after the timeout, then at once', async () => {
    const seed = await startSeedServer([{ title: 'a.mp3', bytes: Buffer.alloc(5000, 1) }]);
    try {
      const session = await ClientSession.connect({
        host: '127.0.0.1',
        port: seed.port,
        requestTimeoutMs: 400,
      });
      const started = Date.now();
      const first = await session.fetchCover(0).catch((error: unknown) => error);
      expect(first).toBeInstanceOf(CoverUnavailableError);
      expect((first as CoverUnavailableError).unsupported).toBe(true);
      expect(Date.now() - started).toBeGreaterThanOrEqual(350);
      // Remembered for the connection: no second request goes out.
      const requestsBefore = seed.requests.length;
      await expect(session.fetchCover(0)).rejects.toThrow('does not send covers');
      const list = await session.list(); // the connection still works
      expect(list.hasMetadata).toBe(false);
      expect(seed.requests.slice(requestsBefore)).toEqual(['list']);
      session.close();

      // Once its list is read, a seed-era server is never asked.
      const listed = await ClientSession.connect({ host: '127.0.0.1', port: seed.port });
      await listed.list();
      const before = seed.requests.length;
      await expect(listed.fetchCover(0)).rejects.toThrow('does not send covers');
      expect(seed.requests.length).toBe(before);
      listed.close();
    } finally {
      await seed.close();
    }
  });
});
