import { describe, expect, it, afterEach } from 'vitest';
import { AccessRefusedError, ClientSession } from '../../src/client';
import { HostService } from '../../src/host';
import type { HostActivity } from '../../src/shared/hostActivity';
import { RawClient } from '../support/rawClient';
import { BUNDLED_MUSIC, waitFor } from '../support/serverHarness';

const CODE = 'harbour-lights-7431';

describe('the host panel is pushed who listens and who was refused', () => {
  let host: HostService | null = null;
  const raws: RawClient[] = [];
  afterEach(async () => {
    for (const raw of raws.splice(0)) raw.destroy();
    await host?.dispose();
    host = null;
  });

  async function hosting(
    accessCode: string | null,
  ): Promise<{ port: number; seen: HostActivity[] }> {
    host = new HostService({ watch: false, accessCode: async () => accessCode });
    const seen: HostActivity[] = [];
    host.on('activity', (activity) => seen.push(activity));
    const state = await host.start({ folder: BUNDLED_MUSIC, port: 0, shareOnLan: false });
    return { port: state.port ?? 0, seen };
  }

  const last = (seen: HostActivity[]) => seen[seen.length - 1];

  it('pushes a connect, its name and song, bytes at most once a second, and the leave', async () => {
    const { port, seen } = await hosting(null);
    expect(last(seen)).toMatchObject({ listeners: [], refusals: [] });

    const friend = await RawClient.connect(port);
    raws.push(friend);
    await waitFor(() => last(seen).listeners.length === 1);
    friend.send('hello<NEXT;>Den<NEXT;><END;>play<NEXT;>1<NEXT;><END;>');
    await waitFor(() => last(seen).listeners[0]?.songTitle === 'Glass Tide');
    expect(last(seen).listeners[0]).toMatchObject({ name: 'Den', songId: 1 });

    // The song is paced: bytes keep going out, and the feed samples them once a second.
    const from = seen.length;
    await waitFor(() => seen.length >= from + 2, 5_000);
    const pushes = seen.slice(from);
    expect(pushes[1].listeners[0].bytesSent).toBeGreaterThan(pushes[0].listeners[0].bytesSent);
    // Two pushes that only carried bytes took at least one sampling interval between them.
    expect(pushes[1].readAt - pushes[0].readAt).toBeGreaterThanOrEqual(900);

    friend.destroy();
    await waitFor(() => last(seen).listeners.length === 0);
    // Nobody listens: nothing more is pushed.
    const quiet = seen.length;
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(seen.length).toBe(quiet);
  });

  it('pushes each refusal of a wrong code, then an empty picture when hosting stops', async () => {
    const { port, seen } = await hosting(CODE);
    await expect(
      ClientSession.connect({ host: '127.0.0.1', port, accessCode: 'guess' }),
    ).rejects.toThrow(AccessRefusedError);
    await waitFor(() => last(seen).refusals.length === 1);
    expect(last(seen).refusals[0]).toMatchObject({
      address: '127.0.0.1',
      count: 1,
      reason: 'wrong-code',
    });
    expect(host?.getActivity().refusals).toEqual(last(seen).refusals);

    await host?.stop();
    expect(last(seen)).toMatchObject({ listeners: [], refusals: [] });
    expect(host?.getActivity()).toMatchObject({ listeners: [], refusals: [] });
  });
});
