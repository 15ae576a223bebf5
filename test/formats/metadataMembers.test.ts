import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFormatFixtures } from '../support/formatFixtures';
import { PlaybackService } from '../../src/player';
import { parseMetadata } from '../../src/protocol';
import { RawClient } from '../support/rawClient';
import { BUNDLED_MUSIC, startTestServer, type RunningServer } from '../support/serverHarness';

const run = promisify(execFile);

/** PROTOCOL.md §5: the members the metadata document carries for every format. */
describe('metadata members for every format', () => {
  let dir: string;
  let running: RunningServer;
  let client: RawClient;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidewave-metadata-'));
    await makeFormatFixtures(dir);
    await copyFile(join(BUNDLED_MUSIC, '01 - Harbor Lights.mp3'), join(dir, 'harbor.mp3'));
    await run('metaflac', [
      ...['--set-tag=TITLE=Lossless', '--set-tag=ALBUMARTIST=Various', '--set-tag=GENRE=Jazz'],
      ...['--set-tag=TRACKNUMBER=7', '--set-tag=DISCNUMBER=2', '--set-tag=DATE=1999'],
      join(dir, 'hires 24-bit 96k.flac'),
    ]);
    running = await startTestServer({ folder: dir, pacing: false });
    client = await RawClient.connect(running.port);
  });
  afterAll(async () => {
    client.destroy();
    await running.server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('adds format, rate, channels, bitrate and the tags; old members stay as they were', async () => {
    client.send('list<NEXT;>meta<NEXT;><END;>');
    const reply = await client.nextPacket();
    const doc = JSON.parse(reply.fields[2].toString('utf8')) as {
      songs: Array<Record<string, unknown>>;
    };
    const byPath = (path: string) => {
      const song = running.server.library.songs.find((s) => s.relativePath === path);
      return doc.songs.find((s) => s.id === song?.id) ?? {};
    };
    expect(byPath('hires 24-bit 96k.flac')).toMatchObject({
      title: 'Lossless',
      format: 'flac',
      sampleRate: 96000,
      channels: 2,
      trackNumber: 7,
      discNumber: 2,
      year: 1999,
      genre: 'Jazz',
      albumArtist: 'Various',
    });
    expect(byPath('really flac.mp3')).toMatchObject({ format: 'flac', sampleRate: 44100 });
    expect(byPath('six channels.flac')).toMatchObject({ channels: 6, trackNumber: null });
    expect(byPath('phone 8k mono.opus')).toMatchObject({ format: 'opus', channels: 1 });
    expect(byPath('float 192k.wav')).toMatchObject({ format: 'wav', sampleRate: 192000 });
    expect(byPath('harbor.mp3')).toMatchObject({ format: 'mp3', sampleRate: 44100, channels: 2 });
    for (const song of doc.songs) {
      expect(typeof song.bitrate === 'number' && song.bitrate > 0, String(song.title)).toBe(true);
    }
    // A client that knows only the first members reads the document as before.
    expect(parseMetadata(reply.fields[2].toString('utf8'))).toHaveLength(doc.songs.length);
  });

  it('reach the player: the song list carries format, track, disc and the other tags', async () => {
    const service = new PlaybackService();
    try {
      await service.connect('127.0.0.1', running.port);
      const songs = await service.listSongs();
      const byPath = (path: string) => {
        const id = running.server.library.songs.find((s) => s.relativePath === path)?.id;
        return songs.find((s) => s.id === id);
      };
      expect(byPath('hires 24-bit 96k.flac')).toMatchObject({
        title: 'Lossless',
        format: 'flac',
        track: 7,
        disc: 2,
        sampleRate: 96000,
        channels: 2,
        year: 1999,
        genre: 'Jazz',
        albumArtist: 'Various',
      });
      expect(byPath('six channels.flac')).toMatchObject({
        format: 'flac',
        channels: 6,
        track: null,
      });
      expect(byPath('harbor.mp3')?.bitrate).toBeGreaterThan(0);
    } finally {
      await service.dispose();
    }
  });
});
