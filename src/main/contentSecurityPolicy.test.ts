import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, devServerPolicy } from './contentSecurityPolicy';

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the policy index.html declares in its meta tag', async () => {
    const html = await readFile(join(import.meta.dirname, '../renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('forbids framing, plugins and foreign scripts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
  });

  it('allows no inline styles or scripts in the built page', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self';");
  });

  it("allows inline styles only in the dev server's policy, for its injected stylesheets", () => {
    const dev = devServerPolicy(CONTENT_SECURITY_POLICY);
    expect(dev).toContain("style-src 'self' 'unsafe-inline';");
    expect(dev.replace(" 'unsafe-inline'", '')).toBe(CONTENT_SECURITY_POLICY);
  });
});
