// The set-up behind the README's two commands, so a fresh machine needs
// nothing typed before them:
//   node scripts/setup.mjs demo  — npm packages, and an ffmpeg (Debian's when
//                                  npm's ffmpeg-static could not download one)
//   node scripts/setup.mjs test  — npm packages, and the Debian packages the
//                                  tests run against (.ci/install-test-packages)
// Each step is skipped when already done, so running it again costs a second.
// Plain Node with no dependency: it runs before `npm ci` has.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const purpose = process.argv[2];
if (purpose !== 'demo' && purpose !== 'test') {
  process.stderr.write('usage: node scripts/setup.mjs demo|test\n');
  process.exit(64);
}

const say = (line) => process.stdout.write(`[setup] ${line}\n`);
const stop = (line) => {
  process.stderr.write(`[setup] ${line}\n`);
  process.exit(1);
};
const run = (command, args, env = process.env) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
const isRoot = process.getuid?.() === 0;
const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

/** npm's record of the last install is older than the lockfile, or missing: install. */
function npmPackagesStale() {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return true;
  return statSync(installed).mtimeMs < statSync(path.join(root, 'package-lock.json')).mtimeMs;
}

function installNpmPackages() {
  if (!npmPackagesStale()) return say('npm packages: up to date');
  say('npm packages: npm ci');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // Where GitHub (Electron's binary) cannot even be named, go straight to the install without it:
  // a first attempt would install everything only to fail at Electron's download (~40 s lost).
  const mirror = process.env.ELECTRON_MIRROR || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const lookup = "require('node:dns').lookup('github.com', (error) => process.exit(error ? 1 : 0))";
  const github = mirror || spawnSync(process.execPath, ['-e', lookup], { timeout: 5000 }).status === 0;
  if (!github) say('github.com cannot be resolved from here: installing without the Electron binary');
  else if (run(npm, ['ci', '--no-audit', '--no-fund']).status === 0) return;
  // Electron's install script downloads its binary from GitHub; a machine that
  // reaches only the npm registry cannot. Everything but `npm start` and the
  // Electron e2e tests (skipped, with that reason) works without it.
  if (github) say("npm ci failed; trying again without Electron's binary download (ELECTRON_SKIP_BINARY_DOWNLOAD=1)");
  if (run(npm, ['ci', '--no-audit', '--no-fund'], { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }).status === 0)
    return say('npm packages installed without the Electron binary: `npm start` needs it, the browser host does not');
  stop('npm ci failed twice; its own error is above.');
}

/** Debian/Ubuntu packages, with sudo when not root; anything else gets the sentence to act on. */
function aptInstall(what, command) {
  if (!hasCommand('apt-get'))
    stop(`${what} is missing and this is not a Debian/Ubuntu machine: install it with your package manager.`);
  const sudo = isRoot ? [] : ['sudo'];
  if (!isRoot && !hasCommand('sudo')) stop(`${what} is missing; as root, run: ${command.join(' ')}`);
  say(`installing ${what}: ${[...sudo, ...command].join(' ')}`);
  const [first, ...rest] = [...sudo, ...command];
  if (run(first, rest).status !== 0) stop(`installing ${what} failed; its own error is above.`);
}

function ffmpegFound() {
  if (process.env.FFMPEG_PATH) return existsSync(process.env.FFMPEG_PATH);
  try {
    const bundled = createRequire(path.join(root, 'noop.js'))('ffmpeg-static');
    if (typeof bundled === 'string' && existsSync(bundled)) return true;
  } catch {
    // not installed (it is optional): PATH next
  }
  return spawnSync('ffmpeg', ['-hide_banner', '-version'], { stdio: 'ignore' }).status === 0;
}

installNpmPackages();
if (purpose === 'demo') {
  if (ffmpegFound()) say('ffmpeg: found');
  else
    aptInstall('ffmpeg', [
      'sh',
      '-c',
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ffmpeg',
    ]);
} else {
  const machine = spawnSync(process.execPath, [path.join(root, 'scripts', 'check-test-machine.mjs')], {
    stdio: 'ignore',
  });
  if (machine.status === 0) say('test packages: present');
  else
    aptInstall("the tests' Debian packages (ffmpeg, GStreamer's RTSP server, Chromium)", [
      'bash',
      '.ci/install-test-packages',
    ]);
}
