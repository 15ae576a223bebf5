import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DISCONNECTED_BY_HOST } from '../../src/protocol';
import { RawClient } from '../support/rawClient';
import { useE2eApp } from './support/appHarness';
import { collectPageErrors, RESULTS_DIR } from './support/e2eEnvironment';

const e2e = useE2eApp({ startMs: 120_000 });

// Generous bounds: the machine may be busy; every wait inside is bounded too.
describe('the host panel lists who listens', { timeout: 90_000 }, () => {
  it('shows two listeners and disconnects one; the other stays', async () => {
    // First run hosts the bundled music and this player connects to it: listener one. Its
    // buffer is the usual 6 s, so it may hold its reading when the host lets it go: the server
    // waits for it to read the error (PROTOCOL 18.2).
    const app = await e2e.open({ firstRun: true, playback: { clientName: 'This computer' } });
    const { page, services } = app;
    const errors = collectPageErrors(page);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    const port = services.host.getState().port ?? 0;

    // A friend's player: names itself, then plays the second song.
    const friend = await RawClient.connect(port);
    e2e.onCleanup(() => friend.destroy());
    friend.send('list<NEXT;>meta<NEXT;><END;>');
    await friend.nextPacket();
    friend.send('hello<NEXT;>Friend’s laptop<NEXT;><END;>play<NEXT;>1<NEXT;><END;>');
    await friend.playBytesAtLeast(4_000);

    await page.getByRole('button', { name: 'Host a library' }).click();
    const panel = page.getByRole('region', { name: 'Host a library' });
    await panel.getByRole('button', { name: 'Details' }).click(); // hosting: a summary till then
    const table = panel.getByRole('table', { name: /Listening now/ });
    await expect.poll(() => table.getByRole('row').count(), { timeout: 10_000 }).toBe(3);
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual([
      'Address',
      'Name',
      'Playing',
      'Connected for',
      'Sent',
      'Actions',
    ]);
    const friendRow = table.getByRole('row', { name: /Friend’s laptop/ });
    const cells = await friendRow.getByRole('cell').allInnerTexts();
    expect(cells[0]).toBe(`127.0.0.1:${friend.socket.localPort}`);
    expect(cells[2]).toBe('Glass Tide');
    expect(cells[3]).toMatch(/^0:\d\d$/);
    expect(cells[4]).toMatch(/^\d+(\.\d)? kB$/);
    await expect.poll(() => table.getByRole('row', { name: /This computer/ }).count()).toBe(1);
    await page.screenshot({ path: join(RESULTS_DIR, 'listeners.png') });

    await friendRow.getByRole('button', { name: 'Disconnect Friend’s laptop' }).click();
    const [last] = (await friend.readUntil('error')).slice(-1);
    expect(last.fields[1].toString()).toBe(DISCONNECTED_BY_HOST);
    await friend.closed;
    await expect.poll(() => table.getByRole('row').count(), { timeout: 10_000 }).toBe(2);
    expect(await panel.getByRole('heading', { name: 'Listening now: 1' }).count()).toBe(1);
    // This player is still connected and still plays.
    expect(services.playback.getConnection().status).toBe('connected');
    // Closed, the panel stops asking; opened again, it shows what this player now plays.
    const toggle = page.getByRole('button', { name: 'Host a library' });
    await toggle.click();
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    await expect
      .poll(() => services.host.getActivity().listeners[0]?.songTitle, { timeout: 10_000 })
      .toBe('Harbor Lights');
    await toggle.click();
    const ownRow = table.getByRole('row', { name: /This computer/ });
    await expect
      .poll(async () => (await ownRow.getByRole('cell').allInnerTexts())[2], { timeout: 10_000 })
      .toBe('Harbor Lights');

    await panel.getByRole('button', { name: 'Disconnect everyone' }).click();
    await expect
      .poll(() => panel.getByRole('heading', { name: 'Nobody is listening' }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    // A player whose buffer is full reads the error (and the close) once it has played room free.
    await expect
      .poll(() => services.playback.getConnection(), { timeout: 30_000 })
      .toMatchObject({ status: 'error', error: expect.stringMatching(/host disconnected/i) });

    // The caps are settings of the hosting, saved from the panel, applied at the next start.
    await panel.getByText('Connection limits').click();
    const perAddress = panel.getByRole('spinbutton', { name: 'Connections from one address' });
    await perAddress.fill('0');
    await perAddress.blur();
    expect(await perAddress.getAttribute('aria-invalid')).toBe('true');
    await perAddress.fill('3');
    await perAddress.blur();
    await expect
      .poll(async () => (await services.settings.load()).hostLimits.maxConnectionsPerAddress)
      .toBe(3);
    expect(errors).toEqual([]);
  });
});
