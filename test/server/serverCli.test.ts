import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_START_MS } from '../support/cliStart';
import { RawClient } from './rawClient';

const REPO = path.resolve(import.meta.dirname, '../..');

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Runs the server CLI from source, as `npm run server -- ARGS` does. */
function runServerCli(args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/server.ts', ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function waitForOutput(
  run: Run,
  pattern: RegExp,
  timeoutMs = CLI_START_MS,
): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(run.stdout());
    if (match) return match;
    if (Date.now() > deadline || run.child.exitCode !== null) {
      throw new Error(`no ${pattern} in output:\n${run.stdout()}\n${run.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// Each test starts the CLI from source (CLI_START_MS) and then works with it.
describe('tidewave-server CLI', { timeout: CLI_START_MS + 30_000 }, () => {
  const runs: Run[] = [];
  afterEach(() => {
    for (const run of runs.splice(0)) if (run.child.exitCode === null) run.child.kill('SIGKILL');
  });

  function start(args: string[]): Run {
    const run = runServerCli(args);
    runs.push(run);
    return run;
  }

  it('serves the bundled songs by default, logs clients, and exits 0 on SIGTERM', async () => {
    const run = start(['0']);
    await waitForOutput(run, /Press Ctrl-C to stop\.\n/);
    const [, folder, port] = await waitForOutput(
      run,
      /Serving 3 songs from (.+) on 127\.0\.0\.1:(\d+)\n/,
    );
    expect(folder).toBe(path.join(REPO, 'music'));
    expect(run.stdout()).toMatch(/ 0 {2}Harbor Lights - Tidewave Ensemble \(0:\d\d\)\n/);
    await waitForOutput(run, /Limits: \d+ clients, 64 per address; 60 s to send a request\.\n/);

    const client = await RawClient.connect(Number(port));
    client.send('list<NEXT;><END;>');
    expect((await client.nextPacket()).type).toBe('list');
    await waitForOutput(run, /client 127\.0\.0\.1:\d+ list\n/);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    await client.closed;
  });

  it('prints the usage and exits 2 on a bad port', async () => {
    const run = start(['eighty', 'music']);
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain("'eighty' is invalid for argument 'port'");
    expect(run.stderr()).toContain('Usage: tidewave-server [options] <port> [folder]');
  });

  it('says the folder is missing in one line and exits 1', async () => {
    const run = start(['0', 'no-such-folder']);
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toBe(
      `tidewave-server: Music folder not found: ${path.join(REPO, 'no-such-folder')}\n`,
    );
  });

  it('says the port is in use and exits 1', async () => {
    const occupier = createServer();
    await new Promise<void>((resolve) => occupier.listen(0, '127.0.0.1', resolve));
    const { port } = occupier.address() as AddressInfo;
    try {
      const run = start([String(port), '--quiet']);
      expect(await run.exited).toBe(1);
      expect(run.stderr()).toBe(`tidewave-server: Port ${port} is already in use on 127.0.0.1\n`);
    } finally {
      await new Promise((resolve) => occupier.close(resolve));
    }
  });
});
