import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseMetadata, parsePlainList } from '../../src/protocol';
import { SongCollector } from '../client/songCollector';
import { useTestServers, type RunningServer } from '../support/serverHarness';
import { makeTempDir, removeDir } from '../support/mp3Fixtures';
import type { RawClient } from '../support/rawClient';
import { makeTempLibrary, type TempLibrary } from './tempLibrary';

/** Random bytes named .mp3 are listed (titled by file name) and streamed as they are. */
const songs: Record<string, Buffer> = {
  'a.mp3': randomBytes(3_000),
  'b.mp3': randomBytes(4_000),
  'c.mp3': randomBytes(5_000),
  'aa.mp3': randomBytes(6_000),
};

describe('song ids across restarts and rescans', () => {
  let library: TempLibrary;
  let state: string;
  const servers = useTestServers();

  const start = (stateDir: string | undefined) =>
    servers.start({ folder: library.folder, pacing: false, stateDir });
  const connect = (running: RunningServer) => servers.raw({ port: running.port });
  /** Title → id, from both lists of one `list meta` reply (they must agree). */
  const listIds = async (client: RawClient) => {
    client.send('list<NEXT;>meta<NEXT;><END;>');
    // A metadata client also gets `changed` notices after a rescan (PROTOCOL §5.2).
    let reply = await client.nextPacket();
    while (reply.type === 'changed') reply = await client.nextPacket();
    const meta = parseMetadata(reply.fields[2].toString('utf8'));
    const plain = parsePlainList(reply.fields[1].toString('utf8'));
    expect(plain).toEqual(meta.map(({ id, title }) => ({ id, title })));
    const ids = meta.map((song) => song.id);
    expect(ids).toEqual([...ids].sort((x, y) => x - y)); // listed in id order
    return Object.fromEntries(meta.map((song) => [song.title, song.id]));
  };
  const put = (name: string) => writeFile(path.join(library.folder, name), songs[name]);

  beforeEach(async () => {
    library = await makeTempLibrary({ 'a.mp3': songs['a.mp3'], 'c.mp3': songs['c.mp3'] });
    state = await makeTempDir();
    servers.onCleanup(() => removeDir(state));
    servers.onCleanup(() => library.remove()); // newest first: the library goes first
  });

  it('keeps every id across a restart with --state when a file is added in the middle', async () => {
    const first = await start(state);
    expect(await listIds(await connect(first))).toEqual({ a: 0, c: 1 });
    await first.server.close();
    await put('b.mp3');

    const second = await start(state);
    const client = await connect(second);
    expect(await listIds(client)).toEqual({ a: 0, b: 2, c: 1 });
    client.send('play<NEXT;>1<NEXT;><END;>');
    expect((await client.readSong()).equals(songs['c.mp3'])).toBe(true);
  });

  it('rescans in place: ids stay, new files get new ids, a removed id is refused', async () => {
    const running = await start(undefined);
    const client = await connect(running);
    expect(await listIds(client)).toEqual({ a: 0, c: 1 });
    await rm(path.join(library.folder, 'a.mp3'));
    await put('aa.mp3');
    await put('b.mp3');
    await running.server.rescan();
    expect(await listIds(client)).toEqual({ aa: 2, b: 3, c: 1 });
    client.send('play<NEXT;>0<NEXT;><END;>');
    const refused = await client.nextPacket();
    expect([refused.type, refused.fields[1].toString()]).toEqual(['error', 'unknown song id 0']);
    client.send('play<NEXT;>3<NEXT;><END;>');
    expect((await client.readSong()).equals(songs['b.mp3'])).toBe(true);
  });

  it('serves the newest of overlapping rescans', async () => {
    const running = await start(undefined);
    const first = running.server.rescan();
    await put('b.mp3');
    const second = running.server.rescan();
    const [, newest] = await Promise.all([first, second]);
    expect(running.server.library).toBe(newest);
    expect(await listIds(await connect(running))).toEqual({ a: 0, b: 2, c: 1 });
  });

  it('keeps serving the previous list when a rescan fails', async () => {
    const running = await start(undefined);
    const client = await connect(running);
    await rm(path.join(library.folder, 'a.mp3'));
    await rm(path.join(library.folder, 'c.mp3'));
    await expect(running.server.rescan()).rejects.toThrow(/no songs|EMPTY|No/i);
    expect(await listIds(client)).toEqual({ a: 0, c: 1 });
  });

  it('lets the client list and play ids with gaps that are not positions', async () => {
    const running = await start(undefined);
    await rm(path.join(library.folder, 'a.mp3'));
    await put('b.mp3');
    await running.server.rescan();
    const session = await servers.session();
    const { songs: listed } = await session.list();
    expect(listed.map(({ id, title }) => [id, title])).toEqual([
      [1, 'c'],
      [2, 'b'],
    ]);
    const song = new SongCollector(session.play(2));
    expect((await song.stream.outcome()).reason).toBe('complete');
    expect(song.bytes.equals(songs['b.mp3'])).toBe(true);
  });
});
