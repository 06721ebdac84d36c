import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { secureWebPreferences, windowOptions, type WindowKind } from '../../electron/main/window-options';

const checklist = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
};

describe('window options', () => {
  it("every kind of window holds Electron's security checklist", () => {
    for (const kind of ['control', 'wall'] satisfies WindowKind[]) {
      const options = windowOptions(
        kind,
        { x: 1920, y: 0, width: 1920, height: 1080 },
        kind === 'wall',
        '/app/out/preload/index.cjs',
      );
      expect(options.webPreferences).toMatchObject({ ...checklist, preload: '/app/out/preload/index.cjs' });
      expect(options).toMatchObject({
        x: 1920,
        y: 0,
        width: 1920,
        height: 1080,
        fullscreen: kind === 'wall',
        show: false,
      });
    }
    expect(secureWebPreferences('/p')).toMatchObject(checklist);
  });

  it('electron/main builds windows only through windowOptions, and opens no other web content', () => {
    const dir = path.resolve(__dirname, '../../electron/main');
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => ({ f, text: readFileSync(path.join(dir, f), 'utf8') }));
    const constructions = sources.flatMap(({ f, text }) =>
      [...text.matchAll(/new BrowserWindow\(([^)]*)/g)].map((m) => `${f}: ${m[1]}`),
    );
    expect(constructions.length).toBeGreaterThan(0);
    for (const call of constructions) expect(call).toMatch(/:\s*windowOptions\(/);
    for (const { f, text } of sources) {
      if (f === 'window-options.ts') continue;
      expect(text, f).not.toMatch(/webPreferences\s*:/);
      expect(text, f).not.toMatch(/BrowserView|webviewTag|shell\.openExternal/);
      // Only our own page, through pantau://app (app-protocol.ts).
      for (const load of text.matchAll(/\.load(?:URL|File)\(\s*([\w.]+)/g)) expect(load[1], f).toBe('appPageUrl');
    }
    // Every window denies window.open and in-page navigation; permission requests are refused.
    const manager = sources.find((s) => s.f === 'window-manager.ts')!.text;
    expect(manager).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
    expect(manager).toMatch(/'will-navigate', \(event\) => event\.preventDefault\(\)/);
    const main = sources.find((s) => s.f === 'index.ts')!.text;
    expect(main).toMatch(/setPermissionRequestHandler\(\(_wc, _permission, callback\) => callback\(false\)\)/);
    expect(main).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    expect(manager).toMatch(/'will-redirect', \(event\) => event\.preventDefault\(\)/);
    // The IPC sender must be our own page exactly (pantau://app/index.html), not any document.
    expect(main).toMatch(/senderFrame\?\.url\.split\(\/\[\?#\]\/\)\[0\] === APP_INDEX/);
    expect(main).toMatch(/requestSingleInstanceLock\(\)/);
    expect(main).toMatch(/trustedSender\(event\)\s*\?\s*dispatch\(/);
  });
});
