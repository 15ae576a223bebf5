import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import config from '../../electron.vite.config';
import { CONTENT_SECURITY_POLICY } from '../../src/main/contentSecurityPolicy';

const ROOT = join(import.meta.dirname, '../..');

describe("the dev server's Content-Security-Policy", () => {
  it("adds 'unsafe-inline' styles to index.html when serving, and only then", async () => {
    const renderer = (config as { renderer?: { plugins?: unknown[] } }).renderer;
    const plugin = renderer?.plugins?.find(
      (candidate): candidate is Plugin =>
        (candidate as Plugin | null)?.name === 'tidewave-dev-server-csp',
    );
    expect(plugin?.apply).toBe('serve');
    const html = await readFile(join(ROOT, 'src/renderer/index.html'), 'utf8');
    const transform = plugin?.transformIndexHtml as (html: string) => string;
    const served = transform(html);
    expect(html).toContain(CONTENT_SECURITY_POLICY);
    expect(served).toContain("style-src 'self' 'unsafe-inline';");
    expect(served.replace(" 'unsafe-inline'", '')).toBe(html);
  });
});
