/**
 * Finds the ffmpeg binary: FFMPEG_PATH → the packaged app's copy
 * (electron-builder's extraResources put it at <resources>/ffmpeg/, outside
 * app.asar, where a binary can run) → the ffmpeg-static package's binary (a
 * development checkout; app.asar.unpacked if it was packed) → `ffmpeg` on PATH.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CodedError } from '../../../shared/errors';

export interface ResolveOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Path that ffmpeg-static reports, or undefined when the package is absent. */
  bundledPath?: () => string | undefined;
  /** A packaged app's resources folder (Electron's process.resourcesPath). */
  resourcesPath?: string;
  /**
   * An installed app (Electron's app.isPackaged): only its own copy is run.
   * FFMPEG_PATH, the working folder and PATH are for development: in an
   * installed app they would let whoever controls the environment or the
   * folder it was started from run their program as ffmpeg.
   */
  packaged?: boolean;
}

export interface ResolvedFfmpeg {
  path: string;
  source: 'FFMPEG_PATH' | 'packaged' | 'bundled' | 'PATH';
}

function isExecutableFile(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** ffmpeg-static's path, moved out of app.asar when packaged. */
export function bundledFfmpegPath(): string | undefined {
  try {
    const require = createRequire(path.join(process.cwd(), 'noop.js'));
    const reported = require('ffmpeg-static') as unknown;
    if (typeof reported !== 'string') return undefined;
    return toUnpackedPath(reported);
  } catch {
    return undefined;
  }
}

/** Where electron-builder.yml's extraResources puts ffmpeg. */
export function packagedFfmpegPath(resourcesPath: string, platform: NodeJS.Platform): string {
  return (platform === 'win32' ? path.win32 : path.posix).join(
    resourcesPath,
    'ffmpeg',
    platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg',
  );
}

export function toUnpackedPath(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

export function resolveFfmpeg(options: ResolveOptions = {}): ResolvedFfmpeg {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  if (options.packaged) {
    const packaged = packagedFfmpegPath(options.resourcesPath ?? '', platform);
    if (options.resourcesPath && isExecutableFile(packaged, platform)) return { path: packaged, source: 'packaged' };
    throw new CodedError('ffmpeg-missing', `This installation has no ffmpeg at ${packaged}; install Pantau again.`);
  }
  const fromEnv = env.FFMPEG_PATH?.trim();
  if (fromEnv) {
    if (isExecutableFile(fromEnv, platform)) return { path: fromEnv, source: 'FFMPEG_PATH' };
    throw new CodedError('ffmpeg-missing', `FFMPEG_PATH is set to "${fromEnv}", but no executable file is there.`);
  }
  if (options.resourcesPath) {
    const packaged = packagedFfmpegPath(options.resourcesPath, platform);
    if (isExecutableFile(packaged, platform)) return { path: packaged, source: 'packaged' };
  }
  const bundled = (options.bundledPath ?? bundledFfmpegPath)();
  if (bundled && isExecutableFile(bundled, platform)) return { path: bundled, source: 'bundled' };

  const names = platform === 'win32' ? ['ffmpeg.exe', 'ffmpeg.cmd', 'ffmpeg.bat'] : ['ffmpeg'];
  const separator = platform === 'win32' ? ';' : ':';
  for (const dir of (env.PATH ?? env.Path ?? '').split(separator)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isExecutableFile(candidate, platform)) return { path: candidate, source: 'PATH' };
    }
  }
  throw new CodedError(
    'ffmpeg-missing',
    'ffmpeg was not found: set FFMPEG_PATH to an ffmpeg binary, install the ffmpeg-static package, or put ffmpeg on PATH.',
  );
}
