import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { consoleContentSecurityPolicy } from '../../../console/security-headers';

/** Where `npm run build:console` writes the console. */
export const consoleDist = join(import.meta.dirname, '../../../console/dist');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The headers CloudFront adds in AWS: no inline script, no framing, no sniffing, no referrer. */
export const consoleSecurityHeaders = {
  'content-security-policy': consoleContentSecurityPolicy(),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const;

/**
 * Serves the care-team console from its build: files under `assets/` and the static pages as they
 * are, `/console-config.json` (where to sign in and which client to use), and every other page path
 * as `index.html`, so `/patients/{id}` opens the app. Answers false for paths it does not serve.
 */
export function consoleAssets(options: { dir?: string; clientId: string }) {
  const dir = options.dir ?? consoleDist;
  const config = JSON.stringify({
    authorizeUrl: '/oauth2/authorize',
    tokenUrl: '/oauth2/token',
    clientId: options.clientId,
    apiUrl: '',
  });
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, cache: string) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': cache, ...consoleSecurityHeaders });
    res.end(body);
  };
  return async (method: string, pathname: string, res: ServerResponse): Promise<boolean> => {
    if (method !== 'GET' && method !== 'HEAD') return false;
    if (pathname === '/console-config.json') {
      send(res, 200, 'application/json', config, 'no-store');
      return true;
    }
    const file = normalize(join(dir, pathname));
    const isAsset = pathname.startsWith('/assets/') || pathname.endsWith('.html');
    if (isAsset && file.startsWith(dir)) {
      const body = await readFile(file).catch(() => undefined);
      if (!body) return false;
      const immutable = pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      send(res, 200, contentTypes[extname(file)] ?? 'application/octet-stream', body, immutable);
      return true;
    }
    if (extname(pathname) !== '') return false;
    const index = await readFile(join(dir, 'index.html')).catch(() => undefined);
    if (!index) {
      send(
        res,
        503,
        'text/plain; charset=utf-8',
        'The console is not built: run npm run build:console',
        'no-store',
      );
      return true;
    }
    send(res, 200, contentTypes['.html'] as string, index, 'no-cache');
    return true;
  };
}
