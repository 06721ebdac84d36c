import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqlDatabase } from '../../electron/core/db/database';
import { pantauMigrations } from '../../electron/core/db/migrations';
import { FleetHistory, RETENTION_MS } from '../../electron/core/fleet/fleet-history';
import { silentLogger } from '../../electron/core/log';

const dir = () => mkdtempSync(path.join(tmpdir(), 'pantau-fleet-'));
const open = (file: string) => SqlDatabase.open(file, pantauMigrations, silentLogger);
const down = { state: 'down', reason: 'rtsp-no-answer' } as const;
const up = { state: 'up' } as const;

describe('the fleet history in the embedded database', () => {
  it('a camera that goes down and comes back makes exactly one outage, with the check times', () => {
    const { db } = open(path.join(dir(), 'fleet.db'));
    const history = new FleetHistory(db);
    expect(history.record([{ cameraId: 'a', at: 1000, result: up }])).toHaveLength(1);
    expect(history.record([{ cameraId: 'a', at: 2000, result: down }])).toEqual([
      { cameraId: 'a', state: 'down', since: 2000, reason: 'rtsp-no-answer', checkedAt: 2000 },
    ]);
    // Still down, for another reason: no new outage, the latest reason shown.
    expect(history.record([{ cameraId: 'a', at: 3000, result: { state: 'down', reason: 'auth-failed' } }])).toEqual([]);
    expect(history.states()[0]).toMatchObject({ state: 'down', since: 2000, reason: 'auth-failed' });
    // An answer older than the last one, arriving late, changes nothing.
    expect(history.record([{ cameraId: 'a', at: 2500, result: up }])).toEqual([]);
    expect(history.record([{ cameraId: 'a', at: 4000, result: up }])).toHaveLength(1);
    expect(history.record([{ cameraId: 'a', at: 5000, result: up }])).toEqual([]);
    expect(history.outages(0, 10_000)).toEqual([{ cameraId: 'a', start: 2000, end: 4000, reason: 'rtsp-no-answer' }]);
    expect(history.states()).toEqual([{ cameraId: 'a', state: 'up', since: 4000, checkedAt: 5000 }]);
    expect(history.firstSeen().get('a')).toBe(1000);
    db.close();
  });

  it('a camera first seen down opens its outage at that check', () => {
    const { db } = open(path.join(dir(), 'fleet.db'));
    const history = new FleetHistory(db);
    history.record([{ cameraId: 'b', at: 7000, result: down }]);
    expect(history.outages(0, 10_000)).toEqual([{ cameraId: 'b', start: 7000, reason: 'rtsp-no-answer' }]);
    db.close();
  });

  it('forgets outages past 90 days and the oldest past its size bound, never an open one', () => {
    const { db } = open(path.join(dir(), 'fleet.db'));
    const history = new FleetHistory(db);
    const now = 400 * 86_400_000;
    const old = now - RETENTION_MS - 1000;
    for (let i = 0; i < 5; i++) {
      history.record([{ cameraId: `c${i}`, at: old + i, result: down }]);
      history.record([{ cameraId: `c${i}`, at: old + 10 + i, result: up }]);
    }
    history.record([{ cameraId: 'open', at: old, result: down }]);
    for (let i = 0; i < 5; i++) {
      history.record([{ cameraId: `d${i}`, at: now - 5000 + i, result: down }]);
      history.record([{ cameraId: `d${i}`, at: now - 4000 + i, result: up }]);
    }
    history.prune(now, 4);
    const left = history.outages(0, now + 1);
    // Four rows at most: the two oldest closed ones go; the open one stays whatever its age.
    expect(left.map((o) => o.cameraId).sort()).toEqual(['d2', 'd3', 'd4', 'open']);
    db.close();
  });

  it('keeps a schema version and does not run a migration twice', () => {
    const file = path.join(dir(), 'fleet.db');
    const first = open(file).db;
    expect(first.version).toBe(pantauMigrations.length);
    new FleetHistory(first).record([{ cameraId: 'a', at: 1, result: down }]);
    first.close();
    const again = open(file);
    expect(again.notice).toBeUndefined();
    expect(new FleetHistory(again.db).outages(0, 2)).toHaveLength(1);
    again.db.close();
  });

  it('a file that is not a database is kept aside, said so, and a new one started', () => {
    const folder = dir();
    const file = path.join(folder, 'fleet.db');
    writeFileSync(file, 'this is not SQLite '.repeat(500));
    const opened = open(file);
    expect(opened.notice).toMatch(/could not be read .* kept as fleet\.db\.damaged-/);
    expect(readdirSync(folder).some((f) => f.startsWith('fleet.db.damaged-'))).toBe(true);
    expect(new FleetHistory(opened.db).states()).toEqual([]);
    opened.db.close();
  });

  it('a lock left by a process that died is cleared; one held by a live process is refused, the file untouched', async () => {
    const folder = dir();
    const file = path.join(folder, 'fleet.db');
    const first = open(file).db;
    new FleetHistory(first).record([{ cameraId: 'a', at: 1, result: down }]);
    first.close();
    // A writer killed mid-transaction leaves the lock folder and the owner's pid behind.
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.once('exit', resolve));
    mkdirSync(`${file}.lock`);
    writeFileSync(`${file}.owner`, String(dead.pid));
    const reopened = open(file);
    expect(reopened.notice).toBeUndefined();
    expect(new FleetHistory(reopened.db).outages(0, 2)).toHaveLength(1);
    reopened.db.close();
    // Another Pantau still running on the same data folder: refused, nothing moved aside.
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      mkdirSync(`${file}.lock`);
      writeFileSync(`${file}.owner`, String(live.pid));
      expect(() => open(file)).toThrow(/in use by another Pantau \(process \d+\)/);
      expect(readdirSync(folder).filter((f) => f.includes('damaged'))).toEqual([]);
    } finally {
      live.kill();
    }
  });

  it('a database killed (-9) mid-write opens with every committed batch and no half of one', async () => {
    /** Runs the writer until it has committed 4,000 checks, kills it, and says what it left. */
    const killMidWrite = async () => {
      const file = path.join(dir(), 'fleet.db');
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/fleet-writer.ts', file], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let committed = 0;
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (data: Buffer) => {
          const last = /committed (\d+)\n$/.exec(data.toString());
          if (last) committed = Number(last[1]);
          // Killed while it is writing its next batch (it writes without pause).
          if (committed >= 4000) {
            child.kill('SIGKILL');
            resolve();
          }
        });
        child.once('exit', (code) => (code !== null ? reject(new Error(`the writer exited with ${code}`)) : undefined));
      });
      await new Promise((resolve) => child.once('close', resolve));
      return { file, committed, lockLeft: existsSync(`${file}.lock`) };
    };
    // The kill must land inside a transaction (its lock and journal left behind): tried until it does.
    let run = await killMidWrite();
    for (let i = 0; i < 4 && !run.lockLeft; i++) run = await killMidWrite();
    expect(run.lockLeft).toBe(true);
    const opened = open(run.file);
    expect(opened.notice).toBeUndefined();
    const checks = opened.db.get<{ n: number }>('SELECT count(*) AS n FROM outages')!.n;
    // Each batch of 200 flips 200 cameras: even batches open 200 outages, odd ones close them.
    expect(checks % 200).toBe(0);
    expect(Math.ceil(checks / 200) * 2).toBeGreaterThanOrEqual(run.committed / 200);
    expect(Object.values(opened.db.get('PRAGMA integrity_check')!)[0]).toBe('ok');
    opened.db.close();
  }, 90_000);
});
