/**
 * The embedded database (SQLite compiled to WebAssembly, node-sqlite3-wasm):
 * the same code in Electron's main process and under the browser host's
 * Node 20, no native module to rebuild per Electron version, no install
 * script (docs/decisions.md, "An embedded database", says why not
 * better-sqlite3 or node:sqlite). Writes go straight to the file through
 * SQLite's own rollback journal with fsync: a committed transaction survives
 * a kill -9; an interrupted one is rolled back on the next open.
 *
 * The schema is versioned in `PRAGMA user_version`; each migration runs in
 * its own transaction. A file that is not a database (or fails SQLite's
 * integrity check) is moved aside — kept, never deleted — and a new one is
 * started, with a notice saying so.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CodedError } from '../../../shared/errors';
import sqliteWasm from 'node-sqlite3-wasm';

// A CommonJS module whose exports Node's ESM loader cannot list (tsx in tests): taken from its default export.
const { Database } = sqliteWasm;
type Database = InstanceType<typeof Database>;
import type { Logger } from '../log';
import { processAlive } from '../process-alive';

export type SqlValue = number | string | null;
export type Row = Record<string, SqlValue>;

/** A migration: SQL run once, in order, when the file's version is below its place. */
export type Migration = string;

export interface OpenedDatabase {
  db: SqlDatabase;
  /** Set when the file was damaged and a new one was started: what happened, for the operator. */
  notice?: string;
}

/** A database kept in memory only (history lost at exit): the fallback when the file is another's. */
export const MEMORY = ':memory:';

/** Database files this process has open (a lock they hold is not stale). */
const openHere = new Set<string>();

/**
 * The WebAssembly build locks a database with a `<file>.lock` folder, which a
 * process killed mid-write leaves behind: every later open would then say
 * "database is locked" forever. Pantau writes its pid beside the file; a lock
 * whose owner is gone — or older than the machine's last boot — is stale and
 * removed (SQLite then rolls the interrupted transaction back from its
 * journal). A lock whose owner still runs is another Pantau on this data
 * folder: refused with a sentence, never broken.
 */
function takeOver(file: string): void {
  const lock = `${file}.lock`;
  const owner = `${file}.owner`;
  if (existsSync(lock)) {
    const pid = Number.parseInt(existsSync(owner) ? readFileSync(owner, 'utf8') : '', 10);
    const beforeBoot = statSync(lock).mtimeMs < Date.now() - os.uptime() * 1000;
    const held = openHere.has(file) || (pid > 0 && pid !== process.pid && processAlive(pid) && !beforeBoot);
    if (held)
      throw new CodedError(
        'store-failed',
        `The fleet database ${path.basename(file)} is in use by another Pantau${pid > 0 ? ` (process ${pid})` : ''} on this data folder.`,
      );
    rmSync(lock, { recursive: true, force: true });
  }
  writeFileSync(owner, String(process.pid));
}

/** What the rest of the core uses: a few calls, so the engine under it can change in one file. */
export class SqlDatabase {
  /** Statements prepared once and kept (a sweep runs the same few thousands of times). */
  private readonly prepared = new Map<string, ReturnType<Database['prepare']>>();

  private constructor(
    private readonly inner: Database,
    private readonly file: string,
  ) {}

  private statement(sql: string): ReturnType<Database['prepare']> {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.inner.prepare(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
  }

  static open(file: string, migrations: readonly Migration[], logger: Logger): OpenedDatabase {
    if (file === MEMORY) return { db: SqlDatabase.openChecked(file, migrations) };
    mkdirSync(path.dirname(file), { recursive: true });
    takeOver(file);
    try {
      return { db: SqlDatabase.openChecked(file, migrations) };
    } catch (error) {
      // Busy or locked is not damage: the file is left exactly as it is.
      if (!existsSync(file) || /locked|busy/i.test((error as Error).message)) throw error;
      const aside = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(file, aside);
      rmSync(`${file}-journal`, { force: true });
      const notice = `The fleet database ${path.basename(file)} could not be read (${(error as Error).message}); it was kept as ${path.basename(aside)} and a new one was started.`;
      logger.error(notice);
      return { db: SqlDatabase.openChecked(file, migrations), notice };
    }
  }

  private static openChecked(file: string, migrations: readonly Migration[]): SqlDatabase {
    const inner = new Database(file);
    const db = new SqlDatabase(inner, file);
    try {
      // FULL: the journal and the file are synced at every commit (the default, said aloud).
      inner.exec('PRAGMA synchronous = FULL');
      const check = Object.values(db.get('PRAGMA quick_check') ?? {})[0];
      if (check !== 'ok') throw new Error(`integrity check: ${String(check)}`);
      db.migrate(migrations);
      openHere.add(file);
      return db;
    } catch (error) {
      inner.close();
      throw error;
    }
  }

  /** Runs each migration past the file's version, each in a transaction with its version bump. */
  private migrate(migrations: readonly Migration[]): void {
    const version = Number(this.get<{ user_version: number }>('PRAGMA user_version')?.user_version ?? 0);
    if (version > migrations.length)
      throw new Error(`written by a newer Pantau (schema ${version}; this one knows ${migrations.length})`);
    for (let v = version; v < migrations.length; v++) {
      this.transaction(() => {
        this.inner.exec(migrations[v]!);
        this.inner.exec(`PRAGMA user_version = ${v + 1}`);
      });
    }
  }

  get version(): number {
    return Number(this.get<{ user_version: number }>('PRAGMA user_version')?.user_version ?? 0);
  }

  run(sql: string, values: readonly SqlValue[] = []): { changes: number; lastInsertRowid: number } {
    const info = this.statement(sql).run(values as SqlValue[]);
    return { changes: Number(info.changes), lastInsertRowid: Number(info.lastInsertRowid) };
  }

  all<T = Row>(sql: string, values: readonly SqlValue[] = []): T[] {
    return this.statement(sql).all(values as SqlValue[]) as T[];
  }

  get<T = Row>(sql: string, values: readonly SqlValue[] = []): T | undefined {
    return (this.statement(sql).get(values as SqlValue[]) ?? undefined) as T | undefined;
  }

  /** `work` committed whole, or not at all. */
  transaction<T>(work: () => T): T {
    this.inner.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.inner.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.inner.inTransaction) this.inner.exec('ROLLBACK');
      throw error;
    }
  }

  close(): void {
    for (const statement of this.prepared.values()) statement.finalize();
    this.prepared.clear();
    if (this.inner.isOpen) this.inner.close();
    openHere.delete(this.file);
  }
}
