import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFfmpeg, toUnpackedPath } from '../../electron/core/ffmpeg/resolve-ffmpeg';

function executable(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, 0o755);
  return file;
}

describe('resolveFfmpeg', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'pantau-ffmpeg-'));
  const fromEnv = executable(path.join(root, 'env'), 'ffmpeg');
  const bundled = executable(path.join(root, 'bundled'), 'ffmpeg');
  const onPath = path.join(root, 'bin');
  executable(onPath, 'ffmpeg');

  it('prefers FFMPEG_PATH', () => {
    expect(resolveFfmpeg({ env: { FFMPEG_PATH: fromEnv, PATH: onPath }, bundledPath: () => bundled })).toEqual({
      path: fromEnv,
      source: 'FFMPEG_PATH',
    });
  });

  it('then the bundled binary', () => {
    expect(resolveFfmpeg({ env: { PATH: onPath }, bundledPath: () => bundled })).toEqual({
      path: bundled,
      source: 'bundled',
    });
  });

  it('then ffmpeg on PATH (ffmpeg-static absent or its download failed)', () => {
    expect(resolveFfmpeg({ env: { PATH: `/nonexistent:${onPath}` }, bundledPath: () => undefined })).toEqual({
      path: path.join(onPath, 'ffmpeg'),
      source: 'PATH',
    });
    expect(
      resolveFfmpeg({ env: { PATH: onPath }, bundledPath: () => path.join(root, 'missing', 'ffmpeg') }).source,
    ).toBe('PATH');
  });

  it('gives one clear error when there is none', () => {
    expect(() => resolveFfmpeg({ env: { PATH: '/nonexistent' }, bundledPath: () => undefined })).toThrow(
      expect.objectContaining({ code: 'ffmpeg-missing', message: expect.stringContaining('FFMPEG_PATH') }),
    );
  });

  it('refuses a FFMPEG_PATH that points nowhere instead of silently using another ffmpeg', () => {
    expect(() => resolveFfmpeg({ env: { FFMPEG_PATH: path.join(root, 'nope'), PATH: onPath } })).toThrow(
      /FFMPEG_PATH is set/,
    );
  });

  it('finds ffmpeg.exe on a Windows PATH', () => {
    const winDir = path.join(root, 'win');
    executable(winDir, 'ffmpeg.exe');
    expect(resolveFfmpeg({ env: { Path: winDir }, platform: 'win32', bundledPath: () => undefined }).path).toBe(
      path.join(winDir, 'ffmpeg.exe'),
    );
  });

  it('an installed app runs only its own copy: FFMPEG_PATH, the working folder and PATH are ignored', () => {
    const resources = path.join(root, 'resources');
    const own = executable(path.join(resources, 'ffmpeg'), 'ffmpeg');
    const planted = { env: { FFMPEG_PATH: fromEnv, PATH: onPath }, bundledPath: () => bundled };
    expect(resolveFfmpeg({ ...planted, resourcesPath: resources, packaged: true })).toEqual({
      path: own,
      source: 'packaged',
    });
    expect(() => resolveFfmpeg({ ...planted, resourcesPath: path.join(root, 'empty'), packaged: true })).toThrow(
      /install Pantau again/,
    );
  });

  it('maps the bundled path out of app.asar in a packaged app', () => {
    expect(
      toUnpackedPath('C:\\Program Files\\Pantau\\resources\\app.asar\\node_modules\\ffmpeg-static\\ffmpeg.exe'),
    ).toBe('C:\\Program Files\\Pantau\\resources\\app.asar.unpacked\\node_modules\\ffmpeg-static\\ffmpeg.exe');
    expect(toUnpackedPath('/opt/Pantau/resources/app.asar/node_modules/ffmpeg-static/ffmpeg')).toBe(
      '/opt/Pantau/resources/app.asar.unpacked/node_modules/ffmpeg-static/ffmpeg',
    );
  });
});
