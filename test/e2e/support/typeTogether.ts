import type { Page } from 'playwright-core';

/** Between one key and the next, as the page's clock sees them: a quick typist's pace. */
const KEY_GAP_SECONDS = 0.05;

/**
 * Types the letters of `word` into the focused element as one quick typist would: real key
 * events through Chromium's input (the DevTools protocol's Input domain), each stamped 50 ms
 * after the one before. The page tells a word from lone keys by its events' time stamps
 * (type-ahead), and on a loaded machine Playwright's own typing can deliver the next key a
 * second later, which is a lone key there: these arrive as late, but stamped as typed.
 */
export async function typeTogether(page: Page, word: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const start = Date.now() / 1000; // the Input domain's time stamps: seconds since 1970
    for (const [i, key] of [...word].entries()) {
      const keyCode = { key, code: `Key${key.toUpperCase()}` };
      const windowsVirtualKeyCode = key.toUpperCase().charCodeAt(0);
      const timestamp = start + i * KEY_GAP_SECONDS;
      await cdp.send('Input.dispatchKeyEvent', {
        type: 'keyDown',
        ...keyCode,
        text: key,
        windowsVirtualKeyCode,
        timestamp,
      });
      await cdp.send('Input.dispatchKeyEvent', {
        type: 'keyUp',
        ...keyCode,
        windowsVirtualKeyCode,
        timestamp: timestamp + KEY_GAP_SECONDS / 2,
      });
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
