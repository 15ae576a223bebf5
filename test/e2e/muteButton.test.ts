import { describe, expect, it } from 'vitest';
import { useE2eApp } from './support/appHarness';
import { waitForAudio } from './support/audioProbe';
import { connectTo } from './support/e2eEnvironment';

// Found by the new-listener walk-through (session 11): the speaker beside the volume never showed
// a mute, and only the M key muted. It is now a button that mutes, shows it, and unmutes to the
// level the listener had.

const e2e = useE2eApp({ music: true });

describe('the mute button', { timeout: 60_000 }, () => {
  it('mutes the sound and says so, and unmutes to the earlier level', async () => {
    const { page } = await e2e.open();
    await connectTo(page, e2e.music.port);
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);
    const volume = page.getByRole('slider', { name: 'Volume' });
    await volume.fill('0.6');
    await expect.poll(() => volume.inputValue()).toBe('0.6');
    const mute = page.getByRole('button', { name: 'Mute' });
    expect(await mute.getAttribute('aria-pressed')).toBe('false');

    await mute.click();
    await expect.poll(() => volume.inputValue()).toBe('0');
    expect(await mute.getAttribute('aria-pressed')).toBe('true');
    await waitForAudio(page, (a) => a.rms < 0.0005);

    await mute.click();
    await expect.poll(() => volume.inputValue()).toBe('0.6');
    expect(await mute.getAttribute('aria-pressed')).toBe('false');
    await waitForAudio(page, (a) => a.rms > 0.005);
  });
});
