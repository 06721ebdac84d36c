import { redact } from '../../shared/rtsp-url';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Writes to stderr, one line per message; every line goes through `redact`. */
export function createLogger(
  scope: string,
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const emit = (level: string, message: string) =>
    write(`${new Date().toISOString()} ${level} [${scope}] ${redact(message)}\n`);
  return {
    info: (m) => emit('info', m),
    warn: (m) => emit('warn', m),
    error: (m) => emit('error', m),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
