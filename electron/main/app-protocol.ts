/**
 * Electron's pages come from Pantau's own protocol, `pantau://app/…`, not
 * from file://: the page then has an origin of its own (the relay and the IPC
 * check accept exactly it, where file:// would be any local document) and
 * its Content-Security-Policy arrives as a header, as the browser host sends
 * it. Kept free of `electron` imports so a plain-Node test can call it.
 */
import { staticResponse } from '../core/host/static-files';

export const APP_SCHEME = 'pantau';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_INDEX = `${APP_ORIGIN}/index.html`;

/** Standard (has an origin, resolves relative URLs) and secure (like https: for the page's APIs). */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** What `protocol.handle(APP_SCHEME, …)` answers: files of the built renderer only, for host `app` only. */
export function appResponse(rendererDir: string, request: { url: string; method: string }): Promise<Response> {
  const url = new URL(request.url);
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== 'app')
    return Promise.resolve(new Response('not found\n', { status: 404 }));
  return staticResponse(rendererDir, request.method, url.pathname);
}

/** The page's address with its window's query (which wall, which tabs). */
export function appPageUrl(query: Record<string, string>): string {
  const url = new URL(APP_INDEX);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.href;
}
