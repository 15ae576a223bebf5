import { describe, expect, it } from 'vitest';
import { AccessRefusedError, ClientSession } from '../../src/client';
import { accessMessages } from '../../src/protocol';
import { CODE, challengeNonce, respond, useAccessServers } from './accessServer';

const { start, raw, seedListRefused, onCleanup } = useAccessServers();

/** One connection from `localAddress` that answers the challenge with `code`; the reply's type. */
async function tryCode(port: number, code: string, localAddress = '127.0.0.1'): Promise<string> {
  const client = await raw(port, localAddress);
  client.send(accessMessages.request());
  const first = await client.nextPacket();
  if (first.fields[0].toString() !== 'auth') return first.fields[1]?.toString() ?? '';
  respond(client, challengeNonce(first), code);
  const answer = await client.nextPacket();
  return answer.fields.map((field) => field.toString()).join(' ');
}

describe('every access-code refusal is kept for the host (issue 13)', () => {
  it('a wrong code, then the right one: one row with the wrong code and its delay', async () => {
    const { server, port } = await start({ baseDelayMs: 40 });
    let changes = 0;
    server.refusals.on('changed', () => (changes += 1));
    expect(server.refusals.list()).toEqual([]);
    const before = Date.now();

    await expect(
      ClientSession.connect({ host: '127.0.0.1', port, accessCode: 'guess' }),
    ).rejects.toThrow(AccessRefusedError);
    const session = await ClientSession.connect({ host: '127.0.0.1', port, accessCode: CODE });
    onCleanup(() => session.close());
    await session.list();

    expect(changes).toBe(1);
    const [row, ...rest] = server.refusals.list();
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      address: '127.0.0.1',
      count: 1,
      reason: 'wrong-code',
      delayMs: 40,
      cappedUntil: null,
    });
    expect(row.lastAt).toBeGreaterThanOrEqual(before);
    expect(row.lastAt).toBeLessThanOrEqual(Date.now());
  });

  it('a seed-era client asking without proof is shown as refused for no access code', async () => {
    const { server, port } = await start();
    await seedListRefused(port);
    expect(server.refusals.list()).toEqual([
      expect.objectContaining({ address: '127.0.0.1', count: 1, reason: 'no-proof', delayMs: 0 }),
    ]);
  });

  it('brute force shows the growing delay, then the cap, per address', async () => {
    const policy = { baseDelayMs: 20, maxDelayMs: 60, maxFailuresPerWindow: 3, windowMs: 60_000 };
    const { server, port } = await start(policy);
    const delays: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(await tryCode(port, `wrong-${attempt}`)).toBe('error wrong access code');
      delays.push(server.refusals.list()[0].delayMs);
    }
    expect(delays).toEqual([20, 40, 60]);
    // The third wrong code used up the window: the host sees the cap at once.
    const capped = server.refusals.list()[0];
    expect(capped).toMatchObject({ count: 3, reason: 'wrong-code' });
    expect(capped.cappedUntil).toBeGreaterThan(Date.now() + 50_000);

    // Even the right code is refused now, and that refusal is shown too.
    expect(await tryCode(port, CODE)).toMatch(/^too many wrong access codes/);
    expect(server.refusals.list()[0]).toMatchObject({ count: 4, reason: 'too-many', delayMs: 0 });
    expect(server.refusals.list()[0].cappedUntil).toBeGreaterThan(Date.now() + 50_000);

    // Another address gets its own row, listed first as the latest.
    expect(await tryCode(port, 'nope', '127.0.0.2')).toBe('error wrong access code');
    expect(server.refusals.list().map((row) => [row.address, row.count])).toEqual([
      ['127.0.0.2', 1],
      ['127.0.0.1', 4],
    ]);
  });
});
