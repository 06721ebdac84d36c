import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../electron/core/host/static-files';
import { APP_INDEX, appPageUrl, appResponse } from '../../electron/main/app-protocol';

const root = mkdtempSync(path.join(tmpdir(), 'pantau-app-'));
const renderer = path.join(root, 'renderer');
mkdirSync(path.join(renderer, 'assets'), { recursive: true });
writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Pantau</title>');
writeFileSync(path.join(renderer, 'assets', 'main.js'), 'console.log(1)');
writeFileSync(path.join(root, 'secret.txt'), 'not for the page');

const ask = (url: string, method = 'GET') => appResponse(renderer, { url, method });

describe('pantau:// (Electron pages)', () => {
  it('serves the page with its CSP as a header, and scripts with their type', async () => {
    const page = await ask(appPageUrl({ wall: '1', control: '1' }));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(PAGE_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Pantau</title>');
    const script = await ask('pantau://app/assets/main.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('serves nothing outside the built renderer, for another host, or for other methods', async () => {
    for (const url of [
      'pantau://app/../secret.txt',
      'pantau://app/%2e%2e/secret.txt',
      'pantau://app/..%2fsecret.txt',
      'pantau://other/index.html',
      'pantau://app/missing.js',
    ])
      expect((await ask(url)).status, url).toBe(404);
    expect((await ask(APP_INDEX, 'POST')).status).toBe(405);
  });

  it("puts the window's query on the page address", () => {
    expect(appPageUrl({ wall: '2', tabs: 'a,b', control: '0' })).toBe(
      'pantau://app/index.html?wall=2&tabs=a%2Cb&control=0',
    );
  });
});
