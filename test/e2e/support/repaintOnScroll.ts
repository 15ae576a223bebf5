import type { Page } from 'playwright-core';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface CdpLayer {
  scrollRects?: { rect: Rect; type: string }[];
}

/**
 * The areas of the page that Chromium repaints on the main thread whenever they scroll
 * ("RepaintsOnScroll" in its layer tree), rather than scrolling them on the compositor: read
 * through the DevTools protocol's LayerTree domain after a small scroll of `selector`.
 */
export async function repaintsOnScroll(page: Page, selector: string): Promise<Rect[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    let layers: CdpLayer[] | null = null;
    cdp.on('LayerTree.layerTreeDidChange', (event: { layers?: CdpLayer[] }) => {
      if (event.layers) layers = event.layers;
    });
    await cdp.send('LayerTree.enable');
    await page.locator(selector).evaluate((element) => {
      element.scrollTop += 40;
    });
    const deadline = Date.now() + 10_000;
    while (!layers) {
      if (Date.now() > deadline) throw new Error('no layer tree from Chromium within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const found: CdpLayer[] = layers;
    return found.flatMap((layer) =>
      (layer.scrollRects ?? []).filter((r) => r.type === 'RepaintsOnScroll').map((r) => r.rect),
    );
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
