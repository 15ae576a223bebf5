import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Protocol } from 'electron';
import { withContentSecurityPolicy } from './contentSecurityPolicy';

/** The renderer is served from app://renderer/… rather than file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Must run before the app is ready: a standard, secure scheme behaves like https for the page. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

/**
 * The file an app:// URL names, or null when it is not ours or would leave the renderer folder
 * (an encoded `..` included).
 */
export function resolveAppUrl(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  const inside = relative(root, file);
  return inside && !inside.startsWith('..') && !inside.startsWith(sep) ? file : null;
}

/**
 * Serves app:// from the built renderer folder; anything else is a 404. HTML pages carry the
 * Content-Security-Policy as a header too.
 */
export function handleAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  fetchFile: (fileUrl: string) => Promise<Response>,
  rendererDir: string,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppUrl(request.url, rendererDir);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const response = await fetchFile(pathToFileURL(file).href);
      return /\.html?$/i.test(file) ? withContentSecurityPolicy(response) : response;
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
