import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientMessages } from '../../src/protocol';
import { CLI_START_MS } from '../support/cliStart';
import { waitFor } from '../support/serverHarness';
import { RawClient } from './rawClient';

const REPO = path.resolve(import.meta.dirname, '../..');
const FILE_LIMIT = 80;

// The test starts the CLI from source (CLI_START_MS) and then works with it.
describe('a server out of file descriptors', { timeout: CLI_START_MS + 30_000 }, () => {
  let child: ChildProcess | undefined;
  const clients: RawClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    if (child && child.exitCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
    child = undefined;
  });

  it('says so, turns clients away while it lasts, and serves them again once files free up', async () => {
    // The caps are lifted so that connections, not the caps, exhaust the 80 descriptors.
    const args = ['--max-connections', '1000', '--max-per-address', '1000'];
    child = spawn(
      'prlimit',
      [`--nofile=${FILE_LIMIT}:${FILE_LIMIT}`, process.execPath, '--import', 'tsx'].concat([
        'src/cli/server.ts',
        '0',
        ...args,
        '--request-timeout',
        '4',
      ]),
      { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(() => /Limits: /.test(output), CLI_START_MS);
    const port = Number(/on 127\.0\.0\.1:(\d+)\n/.exec(output)?.[1]);

    // More silent clients than the server has descriptors for.
    const opened = await Promise.allSettled(
      Array.from({ length: FILE_LIMIT }, () => RawClient.connect(port)),
    );
    for (const result of opened) if (result.status === 'fulfilled') clients.push(result.value);
    await waitFor(() => /out of file descriptors \(EMFILE\)/.test(output), 5_000);
    expect(output).toMatch(/Raise the open-file limit \(ulimit -n\) or lower --max-connections/);

    // While it lasts, a new client is closed unanswered (the server itself keeps running).
    const turnedAway = await RawClient.connect(port).catch(() => null);
    if (turnedAway) {
      clients.push(turnedAway);
      turnedAway.send(clientMessages.list());
      await expect(turnedAway.nextPacket()).rejects.toThrow(/closed/);
    }

    // The silent ones time out after 4 s; then the server is back, and says so.
    await waitFor(() => /file descriptors available again/.test(output), 10_000);
    const late = await RawClient.connect(port);
    clients.push(late);
    late.send(clientMessages.list());
    expect((await late.nextPacket()).type).toBe('list');
    expect(child.exitCode).toBe(null);
  });
});
