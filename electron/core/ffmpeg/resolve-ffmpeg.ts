/**
 * Finds the ffmpeg binary: FFMPEG_PATH → the bundled ffmpeg-static binary
 * (inside a packaged app it lives in app.asar.unpacked, since a binary in an
 * asar archive cannot be executed) → `ffmpeg` on PATH.
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
}

export interface ResolvedFfmpeg {
  path: string;
  source: 'FFMPEG_PATH' | 'bundled' | 'PATH';
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

export function toUnpackedPath(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

export function resolveFfmpeg(options: ResolveOptions = {}): ResolvedFfmpeg {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const fromEnv = env.FFMPEG_PATH?.trim();
  if (fromEnv) {
    if (isExecutableFile(fromEnv, platform)) return { path: fromEnv, source: 'FFMPEG_PATH' };
    throw new CodedError('ffmpeg-missing', `FFMPEG_PATH is set to "${fromEnv}", but no executable file is there.`);
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
