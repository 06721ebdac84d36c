/**
 * The Electron shell itself, through Playwright's Electron driver: start-up
 * on one display, two (faked displays, accepted only with PANTAU_TEST=1),
 * every window's security options, and a clean quit with no ffmpeg left.
 * Where the Electron binary is not installed (this project's CI installs
 * with ELECTRON_SKIP_BINARY_DOWNLOAD=1: it cannot be downloaded there),
 * every test here is reported as skipped with that reason.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { ffmpegProcesses, waitFor } from '../fixtures/processes';
import { decodePng } from '../fixtures/picture';

function electronBinary(): string | undefined {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}
const binary = electronBinary();
const why =
  'the Electron binary is not installed here (npm ci ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1; it cannot be downloaded on this machine). These tests run where it is.';
test.skip(!binary, why);

const root = path.resolve(import.meta.dirname, '../..');

async function launch(
  displays: { id: string; x: number; y: number; width: number; height: number; primary?: boolean }[],
): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: binary!,
    args: [root, ...(process.env.CI ? ['--no-sandbox'] : [])],
    env: {
      ...process.env,
      PANTAU_TEST: '1',
      PANTAU_TEST_DISPLAYS: JSON.stringify(displays),
      PANTAU_USER_DATA: mkdtempSync(path.join(tmpdir(), 'pantau-electron-')),
    },
  });
}

test('starts on one display with the demo wall live, every window hardened', async () => {
  const app = await launch([{ id: 'a', x: 0, y: 0, width: 1600, height: 900 }]);
  const page = await app.firstWindow();
  await expect(page.locator('.wall .tile[data-state="live"]')).toHaveCount(4, { timeout: 30_000 });
  // A painted picture, as painted on the window (the canvas belongs to a decoding worker).
  const shot = decodePng(await page.locator('.wall .tile canvas').first().screenshot());
  const seen = new Set<number>();
  for (let i = 0; i < shot.data.length; i += 3 * 101)
    seen.add((shot.data[i]! >> 5) * 64 + (shot.data[i + 1]! >> 5) * 8 + (shot.data[i + 2]! >> 5));
  const colours = seen.size;
  expect(colours).toBeGreaterThan(4);
  // What the security options mean at run time, in every window: no Node, only the frozen contract
  // bridge, no new windows, no navigation away.
  for (const win of app.windows()) {
    expect(
      await win.evaluate(() => [
        typeof (globalThis as { require?: unknown }).require,
        typeof (globalThis as { process?: unknown }).process,
        Object.isFrozen((window as { pantau?: unknown }).pantau),
        window.open('https://example.com') === null,
      ]),
    ).toEqual(['undefined', 'undefined', true, true]);
    await win.evaluate(() => (location.href = 'https://example.com')).catch(() => undefined);
    expect(win.url()).toMatch(/^pantau:\/\/app\/index\.html/);
  }
  expect(app.windows()).toHaveLength(1);
  await app.close();
});

test('two displays: a wall window on each, controls on the primary; quitting leaves no ffmpeg', async () => {
  const app = await launch([
    { id: 'left', x: 0, y: 0, width: 1600, height: 900, primary: true },
    { id: 'right', x: 1600, y: 0, width: 1600, height: 900 },
  ]);
  await expect.poll(() => app.windows().length, { timeout: 30_000 }).toBe(2);
  const urls = app.windows().map((w) => new URL(w.url()).searchParams);
  expect(urls.map((u) => [u.get('wall'), u.get('control')]).sort()).toEqual([
    ['1', '1'],
    ['2', '0'],
  ]);
  const control = app.windows().find((w) => new URL(w.url()).searchParams.get('control') === '1')!;
  await expect(control.locator('.wall .tile[data-state="live"]').first()).toBeVisible({ timeout: 30_000 });
  const pid = app.process().pid!;
  expect(ffmpegProcesses('lavfi').length).toBeGreaterThan(0);
  await app.close();
  expect(await waitFor(() => ffmpegProcesses('lavfi').length === 0, 10_000)).toBe(true);
  expect(pid).toBeGreaterThan(0);
});
