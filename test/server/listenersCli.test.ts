import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AccessRefusedError, ClientSession } from '../../src/client';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_START_MS, runServerCli, waitForOutput, type ServerCliRun } from '../support/cliStart';
import { RawClient } from '../support/rawClient';

// Each test starts the CLI from source (CLI_START_MS) and then works with it.
describe('tidewave-server prints its listeners', { timeout: CLI_START_MS + 30_000 }, () => {
  const runs: ServerCliRun[] = [];
  const clients: RawClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const { child } of runs.splice(0)) {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
    }
  });

  async function start(args: string[]): Promise<{ run: ServerCliRun; port: number }> {
    const run = runServerCli(args);
    runs.push(run);
    const [, port] = await waitForOutput(run, /on 127\.0\.0\.1:(\d+)\n/);
    await waitForOutput(run, /Press Ctrl-C to stop\.\n/);
    return { run, port: Number(port) };
  }

  async function listener(port: number, hello: string, song: number): Promise<RawClient> {
    const client = await RawClient.connect(port);
    clients.push(client);
    client.send(`hello<NEXT;>${hello}<NEXT;><END;>play<NEXT;>${song}<NEXT;><END;>`);
    await client.playBytesAtLeast(1_000);
    return client;
  }

  it('every --status interval, with names made safe for the terminal', async () => {
    const { run, port } = await start(['0', '--quiet', '--status', '0.3']);
    await waitForOutput(run, /Listeners: none\n/);
    const ana = await listener(port, 'Ana\u001b]0;owned\u0007', 0);
    await listener(port, 'Ben', 2);
    const from = run.stdout().length;
    await waitForOutput(run, /Listeners: 2\n[^]*Ben[^]*\n/, from);
    const table = run.stdout().slice(from);
    const rowOf = (name: string) => table.split('\n').find((line) => line.includes(name)) ?? '';
    expect(table).toMatch(/ID +ADDRESS +NAME +PLAYING +FOR +SENT/);
    expect(rowOf('Ana')).toContain(`127.0.0.1:${ana.socket.localPort}`);
    expect(rowOf('Ana')).toContain('Ana ]0;owned'); // the hello name was cleaned by the server
    expect(rowOf('Ana')).toMatch(/0 Harbor Lights +0:0\d +\d+(\.\d)? kB/);
    expect(rowOf('Ben')).toContain('2 Night Ferry');
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(run.stdout()).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('on SIGUSR1', async () => {
    const { run, port } = await start(['0', '--quiet']);
    await listener(port, 'Kitchen', 1);
    const from = run.stdout().length;
    run.child.kill('SIGUSR1');
    await waitForOutput(run, /Listeners: 1\n.*\n.*Kitchen +1 Glass Tide/, from);
    expect(run.child.exitCode).toBeNull(); // Node's inspector did not take the signal over
  });

  it('with an access code, every refused address too, on SIGUSR1', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tidewave-refusals-'));
    try {
      const codeFile = path.join(dir, 'code');
      await writeFile(codeFile, 'harbour-lights-7431\n');
      const { run, port } = await start(['0', '--quiet', '--access-code-file', codeFile]);
      const from = run.stdout().length;
      run.child.kill('SIGUSR1');
      await waitForOutput(run, /Listeners: none\nRefused: none\n/, from);
      for (const guess of ['guess-1', 'guess-2']) {
        await expect(
          ClientSession.connect({ host: '127.0.0.1', port, accessCode: guess }),
        ).rejects.toThrow(AccessRefusedError);
      }
      // The default policy: 0.5 s for the first wrong code, doubled for the second. The refused
      // client has closed, but the server may see that a moment later: ask until it has.
      const after = run.stdout().length;
      const refusedAlone =
        /Listeners: none\nRefused: 127\.0\.0\.1 — wrong access code ×2, waiting 1 s \(0:0\d ago\)\n/;
      const asking = setInterval(() => run.child.kill('SIGUSR1'), 300);
      try {
        run.child.kill('SIGUSR1');
        await waitForOutput(run, refusedAlone, after);
      } finally {
        clearInterval(asking);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
