/**
 * The Windows packaging, checked where electron-builder cannot run (no
 * Electron or NSIS download here): the config's targets, files and
 * resources, the paths it names, and that the ffmpeg resolver finds the
 * binary where the packaged app will have it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  beforePack: string;
  electronFuses: Record<string, boolean>;
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

  it('uses a multi-size Windows icon from build/ (16 to 256 pixels)', () => {
    expect(config.directories.buildResources).toBe('build');
    expect(config.win.icon).toBe('build/icon.ico');
    const ico = readFileSync(path.join(root, config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // ICONDIR, type icon
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
    // Each image is a PNG where its entry says.
    const offset = ico.readUInt32LE(6 + 12);
    expect(ico.subarray(offset + 1, offset + 4).toString()).toBe('PNG');
  });

  it("ships the licences: Pantau's in the installer, FFmpeg's GPL notice beside ffmpeg.exe; the installer speaks id and en", () => {
    expect(config.nsis).toMatchObject({
      license: 'build/license.txt',
      multiLanguageInstaller: true,
      installerLanguages: ['id_ID', 'en_US'],
    });
    expect(readFileSync(path.join(root, 'build/license.txt'), 'utf8')).toContain('MIT License');
    expect(config.extraResources).toContainEqual({ from: 'build/licenses', to: 'licenses' });
    expect(readFileSync(path.join(root, 'build/licenses/THIRD-PARTY.txt'), 'utf8')).toMatch(
      /GNU General Public License/,
    );
  });

  it("flips Electron's fuses: no running as Node, no NODE_OPTIONS or --inspect, app.asar checked and the only source", () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('stops packaging with one sentence when ffmpeg.exe is missing, instead of an installer without it', async () => {
    expect(config.beforePack).toBe('scripts/require-ffmpeg-for-packaging.cjs');
    const { default: requireFfmpeg } = (await import(path.join(root, config.beforePack))) as {
      default: (c: unknown) => void;
    };
    const without = mkdtempSync(path.join(tmpdir(), 'pantau-pack-'));
    expect(() => requireFfmpeg({ packager: { projectDir: without } })).toThrow(
      /Packaging stopped: .*ffmpeg\.exe is missing/,
    );
    const withIt = mkdtempSync(path.join(tmpdir(), 'pantau-pack-'));
    mkdirSync(path.join(withIt, 'node_modules', 'ffmpeg-static'), { recursive: true });
    writeFileSync(path.join(withIt, 'node_modules', 'ffmpeg-static', 'ffmpeg.exe'), 'MZ');
    expect(() => requireFfmpeg({ packager: { projectDir: withIt } })).not.toThrow();
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

describe('the Windows CI workflow', () => {
  const workflow = load(readFileSync(path.join(root, '.github/workflows/windows.yml'), 'utf8')) as {
    jobs: Record<string, { 'runs-on': string; steps: { name?: string; run?: string; uses?: string }[] }>;
  };
  const runs = (job: string) => workflow.jobs[job]!.steps.map((s) => s.run).filter(Boolean);

  it('installs, tests, runs the Electron e2e tests and builds the installer on Windows, keeping it as an artifact', () => {
    expect(workflow.jobs.windows!['runs-on']).toMatch(/^windows-/);
    expect(runs('windows')).toEqual([
      'npm ci',
      'npx vitest run tests/unit',
      'npm run build',
      'npx playwright test --project electron',
      'npm run dist:win',
    ]);
    expect(workflow.jobs.windows!.steps.some((s) => s.uses?.startsWith('actions/upload-artifact'))).toBe(true);
  });

  it('runs .ci/run on Linux, as the project CI does', () => {
    expect(runs('linux')).toEqual(['CI=true bash .ci/run']);
  });
});

describe("the README's two commands", () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)![1]!;
  const commands = firstBlock
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);

  it('are one that starts the demo wall and one that runs the tests, each doing its own set-up first', () => {
    expect(commands).toEqual(['npm run demo', 'npm run verify']);
    expect(pkg.scripts.demo).toBe('node scripts/setup.mjs demo && npm run serve');
    // Without arguments it is the set-up and the tests; with a folder it checks evidence (issue #15).
    expect(pkg.scripts.verify).toBe('node scripts/verify.mjs');
    const verify = readFileSync(path.join(root, 'scripts/verify.mjs'), 'utf8');
    expect(verify).toContain(
      "if (args.length === 0) {\n  const setup = run(process.execPath, ['scripts/setup.mjs', 'test']);",
    );
    expect(verify).toContain("process.exit(setup === 0 ? run('npm', ['test']) : setup);");
  });

  it('CI runs the test command exactly', () => {
    const ciRun = readFileSync(path.join(root, '.ci/run'), 'utf8');
    const lines = ciRun.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
    expect(lines[lines.length - 1]).toBe(commands[1]);
  });

  it('set-up on a machine already set up checks and does nothing, in about a second', () => {
    const started = Date.now();
    const setup = spawnSync(process.execPath, [path.join(root, 'scripts/setup.mjs'), 'test'], { encoding: 'utf8' });
    expect(setup.status).toBe(0);
    expect(setup.stdout).toContain('npm packages: up to date');
    expect(setup.stdout).toContain('test packages: present');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
