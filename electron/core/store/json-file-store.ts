/**
 * A JSON file that is never lost: schema-checked on load, written atomically
 * (temp file, fsync, rename), the previous good version kept as `.bak`, and
 * a damaged file recovered from that backup with a message — never silently
 * replaced by defaults. The damaged file itself is kept beside it.
 *
 * Why not conf / electron-store: neither keeps a last-good copy, conf's
 * clearInvalidConfig replaces a broken file with defaults (exactly what must
 * not happen), electron-store imports `electron` and cannot run in the
 * browser host, and both validate with JSON Schema while our one schema
 * language is zod (shared with IPC and the network).
 */
import { chmod, copyFile, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { CodedError } from '../../../shared/errors';
import { parseJsonText } from '../../../shared/json-text';
import { describeIssues } from '../../../shared/model';
import type { StoreNotice } from '../../../shared/saved-layouts';
import type { Logger } from '../log';

export interface StoreOptions<T> {
  file: string;
  schema: z.ZodType<T>;
  defaults: () => T;
  /** Brings an older file's content up to the current version (migrations). */
  migrate?: (raw: unknown) => unknown;
  /**
   * A damaged file without a good backup: start from the defaults (layouts,
   * settings), or refuse with the file's problems (the camera file: an empty
   * inventory would look like a working wall of demo cameras).
   */
  whenUnrecoverable?: 'defaults' | 'throw';
  /**
   * The file holds secrets (the camera file with passwords where the OS has no
   * key store): on POSIX it is written 0600 in a 0700 folder, so another local
   * user cannot read it. (Windows: the user's profile folder is private already.)
   */
  secret?: boolean;
  logger: Logger;
}

export interface Loaded<T> {
  value: T;
  /** Set when the file was damaged or missing and something was recovered. */
  notice?: StoreNotice;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

export class JsonFileStore<T> {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: StoreOptions<T>) {}

  get backupFile(): string {
    return `${this.options.file}.bak`;
  }

  private async parse(file: string): Promise<T> {
    const text = await readFile(file, 'utf8');
    let json: unknown;
    try {
      json = parseJsonText(text);
    } catch (error) {
      throw new Error(`not valid JSON (${(error as Error).message})`);
    }
    const migrated = this.options.migrate ? this.options.migrate(json) : json;
    const parsed = this.options.schema.safeParse(migrated);
    if (!parsed.success) throw new Error(describeIssues(parsed.error).split('\n').slice(0, 5).join('; '));
    return parsed.data;
  }

  async load(): Promise<Loaded<T>> {
    const { file, logger } = this.options;
    const name = path.basename(file);
    await this.removeStaleTemps();
    const hasFile = await exists(file);
    if (hasFile) {
      try {
        return { value: await this.parse(file) };
      } catch (error) {
        const why = (error as Error).message;
        const kept = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        await copyFile(file, kept);
        logger.error(`${name} is damaged (${why}); kept as ${path.basename(kept)}`);
        if (await exists(this.backupFile)) {
          try {
            const value = await this.parse(this.backupFile);
            const when = (await stat(this.backupFile)).mtime.toISOString();
            // Not save(): it would copy the damaged file over the good backup.
            await this.save(value, { backup: false });
            return { value, notice: { kind: 'restored', detail: why, keptAs: path.basename(kept), savedAt: when } };
          } catch (backupError) {
            logger.error(`${name}.bak is damaged too: ${(backupError as Error).message}`);
          }
        }
        if (this.options.whenUnrecoverable === 'throw')
          throw new CodedError('invalid-file', `${name} has problems (kept as ${path.basename(kept)}):\n${why}`);
        return { value: this.options.defaults(), notice: { kind: 'reset', detail: why, keptAs: path.basename(kept) } };
      }
    }
    if (await exists(this.backupFile)) {
      const value = await this.parse(this.backupFile).catch(() => undefined);
      if (value !== undefined) {
        await this.save(value);
        return { value, notice: { kind: 'missing-restored', detail: `${name} was missing` } };
      }
    }
    return { value: this.options.defaults() };
  }

  /** Temp files a killed process left (`<file>.<pid>.tmp`): never the good copy, only in the way. */
  private async removeStaleTemps(): Promise<void> {
    const { file, logger } = this.options;
    const prefix = `${path.basename(file)}.`;
    const names = await readdir(path.dirname(file)).catch(() => [] as string[]);
    for (const stale of names.filter(
      (n) => n.startsWith(prefix) && n.endsWith('.tmp') && n !== path.basename(this.tempFile),
    )) {
      await rm(path.join(path.dirname(file), stale), { force: true });
      logger.info(`removed ${stale}, left by a process that was stopped while saving`);
    }
  }

  private get tempFile(): string {
    return `${this.options.file}.${process.pid}.tmp`;
  }

  /** Writes atomically; saves are serialised so a slow disk cannot interleave them. */
  /**
   * `checked`: the caller has just validated this very value against the same
   * schema (the camera inventory does, to answer with its own words): the
   * second pass over 20,000 cameras would only hold the event loop again.
   */
  save(value: T, how: { backup?: boolean; checked?: boolean } = {}): Promise<void> {
    const run = this.queue.then(() => this.write(value, how.backup ?? true, how.checked ?? false));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(value: T, backup: boolean, alreadyChecked: boolean): Promise<void> {
    const { file } = this.options;
    const checked = alreadyChecked ? { success: true as const, data: value } : this.options.schema.safeParse(value);
    if (!checked.success)
      throw new CodedError(
        'store-failed',
        `refusing to save an invalid ${path.basename(file)}: ${describeIssues(checked.error)}`,
      );
    const secret = this.options.secret === true && process.platform !== 'win32';
    await mkdir(path.dirname(file), { recursive: true, ...(secret ? { mode: 0o700 } : {}) });
    const temp = this.tempFile;
    const handle = await open(temp, 'w', secret ? 0o600 : 0o666);
    try {
      await handle.writeFile(`${JSON.stringify(checked.data, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The file being replaced was loaded or written by us, so it is good: keep it as the backup.
    if (backup && (await exists(file))) {
      await copyFile(file, this.backupFile);
      if (secret) await chmod(this.backupFile, 0o600);
    }
    if (secret) await chmod(temp, 0o600); // a temp left by an older version may exist with another mode
    await rename(temp, file);
  }
}
