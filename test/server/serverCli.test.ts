import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CLI_START_MS,
  REPO,
  runServerCli,
  waitForOutput,
  type ServerCliRun,
} from '../support/cliStart';
import { RawClient } from '../support/rawClient';

// Each test starts the CLI from source (CLI_START_MS) and then works with it.
describe('tidewave-server CLI', { timeout: CLI_START_MS + 30_000 }, () => {
  const runs: ServerCliRun[] = [];
  afterEach(() => {
    for (const run of runs.splice(0)) if (run.child.exitCode === null) run.child.kill('SIGKILL');
  });

  function start(args: string[]): ServerCliRun {
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
