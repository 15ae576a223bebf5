import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | null = null;

/** axe-core's own bundle, read once per test file. */
function source(): Promise<string> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * Runs axe-core on the page and returns the serious and critical violations. The app's CSP
 * refuses script tags, so the source goes in through page.evaluate (an indirect eval).
 */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(await source());
  const script = `(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
  })()`;
  return (await page.evaluate(script)) as AxeFinding[];
}
