/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads its hooks with require(): CommonJS on purpose. */
// electron-builder's beforePack hook: packaging stops with one sentence when
// the Windows ffmpeg is missing, instead of producing an installer whose
// walls stay black. ffmpeg-static downloads it at install (its script is
// approved in package.json's allowScripts); on Linux, install with
// npm_config_platform=win32 npm_config_arch=x64 npm ci.
const { existsSync } = require('node:fs');
const path = require('node:path');

function requireFfmpeg(context) {
  const root = context.packager?.projectDir ?? process.cwd();
  const binary = path.join(root, 'node_modules', 'ffmpeg-static', 'ffmpeg.exe');
  if (!existsSync(binary)) {
    throw new Error(
      `Packaging stopped: ${binary} is missing, so the installer would show no camera. ` +
        'Run npm ci on Windows (or npm_config_platform=win32 npm_config_arch=x64 npm ci) so ffmpeg-static downloads it.',
    );
  }
}

module.exports = requireFfmpeg;
module.exports.default = requireFfmpeg;
