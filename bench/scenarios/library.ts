import { link, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFile } from 'music-metadata';
import { ClientSession } from '../../src/client';
import { LibraryCatalog, type Library } from '../../src/library';
import { parseMetadata } from '../../src/protocol';
import { LibraryServer } from '../../src/server';
import { mapWithConcurrency } from '../../src/library/mapWithConcurrency';
import { encodeSineMp3, makeTempDir, removeDir, withId3Tag } from '../../test/support/mp3Fixtures';
import { RawClient } from '../../test/support/rawClient';
import { linkSongs, seedLibraryState } from '../../test/support/seedLibraryState';
import { metricRow } from '../metricRow';
import type { BenchContext, Scenario } from '../scenario';

const DISTINCT_FILES = 16;
/** The warm rescan's target (issue 9): 20,000 files in under 2 s on a quiet machine. */
const WARM_FILES = 20_000;

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

/**
 * A warm rescan of 20,000 files after a restart (open the saved state, walk, stat, build the
 * list), in --quick too: the state is seeded from one reading per distinct file (a hard link has
 * its source's size, mtime and tags) instead of a first scan that takes minutes.
 */
async function warmRescans(dir: string, rounds: number): Promise<number[]> {
  const sources = Array.from({ length: DISTINCT_FILES }, (_, i) =>
    path.join(dir, `source${i}.mp3`),
  );
  const music = path.join(dir, 'music20k');
  const stateDir = path.join(dir, 'state20k');
  const plan = {
    perFolder: 10,
    folderName: (a: number) => `Artist ${Math.floor(a / 10)}/Album ${a}`,
  };
  await seedLibraryState(
    stateDir,
    music,
    sources,
    linkSongs(music, sources, { ...plan, count: WARM_FILES }),
  );
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    rates.push(
      await filesPerSecond(WARM_FILES, async () => {
        const library = await (await LibraryCatalog.open({ folder: music, stateDir })).scan();
        if (library.songs.length !== WARM_FILES) throw new Error('the warm rescan lost songs');
      }),
    );
  }
  return rates;
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
      context.progress(`library: warm rescans of ${WARM_FILES} files`);
      const warm20k = await warmRescans(dir, rounds + 2);
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
        metricRow(
          'library',
          `warm rescan after a restart, ${WARM_FILES.toLocaleString('en')} files`,
          'files/s',
          warm20k,
          {
            reference: ref,
            note: `target: ${WARM_FILES.toLocaleString('en')} files under 2 s = 10,000 files/s; state open + walk + stat + list, nothing read`,
          },
        ),
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
