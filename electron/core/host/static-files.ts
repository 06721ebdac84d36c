/**
 * The built renderer as both shells serve it: the browser host over HTTP,
 * Electron through its own `pantau://` protocol. One lookup (GET/HEAD only,
 * no directory escapes) and one set of headers, the page's
 * Content-Security-Policy among them, so both shells hold the same policy.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

/**
 * Loopback only; WebAssembly for JSMpeg's decoder; no inline scripts. The two
 * style hashes are the <style> element jsmpeg-player injects at import (empty,
 * then filled); the e2e tests fail on any CSP violation, so a changed library
 * shows up at once.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' 'sha256-lRyplcblLyRa4o+ZUBNzXETDGwKXzgKgrWbiYOwfTLg='",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The file a request path names inside `root`, or undefined for an escape or a path that is not one. */
export function staticFile(root: string, requestPath: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestPath, 'http://placeholder').pathname);
  } catch {
    return undefined;
  }
  if (pathname.endsWith('/')) pathname += 'index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, `.${pathname}`);
  return file !== base && file.startsWith(base + path.sep) ? file : undefined;
}

export function staticHeaders(file: string, size: number): Record<string, string> {
  const html = file.endsWith('.html');
  return {
    'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': String(size),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': html ? 'no-store' : 'public, max-age=3600',
    ...(html ? { 'Content-Security-Policy': PAGE_CSP } : {}),
  };
}

export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const file = staticFile(root, req.url ?? '/');
  try {
    if (!file) throw new Error('outside the renderer');
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    res.writeHead(200, staticHeaders(file, info.size));
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
  }
}

/** A fetch-style answer for Electron's protocol handler: the same files, the same headers. */
export async function staticResponse(root: string, method: string, requestPath: string): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD')
    return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
  const file = staticFile(root, requestPath);
  try {
    if (!file) throw new Error('outside the renderer');
    const body = await readFile(file);
    return new Response(method === 'HEAD' ? null : body, { status: 200, headers: staticHeaders(file, body.length) });
  } catch {
    return new Response('not found\n', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  }
}
