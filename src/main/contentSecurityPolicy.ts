/**
 * The renderer's Content-Security-Policy. index.html declares the same in a <meta> tag (kept for
 * the dev server), but Chromium ignores `frame-ancestors` there, so the app:// handler also
 * sends it as a response header. A test keeps the two equal.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
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
