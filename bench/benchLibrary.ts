import { copyFile, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseFile } from 'music-metadata';
import { encodeSegment, SEGMENT_KBPS, SEGMENT_SECONDS } from './mp3Segment';

export interface LibrarySong {
  /** The song's id on a server of this library. */
  id: number;
  file: string;
  sizeBytes: number;
  durationSeconds: number;
  /** Size over duration: what the server's pacer and a player's clock go by. */
  bytesPerSecond: number;
}

export interface LibraryPlan {
  longMinutes: number;
  shortMinutes: number;
}

const LONG_NAME = `long ${SEGMENT_KBPS} kbps.mp3`;
const SHORT_NAME = `short ${SEGMENT_KBPS} kbps.mp3`;

/**
 * One temporary folder every bench server serves: copies of the bundled songs (ids 0..2, as the
 * app hosts them) and two generated 320 kbit/s songs, a long one and a short one. One folder
 * lets a few server processes serve every scenario.
 */
export class BenchLibrary {
  private constructor(
    readonly folder: string,
    readonly bundled: LibrarySong[],
    readonly long: LibrarySong,
    readonly short: LibrarySong,
  ) {}

  static async create(musicFolder: string, plan: LibraryPlan): Promise<BenchLibrary> {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'tidewave-bench-'));
    const bundledNames = (await readdir(musicFolder)).filter((name) =>
      name.toLowerCase().endsWith('.mp3'),
    );
    await Promise.all(
      bundledNames.map((name) => copyFile(path.join(musicFolder, name), path.join(folder, name))),
    );
    const segment = encodeSegment();
    const repeat = (minutes: number) =>
      Buffer.concat(
        Array<Buffer>(Math.max(1, Math.round((minutes * 60) / SEGMENT_SECONDS))).fill(segment),
      );
    await writeFile(path.join(folder, LONG_NAME), repeat(plan.longMinutes));
    await writeFile(path.join(folder, SHORT_NAME), repeat(plan.shortMinutes));
    // The server numbers songs in code-unit order of their paths; so do we.
    const names = [...bundledNames, LONG_NAME, SHORT_NAME].sort();
    const songs = await Promise.all(
      names.map((name, id) => describeSong(id, path.join(folder, name))),
    );
    const byName = (name: string) => songs[names.indexOf(name)];
    return new BenchLibrary(
      folder,
      bundledNames.sort().map(byName),
      byName(LONG_NAME),
      byName(SHORT_NAME),
    );
  }

  async dispose(): Promise<void> {
    await rm(this.folder, { recursive: true, force: true });
  }
}

async function describeSong(id: number, file: string): Promise<LibrarySong> {
  const [{ format }, { size }] = await Promise.all([
    parseFile(file, { duration: true }),
    stat(file),
  ]);
  const durationSeconds = format.duration;
  if (!durationSeconds) throw new Error(`${file}: no duration`);
  return { id, file, sizeBytes: size, durationSeconds, bytesPerSecond: size / durationSeconds };
}
