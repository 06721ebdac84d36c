/**
 * Test fixtures that start real servers: GStreamer's RTSP server, the built
 * browser host, and a page that fails the test on any console error (CSP
 * violations included).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { startHost, writeCameraFile, type RunningHost } from '../fixtures/host';
import { startRtspServer, type RtspMount, type RtspServer } from '../fixtures/rtsp-server';
import { WallPage } from './pages/wall-page';

export interface Fixtures {
  consoleErrors: string[];
  startCameras: (
    mounts: RtspMount[],
    options?: { digest?: string; port?: number; copies?: number; keepAlive?: boolean },
  ) => Promise<RtspServer>;
  /** Starts a host (its own data folder unless given) and opens the wall in the page. */
  openWall: (options?: {
    cameras?: unknown[];
    dataDir?: string;
    /** Added to the wall's link, e.g. `decoder=native`. */
    query?: string;
    /**
     * Let the wall shed work past capacity (issue #23). Off unless a test is about it: the camera
     * simulators' own encoders load this machine, and a test of the picture must not see economy
     * tiles because of them (`?rate=full`, the link option support and measurements use).
     */
    economy?: boolean;
    /** More of the host's command line, e.g. `['--prebuffer', '5']`. */
    hostArgs?: string[];
  }) => Promise<{ wall: WallPage; host: RunningHost }>;
}

export const test = base.extend<Fixtures>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    // With where it was thrown: a fault seen once on CI must say where it came from.
    page.on('pageerror', (error) =>
      errors.push([error.message, ...(error.stack ?? '').split('\n').slice(1, 6)].join('\n')),
    );
    await use(errors);
    expect(errors, 'console errors on the page').toEqual([]);
  },

  startCameras: async ({}, use) => {
    const servers: RtspServer[] = [];
    await use(async (mounts, options) => {
      const server = await startRtspServer(mounts, options);
      servers.push(server);
      return server;
    });
    for (const server of servers) {
      try {
        server.process.kill('SIGCONT'); // a test may have frozen it
      } catch {
        // already gone
      }
    }
    await Promise.all(servers.map((s) => s.stop()));
  },

  openWall: async ({ page, consoleErrors }, use) => {
    void consoleErrors; // collect from the first navigation on
    const hosts: RunningHost[] = [];
    await use(async (options = {}) => {
      const args = options.cameras ? ['--cameras', writeCameraFile(options.cameras)] : [];
      if (options.dataDir) args.push('--data-dir', options.dataDir);
      if (options.hostArgs) args.push(...options.hostArgs);
      const host = await startHost(args);
      hosts.push(host);
      const query = [options.query, options.economy ? '' : 'rate=full'].filter(Boolean).join('&');
      await page.goto(query ? `${host.url}&${query}` : host.url);
      return { wall: new WallPage(page as Page), host };
    });
    // Leave the page first: a page left open would log its reconnection attempts as errors.
    await page.goto('about:blank');
    for (const host of hosts) expect(await host.stop('SIGTERM')).toBe(0);
  },
});

export { expect };
