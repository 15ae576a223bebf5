import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryServer, type LibraryServer } from '../../src/server';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** The README's client command lines meant for scripts (the ones that use `npm run -s`). */
async function scriptingExamples(): Promise<string[]> {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  return readme
    .split('\n')
    .filter((line) => /^npm run (-s )?client -- .*(--json|--out)/.test(line))
    .map((line) => line.replace(/\s+#.*$/, ''));
}

/**
 * Runs a README line in the project folder, as written except for the port and where files go.
 * stdout is what a script or a pipe would read.
 */
async function runExample(line: string, port: number, work: string) {
  const command = line
    .replace('127.0.0.1 8080', `127.0.0.1 ${port}`)
    .replace(/\b(songs\.json|song\.mp3)\b/g, (name) => path.join(work, name))
    .replace('| mpg123 -', `| cat > ${path.join(work, 'piped.mp3')}`);
  const { stdout, stderr } = await run('sh', ['-c', command], {
    cwd: ROOT,
    encoding: 'buffer',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout, stderr: stderr.toString() };
}

// Each line starts npm and tsx: seconds each on a busy machine.
describe("the README's scripting examples, as written", { timeout: 90_000 }, () => {
  let server: LibraryServer;
  let port: number;
  let work: string;
  let songs: Buffer[];

  beforeAll(async () => {
    server = await createLibraryServer({
      folder: path.join(ROOT, 'music'),
      port: 0,
      pacing: false,
    });
    ({ port } = await server.listen());
    songs = await Promise.all(server.library.songs.map((s) => readFile(s.absolutePath)));
    work = await mkdtemp(path.join(tmpdir(), 'tidewave-readme-'));
  });
  afterAll(async () => {
    await server.close();
    await rm(work, { recursive: true, force: true });
  });

  it('has the examples this test runs', async () => {
    const lines = await scriptingExamples();
    expect(lines.map((line) => /list --json|--out -|--out song/.exec(line)?.[0])).toEqual([
      'list --json',
      '--out song',
      '--out -',
    ]);
  });

  it('list --json writes nothing but the JSON', async () => {
    const [line] = await scriptingExamples();
    const { stdout } = await runExample(line, port, work);
    expect(stdout.length).toBe(0); // it went to the file
    const json = await readFile(path.join(work, 'songs.json'), 'utf8');
    const list = JSON.parse(json) as { hasMetadata: boolean; songs: { title: string }[] };
    expect(list.hasMetadata).toBe(true);
    expect(list.songs.map((s) => s.title)).toEqual(server.library.songs.map((s) => s.title));
  });

  it('play --out saves the song byte for byte and says so in one line', async () => {
    const [, line] = await scriptingExamples();
    const { stdout } = await runExample(line, port, work);
    expect(stdout.toString()).toMatch(/^Saved [\d.]+ KB of '.+' to .+song\.mp3 \(done\)\.\n$/);
    expect((await readFile(path.join(work, 'song.mp3'))).equals(songs[2])).toBe(true);
  });

  it('play --out - pipes exactly the song', async () => {
    const [, , line] = await scriptingExamples();
    await runExample(line, port, work);
    expect((await readFile(path.join(work, 'piped.mp3'))).equals(songs[2])).toBe(true);
  });
});
