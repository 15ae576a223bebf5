import { clientMessages, PacketType } from '../src/protocol';
import { RawClient } from '../test/support/rawClient';
import { now } from './timing';

/**
 * A new client's wait for the song list: connect, send `list`, receive the reply. What a player
 * that opens the library feels while the server is busy with others. Null if it never came.
 */
export async function newClientListMs(port: number, timeoutMs: number): Promise<number | null> {
  const started = now();
  let client: RawClient | null = null;
  try {
    client = await RawClient.connect(port, '127.0.0.1', { keepPackets: false, noDelay: true });
    const reply = client.nextArrival(PacketType.List, timeoutMs);
    client.send(clientMessages.list());
    await reply;
    return now() - started;
  } catch {
    return null;
  } finally {
    client?.destroy();
  }
}

/**
 * Up to `count` round trips one after another, the ones that failed left out; no new one starts
 * once `budgetMs` have passed, so a server that answers slowly cannot stretch the run.
 */
export async function listRoundTrips(
  port: number,
  count: number,
  timeoutMs: number,
  budgetMs = Infinity,
) {
  const times: number[] = [];
  let failed = 0;
  const started = now();
  for (let i = 0; i < count && now() - started < budgetMs; i++) {
    const ms = await newClientListMs(port, timeoutMs);
    if (ms === null) failed += 1;
    else times.push(ms);
  }
  return { times, failed };
}
