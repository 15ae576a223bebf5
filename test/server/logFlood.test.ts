import { describe, expect, it } from 'vitest';
import { clientMessages } from '../../src/protocol';
import { useTestServers, waitFor } from '../support/serverHarness';

const EMPTY_PACKETS = 200_000;
const BUDGET = { burstLines: 20, linesPerSecond: 2 };

describe('a client that floods the server with packets', () => {
  const servers = useTestServers();

  it('costs a bounded number of log lines, and the rest are counted', async () => {
    const running = await servers.start({ logBudget: BUDGET });
    const started = Date.now();
    const client = await servers.raw();
    // 1.2 MB of empty packets, each of which the server discards (and used to log).
    client.send(Buffer.alloc(EMPTY_PACKETS * 6, '<END;>'));
    client.send(clientMessages.list());
    expect((await client.nextPacket(20_000)).type).toBe('list');
    const seconds = (Date.now() - started) / 1000;
    const lines = running.logLines.filter((line) => line.startsWith('client '));
    const bytes = lines.reduce((sum, line) => sum + line.length + 1, 0);
    console.log(
      `${EMPTY_PACKETS} empty packets in ${seconds} s: ${lines.length} lines, ${bytes} B`,
    );

    // The burst, then a line and a summary per refill, whatever the peer sends.
    const { burstLines, linesPerSecond } = BUDGET;
    expect(lines.length).toBeLessThanOrEqual(burstLines + 2 * Math.ceil(seconds * linesPerSecond));
    expect(bytes).toBeLessThan(200 * lines.length);

    client.destroy();
    await waitFor(() => running.server.connectionCount === 0);
    const all = running.logLines.filter((line) => line.startsWith('client '));
    expect(all.at(-1)).toMatch(/ disconnected$/);
    // Nothing is lost from the account: lines written plus lines counted as suppressed.
    const summaries = all.map((line) => /\((\d+) more log lines suppressed over/.exec(line));
    const suppressed = summaries.reduce((sum, match) => sum + Number(match?.[1] ?? 0), 0);
    const written = all.length - summaries.filter(Boolean).length - 1; // less "disconnected"
    // connected, one discard per empty packet, list
    expect(written + suppressed).toBe(1 + EMPTY_PACKETS + 1);
  });
});
