import { createConnection } from 'node:net';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createLibraryServer, type LibraryServerOptions } from '../../src/server';
import { clientMessages } from '../../src/protocol';
import { useE2eApp } from './support/appHarness';
import { MUSIC_DIR } from './support/e2eEnvironment';

// What a listener tripped over in the second walk-through (session 12): a big library, the
// queue, formats, a server that goes and comes back or refuses.

const e2e = useE2eApp();

async function musicServer(options: Partial<LibraryServerOptions> = {}): Promise<number> {
  const server = await createLibraryServer({
    folder: MUSIC_DIR,
    host: '127.0.0.1',
    port: 0,
    pacing: false,
    log: () => undefined,
    ...options,
  });
  e2e.onCleanup(() => server.close());
  return (await server.listen()).port;
}

/** Types the address into the connection bar and presses Connect, expecting no connection. */
async function connectRefused(page: Page, port: number): Promise<string> {
  await page.getByRole('textbox', { name: 'Server host' }).fill('127.0.0.1');
  await page.getByRole('textbox', { name: 'Server port' }).fill(String(port));
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: `No connection to 127.0.0.1:${port}` });
  await alert.waitFor();
  return alert.innerText();
}

// Generous bounds: the machine may be busy; every wait inside is bounded too.
describe('what a listener trips over, second walk', { timeout: 60_000 }, () => {
  it('a full server, or one that needs an access code, is not called "not a Tidewave server"', async () => {
    const full = await musicServer({ limits: { maxConnections: 1 } });
    // Someone else holds the one place.
    const holder = createConnection(full, '127.0.0.1');
    e2e.onCleanup(() => holder.destroy());
    const answered = new Promise((resolve) => holder.once('data', resolve));
    holder.write(clientMessages.list());
    await answered;
    const { page } = await e2e.open();
    const busy = await connectRefused(page, full);
    expect(busy).toContain('The server refused the connection: server busy: 1 connections open');
    expect(busy).not.toContain('not a Tidewave server');

    const locked = await musicServer({ accessCode: 'cellar door 5' });
    const refused = await connectRefused(page, locked);
    expect(refused).toContain('access code required');
    expect(refused).not.toContain('not a Tidewave server');
  });
});
