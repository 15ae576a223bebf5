import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLibraryServer } from '../../src/server';
import { startSeedServer } from '../support/seedServer';
import { ROOT, finished, runClient, spawnCli, waitForLine } from './runCli';

const MUSIC = path.join(ROOT, 'music');

// Each test starts a process under tsx: seconds each on a busy two-core machine.
describe('tidewave-client against the server CLI', { timeout: 40_000 }, () => {
  let server: ChildProcess;
  let serverExit: ReturnType<typeof finished>;
  let port: string;
  let work: string;
  let songs: Buffer[];

  beforeAll(async () => {
    server = spawnCli('server', ['0', MUSIC, '--no-pacing', '--quiet']);
    serverExit = finished(server, 120_000);
    [, port] = await waitForLine(server, /on 127\.0\.0\.1:(\d+)/);
    work = await mkdtemp(path.join(tmpdir(), 'tidewave-cli-'));
    const library = await createLibraryServer({ folder: MUSIC, port: 0 });
    songs = await Promise.all(library.library.songs.map((s) => readFile(s.absolutePath)));
  });

  afterAll(async () => {
    server.kill('SIGTERM');
    await serverExit;
    await rm(work, { recursive: true, force: true });
  });

  it('lists the songs as JSON', async () => {
    const { code, stdout } = await runClient(['127.0.0.1', port, 'list', '--json']);
    expect(code).toBe(0);
    const list = JSON.parse(stdout.toString()) as { hasMetadata: boolean; songs: unknown[] };
    expect(list.hasMetadata).toBe(true);
    expect(list.songs).toHaveLength(songs.length);
    expect(list.songs[0]).toMatchObject({ id: 0, title: 'Harbor Lights' });
  });

  it('lists the songs as a table', async () => {
    const { code, stdout } = await runClient(['127.0.0.1', port, 'list']);
    expect(code).toBe(0);
    const lines = stdout.toString().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+TITLE\s+ARTIST\s+TIME$/);
    expect(lines).toHaveLength(songs.length + 1);
  });

  it('saves a song to a file, byte for byte', async () => {
    const file = path.join(work, 'song.mp3');
    const { code, stdout } = await runClient(['127.0.0.1', port, 'play', '1', '--out', file]);
    expect(code).toBe(0);
    expect(stdout.toString()).toBe(`Saved 748.5 KB of 'Glass Tide' to ${file} (done).\n`);
    expect((await readFile(file)).equals(songs[1])).toBe(true);
  });

  it('writes a song to standard output, with messages on standard error', async () => {
    const { code, stdout, stderr } = await runClient([
      '127.0.0.1',
      port,
      'play',
      '2',
      '--out',
      '-',
    ]);
    expect(code).toBe(0);
    expect(stdout.equals(songs[2])).toBe(true);
    expect(stderr).toMatch(/^Received [\d.]+ KB of 'Night Ferry' to standard output \(done\)\.\n$/);
  });

  it('runs the prompt from standard input and quits politely', async () => {
    const { code, stdout, stderr } = await runClient(
      ['127.0.0.1', port],
      'list\nplay 7\nplay 0\nstop\nwhat\nquit\n',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.toString().split('\n');
    expect(lines[0]).toBe(`Connected to 127.0.0.1:${port}. Type help for the commands.`);
    // Refused from the list, without asking the server (which would answer with an error).
    expect(lines).toContain('Unknown song id 7: the server has songs 0-2.');
    expect(lines).toContain("Playing 0 'Harbor Lights'...");
    expect(lines.some((l) => /^Stopped 'Harbor Lights' after [\d.]+ K?B\.$/.test(l))).toBe(true);
    expect(lines).toContain("Unknown command 'what'. Type help for the commands.");
    expect(lines.at(-2)).toBe('Server acknowledged quit.');
  });

  it('quits at the end of input too', async () => {
    const { code, stdout } = await runClient(['127.0.0.1', port], 'help\n');
    expect(code).toBe(0);
    expect(stdout.toString()).toContain('play N [SECONDS]');
    expect(stdout.toString()).toMatch(/Server acknowledged quit\.\n$/);
  });

  it('says which song ids exist when asked for another', async () => {
    const { code, stderr } = await runClient(['127.0.0.1', port, 'play', '7']);
    expect(code).toBe(1);
    expect(stderr).toBe('Error: Unknown song id 7: the server has songs 0-2.\n');
  });
});

describe('tidewave-client edge cases', { timeout: 40_000 }, () => {
  it('says plainly that nobody listens, and exits 1', async () => {
    const server = await createLibraryServer({ folder: MUSIC, port: 0 });
    const { port } = await server.listen();
    await server.close();
    const { code, stderr } = await runClient(['127.0.0.1', String(port), 'list']);
    expect(code).toBe(1);
    expect(stderr).toBe(`Error: Cannot connect to 127.0.0.1:${port}: connection refused\n`);
  });

  it('shows the usage and exits 2 on bad arguments', async () => {
    const { code, stderr } = await runClient(['127.0.0.1', 'eighty']);
    expect(code).toBe(2);
    expect(stderr).toContain("command-argument value 'eighty' is invalid for argument 'port'");
    expect(stderr).toContain('Usage: tidewave-client [options] <host> <port> [command...]');
  });

  it('leaves the prompt with exit code 1 when the server goes away', async () => {
    const server = await createLibraryServer({ folder: MUSIC, port: 0 });
    const { port } = await server.listen();
    const client = spawnCli('client', ['127.0.0.1', String(port)]);
    const result = finished(client);
    await waitForLine(client, /Type help/);
    await server.close();
    const { code, stderr } = await result;
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^Error: (Server closed the connection|Connection reset by server)\.\n$/,
    );
  });

  it('quits politely on Ctrl-C', async () => {
    const server = await createLibraryServer({ folder: MUSIC, port: 0 });
    const { port } = await server.listen();
    try {
      const client = spawnCli('client', ['127.0.0.1', String(port)]);
      const result = finished(client);
      await waitForLine(client, /Type help/);
      client.kill('SIGINT');
      const { code, stdout } = await result;
      expect(code).toBe(0);
      expect(stdout.toString()).toMatch(/Server acknowledged quit\.\n$/);
    } finally {
      await server.close();
    }
  });

  it('keeps what arrived on Ctrl-C; with a seed-era server that is how a song ends', async () => {
    const song = randomBytes(30_000);
    const seed = await startSeedServer([{ title: 'seed.mp3', bytes: song }]);
    const work = await mkdtemp(path.join(tmpdir(), 'tidewave-cli-'));
    const file = path.join(work, 'seed.mp3');
    try {
      const client = spawnCli('client', ['127.0.0.1', String(seed.port), 'play', '0', '-o', file]);
      const result = finished(client);
      await waitForLine(client, /seed-era server/);
      await vi.waitFor(async () => expect((await stat(file)).size).toBe(song.length), {
        timeout: 10_000,
      });
      client.kill('SIGINT');
      const { code, stdout } = await result;
      expect(code).toBe(130);
      expect(stdout.toString()).toContain(`Interrupted: kept 30.0 KB of 'seed.mp3' to ${file}.`);
      expect((await readFile(file)).equals(song)).toBe(true);
    } finally {
      await seed.close();
      await rm(work, { recursive: true, force: true });
    }
  });
});
