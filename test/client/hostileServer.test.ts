import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { serverMessages } from '../../src/protocol';
import {
  FOREVER_CHUNK,
  metadataList,
  startHostileServer,
  type HostileServer,
} from './hostileServer';
import { finished, runClient, spawnCli } from './runCli';

/** Anything a terminal could act on, newlines aside. */
// eslint-disable-next-line no-control-regex -- control characters are what this is about
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const OSC52 = '\u001b]52;c;ZWNobyBvd25lZA==\u0007';
const TITLE_ESC = '\u001b]0;pwned\u0007';

// Each test starts the client under tsx: seconds each on a busy two-core machine.
describe('tidewave-client against a hostile server', { timeout: 60_000 }, () => {
  let server: HostileServer | undefined;
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'tidewave-hostile-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('lists 200,000 songs, printing their titles without control characters', async () => {
    const lines = Array.from({ length: 200_000 }, (_, id) =>
      id % 1000 === 7
        ? `{sid: ${id} title: ${TITLE_ESC}${OSC52}x\u009b2J}`
        : `{sid: ${id} title: s}`,
    );
    server = await startHostileServer({
      listReply: serverMessages.list(lines.join('\n')),
      play: { kind: 'forever' },
      polite: true,
    });
    const { code, stdout, stderr } = await runClient(['127.0.0.1', String(server.port), 'list']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const printed = stdout.toString();
    expect(printed).not.toMatch(CONTROL);
    const rows = printed.trimEnd().split('\n');
    expect(rows).toHaveLength(200_001);
    expect(rows[8]).toMatch(
      /^ +7 {2}\ufffd\]0;pwned\ufffd\ufffd\]52;c;ZWNobyBvd25lZA==\ufffdx\ufffd2J +- +-$/,
    );
  });

  it('prints titles from the metadata safely, and --json exactly but escaped', async () => {
    const title = `${OSC52}\u009d0;t\u009c line\nbreak`;
    server = await startHostileServer({
      listReply: metadataList([title]),
      play: { kind: 'forever' },
      polite: true,
    });
    const port = String(server.port);
    const table = await runClient(['127.0.0.1', port, 'list']);
    expect(table.stdout.toString()).not.toMatch(CONTROL);
    expect(table.stdout.toString().trimEnd().split('\n')).toHaveLength(2);
    const json = await runClient(['127.0.0.1', port, 'list', '--json']);
    expect(json.stdout.toString()).not.toMatch(CONTROL);
    const parsed = JSON.parse(json.stdout.toString()) as { songs: { title: string }[] };
    expect(parsed.songs[0].title).toBe(title);
  });

  it('cuts a 15 MB error text short and neutralises its escape sequences', async () => {
    const message = `${OSC52}${'y'.repeat(15_000_000)}`;
    server = await startHostileServer({
      listReply: metadataList(['a']),
      play: { kind: 'refuse', message },
      polite: true,
    });
    const { code, stderr } = await runClient(['127.0.0.1', String(server.port), 'play', '0']);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^Error: Server refused play 0: \ufffd\]52;c;ZWNobyBvd25lZA==\ufffdy+… \(\d+ more characters\)\n$/,
    );
    expect(stderr.length).toBeLessThan(2000);
  });

  it('stops a song that passes --max-size and keeps no partial file', async () => {
    server = await startHostileServer({
      listReply: metadataList(['endless']),
      play: { kind: 'forever' },
      polite: true,
    });
    const file = path.join(work, 'endless.mp3');
    const { code, stderr } = await runClient([
      '127.0.0.1',
      String(server.port),
      'play',
      '0',
      '--out',
      file,
      '--max-size',
      '1M',
    ]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'Error: The song is larger than --max-size (1.0 MB): stopped. Use a larger --max-size if it should be this large.\n',
    );
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
  });

  it('stops at once on Ctrl-C, even when the server answers neither stop nor quit', async () => {
    server = await startHostileServer({
      listReply: metadataList([`endless${OSC52}`]),
      play: { kind: 'forever' },
      polite: false,
    });
    const file = path.join(work, 'interrupted.mp3');
    // A minute's timeout: waiting for the quit reply would outlast this test's bound.
    const client = spawnCli('client', [
      '127.0.0.1',
      String(server.port),
      'play',
      '0',
      '--out',
      file,
      '--timeout',
      '60000',
    ]);
    const result = finished(client, 20_000);
    await vi.waitFor(async () => expect((await stat(file)).size).toBeGreaterThan(100_000), {
      timeout: 15_000,
    });
    client.kill('SIGINT');
    const { code, stdout } = await result;
    expect(code).toBe(130);
    expect(stdout.toString()).toMatch(
      /^Interrupted: kept [\d.]+ [KM]B of 'endless\ufffd\]52;c;ZWNobyBvd25lZA==\ufffd' to /,
    );
    const kept = await readFile(file);
    expect(kept.length).toBeGreaterThan(100_000);
    expect(kept.equals(Buffer.alloc(kept.length, FOREVER_CHUNK[0]))).toBe(true);
  });
});
