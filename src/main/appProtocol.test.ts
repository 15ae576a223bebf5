import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { handleAppProtocol, registerAppScheme, resolveAppUrl } from './appProtocol';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';

const ROOT = '/app/out/renderer';

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
  });

  it('maps renderer URLs to files under the renderer folder', () => {
    expect(resolveAppUrl('app://renderer/index.html', ROOT)).toBe(join(ROOT, 'index.html'));
    expect(resolveAppUrl('app://renderer/', ROOT)).toBe(join(ROOT, 'index.html'));
    expect(resolveAppUrl('app://renderer/assets/index-abc.js?x=1', ROOT)).toBe(
      join(ROOT, 'assets', 'index-abc.js'),
    );
    expect(resolveAppUrl('app://renderer/my%20file.css', ROOT)).toBe(join(ROOT, 'my file.css'));
  });

  it('keeps dot segments inside the renderer folder (the URL parser folds them)', () => {
    for (const url of [
      'app://renderer/../../etc/passwd',
      'app://renderer/%2e%2e/%2e%2e/etc/passwd',
    ]) {
      expect(resolveAppUrl(url, ROOT)).toBe(join(ROOT, 'etc', 'passwd'));
    }
  });

  it('refuses anything outside the renderer folder or not ours', () => {
    for (const url of [
      'app://renderer/..%2f..%2fetc/passwd',
      'app://renderer/..%5c..%5cetc%5cpasswd',
      'app://renderer/%00',
      'app://renderer/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(resolveAppUrl(url, ROOT), url).toBeNull();
    }
  });

  it('serves files through the given fetch and answers 404 otherwise', async () => {
    let handler: ((request: Request) => Promise<Response>) | undefined;
    const fetchFile = vi.fn(async (url: string) => new Response(`file ${url}`));
    handleAppProtocol(
      { handle: (_scheme, h) => (handler = h as (request: Request) => Promise<Response>) },
      fetchFile,
      ROOT,
    );
    const ok = await handler!(new Request('app://renderer/index.html'));
    expect(await ok.text()).toBe(`file file://${ROOT}/index.html`);
    const denied = await handler!(new Request('app://renderer/..%2fsecret'));
    expect(denied.status).toBe(404);
  });

  it('sends the Content-Security-Policy header with HTML pages', async () => {
    let handler: ((request: Request) => Promise<Response>) | undefined;
    // Like net.fetch, fetch gives a response whose headers cannot be changed.
    const fetchFile = async (url: string) =>
      url.endsWith('.html')
        ? fetch('data:text/html;charset=utf-8,<p>page</p>')
        : fetch('data:text/javascript,void 0');
    handleAppProtocol(
      { handle: (_scheme, h) => (handler = h as (request: Request) => Promise<Response>) },
      fetchFile,
      ROOT,
    );
    for (const url of ['app://renderer/index.html', 'app://renderer/']) {
      const page = await handler!(new Request(url));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(page.headers.get('content-type')).toBe('text/html;charset=utf-8');
      expect(await page.text()).toBe('<p>page</p>');
    }
    const script = await handler!(new Request('app://renderer/assets/index.js'));
    expect(script.headers.get('content-security-policy')).toBeNull();
    expect(await script.text()).toBe('void 0');
  });
});
