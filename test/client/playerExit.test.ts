import { afterEach, describe, expect, it } from 'vitest';
import { metadataList, startHostileServer, type HostileServer } from './hostileServer';
import { finished, spawnCli } from './runCli';

// The client runs under tsx: seconds on a busy two-core machine.
describe('play --player, when the player exits before the song ends', { timeout: 40_000 }, () => {
  let server: HostileServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('stops the song and says so, rather than wait for ever on a pipe nobody reads', async () => {
    // A song that never ends: the pipe to the player is full by the time the player leaves.
    server = await startHostileServer({
      listReply: metadataList(['endless']),
      play: { kind: 'forever' },
      polite: true,
    });
    // The player reads a little and exits, leaving its stdin open in a process in the background
    // (as a player that forks may): no write fails with EPIPE, Node destroys the pipe without an
    // error, and only the player's exit tells that nobody will read. That process ends in 2 s.
    const player = 'head -c 1000 >/dev/null; exec 3<&0; sleep 2 <&3 & exit 0';
    const client = spawnCli('client', [
      '127.0.0.1',
      String(server.port),
      'play',
      '0',
      '--player',
      player,
    ]);
    const { code, stderr } = await finished(client, 15_000);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      new RegExp(
        `^Error: Could not write the song into ${player}: the player exited with code 0\\n$`,
      ),
    );
  });

  it('also when the player fails at once', async () => {
    server = await startHostileServer({
      listReply: metadataList(['endless']),
      play: { kind: 'forever' },
      polite: true,
    });
    const client = spawnCli('client', [
      '127.0.0.1',
      String(server.port),
      'play',
      '0',
      '--player',
      'exit 3',
    ]);
    const { code, stderr } = await finished(client, 25_000);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Error: Could not write the song into exit 3: .+\n$/);
  });
});
