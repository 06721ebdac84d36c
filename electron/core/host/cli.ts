/**
 * `npm run serve -- [--cameras file.json] [--port N] [--host 127.0.0.1]`
 * Runs the wall in any browser, without Electron.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CodedError } from '../../../shared/errors';
import { resolveFfmpeg } from '../ffmpeg/resolve-ffmpeg';
import { createLogger } from '../log';
import { openPantau, type PantauCore } from '../pantau-core';
import { BrowserHost } from './browser-host';
import { hostToken } from './host-token';

declare const __PANTAU_VERSION__: string;

const usage = `Usage: npm run serve -- [--cameras cameras.json] [--data-dir DIR] [--port N] [--host 127.0.0.1] [--linger-ms 5000]
  --cameras   camera file (see README); without it, built-in demo cameras are shown
  --data-dir  where saved layouts live (default: PANTAU_DATA_DIR, else the user's config folder)
  --evidence-dir  the evidence folder: snapshots and clips (default: <data-dir>/snapshots)
  --snapshot-dir  the same (its older name)
  --prebuffer N   seconds of each wall camera's main stream kept for evidence clips (0–120; 0: none;
              default: the operator's choice, else 30)
  --port      port to listen on (default: a free one)
  --host      address to listen on (default 127.0.0.1; anything else exposes the wall to your network)
  --new-token a new link token: links printed before stop working (the token is kept in the data folder)
  --fleet on|off  check every camera of the inventory on a schedule (default on for a server; the
              operator's choice in the fleet view, once made, is kept and wins)`;

/** The same folder Electron's userData would be, so both hosts share layouts. */
function defaultDataDir(): string {
  if (process.env.PANTAU_DATA_DIR) return process.env.PANTAU_DATA_DIR;
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? os.homedir(), 'Pantau');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Pantau');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'Pantau');
}

async function main(): Promise<number> {
  const logger = createLogger('host');
  let args;
  try {
    args = parseArgs({
      options: {
        cameras: { type: 'string' },
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        'linger-ms': { type: 'string', default: '5000' },
        'data-dir': { type: 'string' },
        'snapshot-dir': { type: 'string' },
        'evidence-dir': { type: 'string' },
        prebuffer: { type: 'string' },
        'new-token': { type: 'boolean', default: false },
        fleet: { type: 'string', default: 'on' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 64;
  }
  if (args.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (args.fleet !== 'on' && args.fleet !== 'off') {
    process.stderr.write(`--fleet must be on or off\n`);
    return 64;
  }
  const preBufferSec = args.prebuffer === undefined ? undefined : Number(args.prebuffer);
  if (preBufferSec !== undefined && !(Number.isInteger(preBufferSec) && preBufferSec >= 0 && preBufferSec <= 120)) {
    process.stderr.write(`--prebuffer must be a whole number of seconds from 0 to 120\n`);
    return 64;
  }
  const port = Number(args.port);
  const lingerMs = Number(args['linger-ms']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be a whole number from 0 to 65535\n`);
    return 64;
  }

  // Events sent before the host exists go nowhere: no page can be connected yet.
  const pages: { host?: BrowserHost } = {};
  let core: PantauCore;
  try {
    const dataDir = args['data-dir'] ?? defaultDataDir();
    core = await openPantau({
      ffmpegPath: resolveFfmpeg().path,
      // Kept across restarts: open tabs and saved links keep working (--new-token to revoke them).
      token: await hostToken(dataDir, args['new-token'] === true),
      logger,
      host: 'browser',
      // The inventory: the camera file given, else cameras.json in the data folder (written by CSV imports), else demo cameras.
      cameraFile: args.cameras,
      dataDir,
      snapshotDir: args['evidence-dir'] ?? args['snapshot-dir'],
      version: typeof __PANTAU_VERSION__ === 'string' ? __PANTAU_VERSION__ : 'dev',
      send: (event, payload) => pages.host?.broadcast(event, payload),
      fleetByDefault: args.fleet === 'on',
      ...(preBufferSec !== undefined ? { preBufferSec } : {}),
      ...(Number.isFinite(lingerMs) ? { lingerMs } : {}),
    });
  } catch (error) {
    process.stderr.write(`Pantau cannot start: ${(error as Error).message}\n`);
    if (!(error instanceof CodedError)) return 74;
    return error.code === 'ffmpeg-missing' ? 69 : 65;
  }
  const host = new BrowserHost({
    core,
    logger,
    rendererDir: path.resolve(__dirname, '../renderer'),
    host: args.host,
    port,
  });
  pages.host = host;
  const url = await host.listen();
  if (!['127.0.0.1', 'localhost', '::1'].includes(args.host)) {
    logger.warn(`listening on ${args.host}: anyone on your network who has the link can watch these cameras`);
  }

  let stopping: Promise<void> | undefined;
  const stop = (signal: string) => {
    stopping ??= (async () => {
      logger.info(`${signal}: stopping every stream`);
      // The core first: its relay sockets and every ffmpeg; then the pages' API sockets and the server.
      await core.dispose();
      await host.close();
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));
  // Drops every page connection (they reconnect): for fault tests and wedged clients.
  process.on('SIGUSR2', () => {
    logger.info('SIGUSR2: dropping every page connection');
    host.dropClients();
  });
  // Announced only once the signal handlers are in place: a supervisor (or a test) that stops the
  // host the moment it reads this line must reach stop(), not Node's default of dying on the signal.
  process.stdout.write(`Pantau ready at ${url}\n`);
  return -1; // keep running
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`Pantau failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(70);
  },
);
