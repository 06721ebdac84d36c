/**
 * The fleet's memory in the embedded database: each camera's last known state,
 * and every outage with its start, end and reason — kept 90 days and at most
 * MAX_OUTAGES rows, whichever is less. A batch of check results is one
 * transaction: after a crash the database holds every batch committed before
 * it and nothing of the one in flight.
 */
import type { ErrorCode } from '../../../shared/errors';
import { DAY_MS, type CheckResult, type FleetCamera, type Outage } from '../../../shared/fleet';
import type { SqlDatabase, SqlValue } from '../db/database';

export const RETENTION_MS = 90 * DAY_MS;
/** 20,000 cameras each down and up again twice a day for 90 days is 3.6 M; a fleet that flaps more loses its oldest first. */
export const MAX_OUTAGES = 4_000_000;

export interface CheckRecord {
  cameraId: string;
  at: number;
  result: CheckResult;
}

interface StateRow {
  camera: string;
  state: 'up' | 'down';
  since: number;
  reason: string | null;
  checked_at: number;
  first_seen: number;
}

interface OutageRow {
  camera: string;
  start_at: number;
  end_at: number | null;
  reason: string;
}

const toCamera = (row: StateRow): FleetCamera => ({
  cameraId: row.camera,
  state: row.state,
  since: row.since,
  ...(row.reason ? { reason: row.reason as ErrorCode } : {}),
  checkedAt: row.checked_at,
});

const toOutage = (row: OutageRow): Outage => ({
  cameraId: row.camera,
  start: row.start_at,
  ...(row.end_at !== null ? { end: row.end_at } : {}),
  reason: row.reason as ErrorCode,
});

export class FleetHistory {
  /** Every camera's row, read once: a sweep's 20,000 answers do not each read the table again. */
  private rows: Map<string, StateRow> | undefined;

  constructor(private readonly db: SqlDatabase) {}

  private stateRows(): Map<string, StateRow> {
    this.rows ??= new Map(this.db.all<StateRow>('SELECT * FROM fleet_state').map((r) => [r.camera, r]));
    return this.rows;
  }

  /**
   * Writes a batch of checks in one transaction. Answers the cameras whose
   * state changed (or that were seen for the first time), as they are now.
   */
  record(checks: readonly CheckRecord[]): FleetCamera[] {
    if (checks.length === 0) return [];
    const rows = this.stateRows();
    try {
      return this.db.transaction(() => this.write(checks, rows));
    } catch (error) {
      this.rows = undefined; // rolled back: read the table again next time
      throw error;
    }
  }

  private write(checks: readonly CheckRecord[], rows: Map<string, StateRow>): FleetCamera[] {
    const changed: FleetCamera[] = [];
    for (const { cameraId, at, result } of checks) {
      const before = rows.get(cameraId);
      const reason: SqlValue = result.state === 'down' ? result.reason : null;
      if (!before) {
        this.db.run(
          'INSERT INTO fleet_state (camera, state, since, reason, checked_at, first_seen) VALUES (?, ?, ?, ?, ?, ?)',
          [cameraId, result.state, at, reason, at, at],
        );
        if (result.state === 'down') this.openOutage(cameraId, at, result.reason);
        const row = { camera: cameraId, state: result.state, since: at, reason, checked_at: at, first_seen: at };
        rows.set(cameraId, row);
        changed.push(toCamera(row));
        continue;
      }
      if (at < before.checked_at) continue; // an older answer arriving late changes nothing
      if (before.state === result.state) {
        // Still down: the reason shown is the latest (a fixed link with a changed password says so).
        this.db.run('UPDATE fleet_state SET checked_at = ?, reason = ? WHERE camera = ?', [at, reason, cameraId]);
        rows.set(cameraId, { ...before, checked_at: at, reason });
        continue;
      }
      this.db.run('UPDATE fleet_state SET state = ?, since = ?, reason = ?, checked_at = ? WHERE camera = ?', [
        result.state,
        at,
        reason,
        at,
        cameraId,
      ]);
      if (result.state === 'down') this.openOutage(cameraId, at, result.reason);
      else this.db.run('UPDATE outages SET end_at = ? WHERE camera = ? AND end_at IS NULL', [at, cameraId]);
      const row = { ...before, state: result.state, since: at, reason, checked_at: at };
      rows.set(cameraId, row);
      changed.push(toCamera(row));
    }
    return changed;
  }

  private openOutage(cameraId: string, at: number, reason: ErrorCode): void {
    this.db.run('INSERT INTO outages (camera, start_at, end_at, reason) VALUES (?, ?, NULL, ?)', [
      cameraId,
      at,
      reason,
    ]);
  }

  /** Every camera's last known state. */
  states(): FleetCamera[] {
    return [...this.stateRows().values()].map(toCamera);
  }

  /** When the sweep first saw each camera (uptime is counted from there). */
  firstSeen(): Map<string, number> {
    return new Map([...this.stateRows().values()].map((r) => [r.camera, r.first_seen]));
  }

  /** Outages overlapping `[from, to)`, oldest first. */
  outages(from: number, to: number, cameraId?: string): Outage[] {
    const rows = cameraId
      ? this.db.all<OutageRow>(
          'SELECT camera, start_at, end_at, reason FROM outages WHERE camera = ? AND start_at < ? AND (end_at IS NULL OR end_at > ?) ORDER BY start_at',
          [cameraId, to, from],
        )
      : this.db.all<OutageRow>(
          'SELECT camera, start_at, end_at, reason FROM outages WHERE start_at < ? AND (end_at IS NULL OR end_at > ?) ORDER BY start_at',
          [to, from],
        );
    return rows.map(toOutage);
  }

  /** Cameras no longer in the inventory stop being watched (their past outages stay until they age out). */
  forget(cameraIds: readonly string[]): void {
    if (cameraIds.length === 0) return;
    this.db.transaction(() => {
      for (const id of cameraIds) {
        this.rows?.delete(id);
        this.db.run('DELETE FROM fleet_state WHERE camera = ?', [id]);
        this.db.run('UPDATE outages SET end_at = ? WHERE camera = ? AND end_at IS NULL', [Date.now(), id]);
      }
    });
  }

  startSweep(at: number): number {
    return this.db.run('INSERT INTO sweeps (started_at) VALUES (?)', [at]).lastInsertRowid;
  }

  finishSweep(id: number, at: number, checked: number, down: number): void {
    this.db.run('UPDATE sweeps SET finished_at = ?, checked = ?, down = ? WHERE id = ?', [at, checked, down, id]);
  }

  lastSweep(): { startedAt: number; finishedAt?: number; checked: number; down: number } | undefined {
    const row = this.db.get<{ started_at: number; finished_at: number | null; checked: number; down: number }>(
      'SELECT * FROM sweeps ORDER BY id DESC LIMIT 1',
    );
    if (!row) return undefined;
    return {
      startedAt: row.started_at,
      ...(row.finished_at !== null ? { finishedAt: row.finished_at } : {}),
      checked: row.checked,
      down: row.down,
    };
  }

  /** Drops what is past the retention, then the oldest outages past the size bound. */
  prune(now: number, maxOutages = MAX_OUTAGES): void {
    const before = now - RETENTION_MS;
    this.db.transaction(() => {
      this.db.run('DELETE FROM outages WHERE end_at IS NOT NULL AND end_at < ?', [before]);
      this.db.run('DELETE FROM sweeps WHERE started_at < ?', [before]);
      const count = this.db.get<{ n: number }>('SELECT count(*) AS n FROM outages')?.n ?? 0;
      if (count > maxOutages)
        this.db.run(
          'DELETE FROM outages WHERE id IN (SELECT id FROM outages WHERE end_at IS NOT NULL ORDER BY id LIMIT ?)',
          [count - maxOutages],
        );
    });
  }
}
