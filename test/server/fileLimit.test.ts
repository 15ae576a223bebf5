import { afterEach, describe, expect, it } from 'vitest';
import { clientMessages } from '../../src/protocol';
import { CLI_START_MS, runServerCli, waitForOutput, type ServerCliRun } from '../support/cliStart';
import { RawClient } from '../support/rawClient';

const FILE_LIMIT = 80;

// The test starts the CLI from source (CLI_START_MS) and then works with it.
describe('a server out of file descriptors', { timeout: CLI_START_MS + 30_000 }, () => {
  let run: ServerCliRun | undefined;
  const clients: RawClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    if (run && run.child.exitCode === null) {
      run.child.kill('SIGKILL');
      await run.exited;
    }
    run = undefined;
  });

  it('says so, turns clients away while it lasts, and serves them again once files free up', async () => {
    // The caps are lifted so that connections, not the caps, exhaust the 80 descriptors.
    const args = ['0', '--max-connections', '1000', '--max-per-address', '1000'];
    run = runServerCli(
      [...args, '--request-timeout', '4'],
      ['prlimit', `--nofile=${FILE_LIMIT}:${FILE_LIMIT}`],
    );
    const [, port] = await waitForOutput(run, /on 127\.0\.0\.1:(\d+)\n/);
    await waitForOutput(run, /Limits: /);

    // More silent clients than the server has descriptors for.
    const opened = await Promise.allSettled(
      Array.from({ length: FILE_LIMIT }, () => RawClient.connect(Number(port))),
    );
    for (const result of opened) if (result.status === 'fulfilled') clients.push(result.value);
    await waitForOutput(run, /out of file descriptors \(EMFILE\)/, 0, 5_000);
    expect(run.stdout()).toMatch(
      /Raise the open-file limit \(ulimit -n\) or lower --max-connections/,
    );

    // While it lasts, a new client is closed unanswered (the server itself keeps running).
    const turnedAway = await RawClient.connect(Number(port)).catch(() => null);
    if (turnedAway) {
      clients.push(turnedAway);
      turnedAway.send(clientMessages.list());
      await expect(turnedAway.nextPacket()).rejects.toThrow(/closed/);
    }

    // The silent ones time out after 4 s; then the server is back, and says so.
    await waitForOutput(run, /file descriptors available again/, 0, 10_000);
    const late = await RawClient.connect(Number(port));
    clients.push(late);
    late.send(clientMessages.list());
    expect((await late.nextPacket()).type).toBe('list');
    expect(run.child.exitCode).toBe(null);
  });
});
