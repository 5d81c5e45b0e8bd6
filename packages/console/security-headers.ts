/**
 * The console's content security policy, as `npm start` and CloudFront both send it: scripts, styles
 * and fonts from the console's own origin only (no inline script, no CDN), no framing, and calls only
 * to the console's origin and the given API and sign-in origins.
 */
export function consoleContentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...connectSources].join(' '),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}
