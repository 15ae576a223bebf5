/**
 * The renderer's Content-Security-Policy. index.html declares the same in a <meta> tag (kept for
 * the dev server), but Chromium ignores `frame-ancestors` there, so the app:// handler also
 * sends it as a response header. A test keeps the two equal.
 *
 * Styles come only from the stylesheet: no 'unsafe-inline'. React's `style={…}` props are set
 * through the CSSOM (element.style), which style-src does not govern, so they need no allowance.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The same response with the policy header added (fetched headers may be immutable). */
export function withContentSecurityPolicy(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/**
 * The policy for Vite's dev server only (`npm run dev`): its client injects each stylesheet as a
 * <style> element for hot reloading, which needs 'unsafe-inline'. Built pages never get this.
 */
export function devServerPolicy(policy: string): string {
  return policy.replace(/style-src 'self'(?=;|$)/, "style-src 'self' 'unsafe-inline'");
}
