import { link, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFile } from 'music-metadata';
import { ClientSession } from '../../src/client';
import { LibraryCatalog, type Library } from '../../src/library';
import { parseMetadata } from '../../src/protocol';
import { LibraryServer } from '../../src/server';
import { mapWithConcurrency } from '../../src/library/mapWithConcurrency';
import { encodeSineMp3, makeTempDir, removeDir, withId3Tag } from '../../test/support/mp3Fixtures';
import { RawClient } from '../../test/server/rawClient';
import { metricRow } from '../metricRow';
import type { BenchContext, Scenario } from '../scenario';

const DISTINCT_FILES = 16;

/** `count` songs in Artist/Album folders: hard links of a few tiny tagged MP3s. */
async function makeFolder(dir: string, count: number): Promise<string> {
  const sources: string[] = [];
  for (let i = 0; i < DISTINCT_FILES; i++) {
    const source = path.join(dir, `source${i}.mp3`);
    const tags = { title: `A rather long song title number ${i}`, artist: `Artist ${i % 5}` };
    await writeFile(source, withId3Tag(encodeSineMp3({ seconds: 0.1 }), { ...tags, album: 'LP' }));
    sources.push(source);
  }
  const music = path.join(dir, 'music');
  for (let i = 0; i < count; i++) {
    const album = path.join(music, `Artist ${Math.floor(i / 100)}`, `Album ${Math.floor(i / 10)}`);
    if (i % 10 === 0) await mkdir(album, { recursive: true });
    await link(sources[i % DISTINCT_FILES], path.join(album, `${String(i % 10)} Song.mp3`));
  }
  return music;
}

async function filesPerSecond(count: number, task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return count / ((performance.now() - start) / 1000);
}

async function listTimes(library: Library, rounds: number) {
  const server = new LibraryServer(library, { folder: library.folder, port: 0, pacing: false });
  const { port } = await server.listen();
  const zipped: number[] = [];
  const json: number[] = [];
  let bytes = { json: 0, zipped: 0 };
  try {
    const session = await ClientSession.connect({ host: '127.0.0.1', port });
    const raw = await RawClient.connect(port);
    try {
      for (let round = 0; round < rounds; round++) {
        let start = performance.now();
        await session.list(); // asks for gzip
        zipped.push(performance.now() - start);
        start = performance.now();
        raw.send('list<NEXT;>meta<NEXT;><END;>');
        const reply = await raw.nextPacket(60_000);
        parseMetadata(reply.fields[2].toString('utf8'));
        json.push(performance.now() - start);
      }
      raw.send('list<NEXT;>meta<NEXT;>gzip<NEXT;><END;>');
      const compressed = await raw.nextPacket(60_000);
      raw.send('list<NEXT;>meta<NEXT;><END;>');
      const plain = await raw.nextPacket(60_000);
      const size = (fields: readonly Buffer[]) => fields.reduce((sum, f) => sum + f.length, 0);
      bytes = { json: size(plain.fields), zipped: size(compressed.fields) };
    } finally {
      session.close();
      raw.destroy();
    }
  } finally {
    await server.close();
  }
  return { zipped, json, bytes };
}

export const library: Scenario = {
  name: 'library',
  async run(context: BenchContext) {
    const count = context.quick ? 500 : 20_000;
    const rounds = context.quick ? 1 : 3;
    const dir = await makeTempDir();
    try {
      context.progress(`library: making ${count} files`);
      const music = await makeFolder(dir, count);
      const reference: number[] = [];
      const cold: number[] = [];
      const warm: number[] = [];
      let scanned: Library | null = null;
      for (let round = 0; round < rounds; round++) {
        context.progress(`library round ${round + 1}/${rounds}`);
        const files = (await LibraryCatalog.open({ folder: music })).scan(); // walk, for the paths
        const paths = (await files).songs.map((song) => song.absolutePath);
        reference.push(
          await filesPerSecond(count, () => mapWithConcurrency(paths, 4, (p) => parseFile(p))),
        );
        const stateDir = path.join(dir, `state${round}`);
        cold.push(
          await filesPerSecond(count, async () => {
            scanned = await (await LibraryCatalog.open({ folder: music, stateDir })).scan();
          }),
        );
        warm.push(
          await filesPerSecond(count, async () =>
            (await LibraryCatalog.open({ folder: music, stateDir })).scan(),
          ),
        );
      }
      context.progress('library: list meta');
      const list = await listTimes(scanned!, context.quick ? 2 : 5);
      const ref = { label: 'music-metadata alone, same files, 4 at once', values: reference };
      const n = count.toLocaleString('en');
      return [
        metricRow('library', `cold scan, ${n} files`, 'files/s', cold, { reference: ref }),
        metricRow('library', `warm rescan after a restart, ${n} files`, 'files/s', warm, {
          reference: ref,
          note: 'tags and durations from the scan cache',
        }),
        metricRow('library', `list meta gzip, ${n} songs: request → parsed`, 'ms', list.zipped, {
          reference: { label: 'list meta as JSON', values: list.json },
        }),
        metricRow('library', `list meta gzip reply, ${n} songs`, 'bytes', [list.bytes.zipped], {
          reference: { label: 'as JSON', values: [list.bytes.json] },
          note: `${DISTINCT_FILES} distinct tag sets, which flatters compression`,
        }),
      ];
    } finally {
      await removeDir(dir);
    }
  },
};
