/**
 * npm 12 runs a dependency's install script only when package.json's
 * `allowScripts` approves it (npm 11 warns). Pantau needs four: Electron's
 * binary, ffmpeg-static's binary, esbuild's native binary, and
 * electron-builder's electron-winstaller (picks its 7-Zip). Any other
 * dependency that brings an install script must be reviewed first: this test
 * fails until it is approved or denied.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  allowScripts: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { hasInstallScript?: boolean }>;
};

describe('install scripts', () => {
  it('approves exactly the packages in the lockfile that have install scripts, and those we need', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([where]) => where.replace(/^.*node_modules\//, ''));
    expect(Object.keys(pkg.allowScripts).sort()).toEqual([...new Set(withScripts)].sort());
    expect(pkg.allowScripts).toEqual({
      electron: true,
      esbuild: true,
      'ffmpeg-static': true,
      'electron-winstaller': true,
    });
  });

  const [major = 0, minor = 0] = execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim().split('.').map(Number);
  // npm before 11.16 has no allowScripts and runs every script: there is nothing to ask it.
  it.skipIf(major < 11 || (major === 11 && minor < 16))(
    'npm itself finds no unreviewed install script (npm ≥ 11.16)',
    () => {
      const listed = execFileSync('npm', ['install-scripts', 'ls'], { cwd: root, encoding: 'utf8' });
      expect(listed).not.toMatch(/not yet covered/);
    },
  );
});
