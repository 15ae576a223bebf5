import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccessRefusedError, ClientSession } from '../../src/client';
import { useE2eApp } from './support/appHarness';
import { seriousViolations } from './support/axeCheck';
import { collectPageErrors, MUSIC_DIR, RESULTS_DIR } from './support/e2eEnvironment';

const CODE = 'harbour-lights-7431';

const e2e = useE2eApp({ startMs: 120_000 });

// Generous bounds: the machine may be busy; every wait inside is bounded too.
describe('the host panel shows every access-code refusal', { timeout: 90_000 }, () => {
  it('a friend with a wrong code appears as refused; with the right code, as a listener', async () => {
    const app = await e2e.open({ host: { accessCode: async () => CODE } });
    const { page, services } = app;
    const errors = collectPageErrors(page);
    const state = await services.host.start({ folder: MUSIC_DIR, port: 0, shareOnLan: false });
    const port = state.port ?? 0;

    await page.getByRole('button', { name: 'Host a library' }).click();
    const panel = page.getByRole('region', { name: 'Host a library' });
    await panel.getByRole('button', { name: 'Details' }).click(); // hosting: a summary till then
    await expect
      .poll(() => panel.getByRole('heading', { name: 'Nobody is listening' }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    expect(await panel.getByRole('list', { name: /Refused/ }).count()).toBe(0);

    // A friend types the wrong code.
    await expect(
      ClientSession.connect({ host: '127.0.0.1', port, accessCode: 'harbour-lights-7430' }),
    ).rejects.toThrow(AccessRefusedError);
    const refused = panel.getByRole('list', { name: 'Refused: 1' });
    await expect.poll(() => refused.count(), { timeout: 10_000 }).toBe(1);
    const rows = refused.getByRole('listitem');
    expect(await rows.allInnerTexts()).toEqual([
      'Refused: 127.0.0.1 — wrong access code ×1, waiting 1 s',
    ]);
    // Announced to screen readers as it comes.
    expect(await refused.getAttribute('aria-live')).toBe('polite');

    // And again: the count and the doubled delay follow, pushed, with no reload.
    await expect(
      ClientSession.connect({ host: '127.0.0.1', port, accessCode: 'guess' }),
    ).rejects.toThrow(AccessRefusedError);
    await expect
      .poll(() => rows.allInnerTexts(), { timeout: 10_000 })
      .toEqual(['Refused: 127.0.0.1 — wrong access code ×2, waiting 1 s']);

    // Then the right code: the friend is listed as a listener; the refusal stays visible.
    const friend = await ClientSession.connect({ host: '127.0.0.1', port, accessCode: CODE });
    e2e.onCleanup(() => friend.close());
    await friend.list();
    const table = panel.getByRole('table', { name: /Listening now/ });
    await expect.poll(() => table.getByRole('row').count(), { timeout: 10_000 }).toBe(2);
    expect(await rows.count()).toBe(1);
    // Accessible: no serious axe finding with both shown; the panel's buttons are reached by Tab.
    expect(await seriousViolations(page)).toEqual([]);
    const disconnect = table.getByRole('button', { name: /^Disconnect / });
    await panel.getByRole('button', { name: 'Disconnect everyone' }).focus();
    await page.keyboard.press('Tab');
    expect(await disconnect.evaluate((button) => button.matches(':focus'))).toBe(true);
    await refused.scrollIntoViewIfNeeded(); // the panel scrolls past half the window
    await page.screenshot({ path: join(RESULTS_DIR, 'refusals.png') });

    // Hosting stops: the panel forgets both.
    await services.host.stop();
    await expect.poll(() => refused.count(), { timeout: 10_000 }).toBe(0);
    expect(errors).toEqual([]);
  });
});
