/**
 * The Electron main process, started where no Electron binary exists: the
 * built bundle (out/main/index.cjs) runs under plain Node with a STAND-IN for
 * the `electron` module (tests/electron-stand-in/, named for what it is) that
 * records what start-up does. It proves the bundle imports and starts without
 * a throw, and makes its windows, IPC handlers and guards as intended; the
 * Playwright Electron tests (tests/electron/) check the real thing where the
 * binary exists.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../electron/core/host/static-files';
import { apiMethodNames } from '../../shared/api';

const root = path.resolve(__dirname, '../..');

describe('the Electron main process under a stand-in electron module', () => {
  it('starts, opens the control window hardened, registers every contract method, denies permissions, and quits cleanly', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pantau-main-'));
    const log = path.join(dir, 'stand-in.json');
    const child = spawn(
      process.execPath,
      ['--require', path.join(root, 'tests/electron-stand-in/register.cjs'), path.join(root, 'out/main/index.cjs')],
      {
        env: {
          ...process.env,
          PANTAU_TEST: '1',
          PANTAU_USER_DATA: path.join(dir, 'userData'),
          PANTAU_STAND_IN_LOG: log,
          PANTAU_STAND_IN_QUIT_MS: '2500',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, output).toBe(0);
    expect(output).not.toMatch(/uncaught|unhandled rejection|cannot start/);

    const record = JSON.parse(readFileSync(log, 'utf8')) as {
      calls: unknown[][];
      windows: { webPreferences: Record<string, unknown>; show?: boolean }[];
      handlers: string[];
      loads: { url: string }[];
      schemes: { scheme: string; privileges: Record<string, boolean> }[];
      protocolAnswers: { method: string; url: string; status: number; csp: string | null }[];
      permissionRequest: boolean;
      permissionCheck: boolean;
      screenEvents: string[];
    };
    const names = record.calls.map((c) => c[0]);
    // One instance only, asked before anything starts.
    expect(names.indexOf('app.requestSingleInstanceLock')).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('app.requestSingleInstanceLock')).toBeLessThan(names.indexOf('app.whenReady'));
    expect(record.windows).toHaveLength(1);
    expect(record.windows[0]!.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(String(record.windows[0]!.webPreferences['preload'])).toMatch(/out[\\/]preload[\\/]index\.cjs$/);
    // The page comes from Pantau's own protocol, registered privileged before the app is ready,
    // with its CSP as a header; nothing outside the built renderer or for another host is served.
    expect(record.loads[0]!.url).toMatch(/^pantau:\/\/app\/index\.html\?wall=1/);
    expect(record.schemes).toEqual([
      expect.objectContaining({
        scheme: 'pantau',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(names.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(names.indexOf('app.whenReady'));
    expect(record.calls).toContainEqual(['protocol.handle', 'pantau']);
    const answer = (method: string, url: string) =>
      record.protocolAnswers.find((a) => a.method === method && a.url === url);
    expect(answer('GET', 'pantau://app/index.html?wall=1')).toMatchObject({ status: 200, csp: PAGE_CSP });
    expect(answer('GET', 'pantau://app/%2e%2e/%2e%2e/package.json')?.status).toBe(404);
    expect(answer('GET', 'pantau://elsewhere/index.html')?.status).toBe(404);
    expect(answer('POST', 'pantau://app/index.html')?.status).toBe(405);
    expect(record.calls).toContainEqual(['webContents.setWindowOpenHandler', { action: 'deny' }]);
    expect([...record.handlers].sort()).toEqual([...apiMethodNames].sort());
    expect(record.permissionRequest && record.permissionCheck).toBe(true);
    expect(record.screenEvents).toEqual(expect.arrayContaining(['display-added', 'display-removed']));
    // Quitting released every handler and exited with 0 after the core stopped.
    expect(record.calls.filter((c) => c[0] === 'ipcMain.removeHandler')).toHaveLength(apiMethodNames.length);
    expect(record.calls.at(-1)).toEqual(['app.exit', 0]);
  });
});
