/**
 * The Windows packaging, checked where electron-builder cannot run (no
 * Electron or NSIS download here): the config's targets, files and
 * resources, the paths it names, and that the ffmpeg resolver finds the
 * binary where the packaged app will have it.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { packagedFfmpegPath, resolveFfmpeg } from '../../electron/core/ffmpeg/resolve-ffmpeg';

const root = path.resolve(__dirname, '../..');
const config = load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
  win: { icon: string; target: { target: string; arch: string[] }[] };
  nsis: Record<string, unknown>;
  portable: { artifactName: string };
};
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('electron-builder.yml', () => {
  it('names the app and builds an NSIS installer and a portable exe for x64', () => {
    expect(config.appId).toBe('id.pantau.wall');
    expect(config.productName).toBe('Pantau');
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false }); // installs without admin rights
    expect(config.portable.artifactName).toMatch(/portable\.exe$/);
    expect(pkg.scripts['dist:win']).toMatch(/electron-builder --win nsis portable --x64/);
  });

  it('packs the built app and nothing it does not need', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json', '!**/*.map', '!node_modules/**']));
    // package.json's main is what scripts/build.mjs writes.
    expect(pkg.main).toBe('out/main/index.cjs');
    expect(readFileSync(path.join(root, 'scripts/build.mjs'), 'utf8')).toContain("outfile: 'out/main/index.cjs'");
  });

  it('carries ffmpeg.exe beside app.asar, where the resolver looks', () => {
    const ffmpeg = config.extraResources.find((r) => r.to === 'ffmpeg');
    expect(ffmpeg).toEqual({ from: 'node_modules/ffmpeg-static', to: 'ffmpeg', filter: ['ffmpeg.exe', 'LICENSE'] });
    // ffmpeg-static keeps its binary at the package root under that name on Windows.
    expect(packagedFfmpegPath('C:\\Program Files\\Pantau\\resources', 'win32')).toBe(
      'C:\\Program Files\\Pantau\\resources\\ffmpeg\\ffmpeg.exe',
    );
  });

  it('uses icons from resources/, large enough for Windows (256×256 PNG)', () => {
    const icon = path.join(root, config.win.icon);
    expect(config.win.icon.startsWith('resources/')).toBe(true);
    expect(existsSync(icon)).toBe(true);
    const png = readFileSync(icon);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([256, 256]);
  });
});

describe('ffmpeg in a packaged app', () => {
  it('is found in <resources>/ffmpeg before ffmpeg-static or PATH', () => {
    const resources = mkdtempSync(path.join(tmpdir(), 'pantau-resources-'));
    mkdirSync(path.join(resources, 'ffmpeg'));
    const binary = path.join(resources, 'ffmpeg', 'ffmpeg');
    writeFileSync(binary, '#!/bin/sh\n');
    chmodSync(binary, 0o755);
    expect(
      resolveFfmpeg({ env: { PATH: '/usr/bin' }, resourcesPath: resources, bundledPath: () => undefined }),
    ).toEqual({ path: binary, source: 'packaged' });
  });

  it('falls through to the next place when the packaged copy is missing', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'pantau-resources-'));
    expect(
      resolveFfmpeg({ env: { PATH: '/usr/bin' }, resourcesPath: empty, bundledPath: () => undefined }).source,
    ).toBe('PATH');
  });
});
