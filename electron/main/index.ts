/**
 * The thin Electron shell: lifecycle, one window per display (WindowManager),
 * IPC wiring of the one API contract, crash handling. Everything else lives
 * in electron/core.
 */
import {
  app,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  session,
  shell,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { apiMethodNames } from '../../shared/api';
import { CodedError, fail } from '../../shared/errors';
import { dispatch } from '../core/api/dispatch';
import { noSealer, type SecretSealer } from '../core/cameras/secrets';
import { resolveFfmpeg } from '../core/ffmpeg/resolve-ffmpeg';
import { createLogger } from '../core/log';
import { openPantau, type PantauCore } from '../core/pantau-core';
import { APP_INDEX, APP_ORIGIN, APP_SCHEME, appResponse, appSchemePrivileges } from './app-protocol';
import { WindowManager } from './window-manager';

declare const __PANTAU_VERSION__: string;

const logger = createLogger('main');
const rendererDir = path.join(__dirname, '../renderer');
const windows = new Set<WebContents>();

function cameraFileArgument(): string | undefined {
  const index = process.argv.indexOf('--cameras');
  return index > 0 ? process.argv[index + 1] : process.env.PANTAU_CAMERAS;
}

async function startCore(): Promise<{ core: PantauCore; relayPort: number }> {
  const core = await openPantau({
    ffmpegPath: resolveFfmpeg({ resourcesPath: process.resourcesPath, packaged: app.isPackaged }).path,
    logger,
    host: 'electron',
    version: __PANTAU_VERSION__,
    // A workstation turns the fleet sweep on in the fleet view; a laptop on a poor link is not made to check the city.
    fleetByDefault: false,
    dataDir: app.getPath('userData'),
    cameraFile: cameraFileArgument(),
    sealer: osSealer(),
    pickFolder: async (current) => {
      const picked = await dialog.showOpenDialog({
        defaultPath: current,
        properties: ['openDirectory', 'createDirectory'],
      });
      return picked.canceled ? undefined : picked.filePaths[0];
    },
    openFolder: async (folder) => {
      await mkdir(folder, { recursive: true });
      const failed = await shell.openPath(folder);
      if (failed) throw new CodedError('store-failed', failed);
    },
    send: (event, payload) => windows.forEach((wc) => wc.send(event, payload)),
    // Our pages come from pantau://app (app-protocol.ts); the relay listens on its own loopback port.
    relayOrigins: [APP_ORIGIN],
  });
  const relayPort = await core.relay.listen('127.0.0.1', 0);
  return { core, relayPort };
}

/** Camera passwords sealed with the OS's key (DPAPI on Windows); none where the OS offers none. */
function osSealer(): SecretSealer {
  if (!safeStorage.isEncryptionAvailable()) {
    logger.warn('safeStorage is not available: camera passwords are stored unencrypted in the camera file');
    return noSealer;
  }
  return {
    kind: 'os',
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}

/** Only our own windows, showing our own page exactly (any query, as wall windows carry ?wall=N), may call the API. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  return windows.has(event.sender) && event.senderFrame?.url.split(/[?#]/)[0] === APP_INDEX;
}

let stopEverything: (() => Promise<unknown>) | undefined;

// Tests give each launch its own data folder (accepted only in test mode).
if (process.env['PANTAU_TEST'] === '1' && process.env['PANTAU_USER_DATA'])
  app.setPath('userData', process.env['PANTAU_USER_DATA']);

// An error nobody caught is logged and shown, and the app carries on: the
// walls keep running. ffmpeg children die with this process in any case
// (spawn-guarded: parent-death signal on Linux, a kill-on-close job on Windows).
process.on('uncaughtException', (error) => {
  logger.error(`uncaught: ${error.stack ?? error.message}`);
  if (app.isReady()) dialog.showErrorBox('Pantau', `${error.message}\n\n${app.getPath('logs')}`);
});
// Before the app is ready, as Electron requires: pantau:// is a standard, secure scheme.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

process.on('unhandledRejection', (reason) => logger.error(`unhandled rejection: ${String(reason)}`));

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererDir, request));
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  // Checks too (no camera, microphone, notifications… ever asked of the page), not only requests.
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  let started;
  try {
    started = await startCore();
  } catch (error) {
    logger.error(`cannot start: ${(error as Error).message}`);
    app.exit(1);
    return;
  }
  const { core, relayPort } = started;
  const context = { relayBase: `ws://127.0.0.1:${relayPort}` };
  for (const method of apiMethodNames) {
    ipcMain.handle(method, (event, params: unknown) =>
      trustedSender(event)
        ? dispatch(core.handlers, method, params, context, logger)
        : fail('unauthorized', 'untrusted sender'),
    );
  }

  const windowManager = new WindowManager({
    file: path.join(app.getPath('userData'), 'windows.json'),
    preload: path.join(__dirname, '../preload/index.cjs'),
    logger,
    onContents: (contents, added) => (added ? windows.add(contents) : windows.delete(contents)),
    onControlClosed: () => app.quit(),
  });
  await windowManager.start();
  app.on('second-instance', () => windowManager.focusControl());
  stopEverything = async () => {
    for (const method of apiMethodNames) ipcMain.removeHandler(method);
    await core.dispose();
  };

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    void (stopEverything?.() ?? Promise.resolve()).finally(() => app.exit(0));
  });
  app.on('window-all-closed', () => app.quit());
}

void main();
