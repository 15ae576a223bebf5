import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { finished, runClient, spawnCli, waitForLine } from './runCli';

const CODE = 'tide pool 5521';

describe('--access-code-file in both CLIs', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function codeFile(text: string, mode = 0o600): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'tidewave-code-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'code');
    await writeFile(file, text, { mode });
    return file;
  }

  it('serves a client given the same file, refuses one without it, and never prints the code', async () => {
    const serverFile = await codeFile(`${CODE}\n`);
    const server = spawnCli('server', ['0', '--access-code-file', serverFile]);
    const serverOutput = finished(server, 60_000);
    cleanups.push(() => server.kill('SIGKILL'));
    const [, port] = await waitForLine(server, /on 127\.0\.0\.1:(\d+)/);

    const right = await runClient(['127.0.0.1', port, 'list', '--access-code-file', serverFile]);
    expect(right.stderr).toBe('');
    expect(right.stdout.toString()).toContain('Harbor Lights');
    expect(right.code).toBe(0);

    const none = await runClient(['127.0.0.1', port, 'list']);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('access code required');

    const wrongFile = await codeFile('not it', 0o644);
    const wrong = await runClient(['127.0.0.1', port, 'list', '--access-code-file', wrongFile]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('can be read by other users');
    expect(wrong.stderr).toContain('Access refused: wrong access code');

    server.kill('SIGTERM');
    const { stdout, stderr } = await serverOutput;
    const log = stdout.toString() + stderr;
    expect(log).toContain('Access code required');
    expect(log).toContain('access code accepted');
    expect(log).toContain('refused: a wrong access code');
    expect(log).not.toContain(CODE);
  }, 90_000); // four CLI processes start under tsx, one after another

  it('refuses an empty code file with one clear line', async () => {
    const file = await codeFile(' \n');
    const server = await finished(spawnCli('server', ['0', '--access-code-file', file]));
    expect(server.code).toBe(1);
    expect(server.stderr).toBe(`tidewave-server: ${file}: The access code is empty.\n`);
  }, 30_000);
});
