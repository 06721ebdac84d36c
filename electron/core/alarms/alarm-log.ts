/**
 * The alarm log and the watch lists, in the same database as the fleet's
 * history: every alarm with when it was raised, when it ended, and who
 * acknowledged it with what note. Nothing is deleted but by age (90 days).
 */
import { CodedError, type ErrorCode } from '../../../shared/errors';
import { WatchListSchema, type Alarm, type AlarmKind, type WatchList } from '../../../shared/alarms';
import type { SqlDatabase } from '../db/database';
import { RETENTION_MS } from '../fleet/fleet-history';

interface AlarmRow {
  id: number;
  camera: string;
  kind: string;
  reason: string | null;
  watch_list: string | null;
  raised_at: number;
  ended_at: number | null;
  acked_at: number | null;
  acked_by: string | null;
  note: string | null;
}

const toAlarm = (row: AlarmRow): Alarm => ({
  id: row.id,
  cameraId: row.camera,
  kind: row.kind as AlarmKind,
  ...(row.reason ? { reason: row.reason as ErrorCode } : {}),
  ...(row.watch_list ? { watchList: row.watch_list } : {}),
  raisedAt: row.raised_at,
  ...(row.ended_at !== null ? { endedAt: row.ended_at } : {}),
  ...(row.acked_at !== null ? { ackedAt: row.acked_at } : {}),
  ...(row.acked_by ? { ackedBy: row.acked_by } : {}),
  ...(row.note ? { note: row.note } : {}),
});

export class AlarmLog {
  constructor(private readonly db: SqlDatabase) {}

  watchLists(): WatchList[] {
    // Parsed again on the way out: a row written by hand or by an older Pantau cannot reach the page unchecked.
    return this.db.all<{ spec: string }>('SELECT spec FROM watch_lists ORDER BY id').flatMap((row) => {
      const parsed = WatchListSchema.safeParse(JSON.parse(row.spec));
      return parsed.success ? [parsed.data] : [];
    });
  }

  saveWatchList(list: WatchList): void {
    this.db.run(
      'INSERT INTO watch_lists (id, spec) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET spec = excluded.spec',
      [list.id, JSON.stringify(list)],
    );
  }

  removeWatchList(id: string): void {
    this.db.run('DELETE FROM watch_lists WHERE id = ?', [id]);
  }

  /** The camera's alarm of this kind still open (not ended), if any: a camera already alarming raises no second one. */
  open(cameraId: string, kind: AlarmKind): Alarm | undefined {
    const row = this.db.get<AlarmRow>(
      'SELECT * FROM alarms WHERE camera = ? AND kind = ? AND ended_at IS NULL ORDER BY id DESC LIMIT 1',
      [cameraId, kind],
    );
    return row ? toAlarm(row) : undefined;
  }

  raise(cameraId: string, kind: AlarmKind, at: number, reason: ErrorCode | undefined, watchList: string): Alarm {
    const { lastInsertRowid } = this.db.run(
      'INSERT INTO alarms (camera, kind, reason, watch_list, raised_at) VALUES (?, ?, ?, ?, ?)',
      [cameraId, kind, reason ?? null, watchList, at],
    );
    return this.get(lastInsertRowid);
  }

  end(id: number, at: number): Alarm {
    this.db.run('UPDATE alarms SET ended_at = ? WHERE id = ? AND ended_at IS NULL', [at, id]);
    return this.get(id);
  }

  ack(id: number, at: number, by: string, note: string): Alarm {
    const before = this.get(id);
    if (before.ackedAt !== undefined) return before;
    this.db.run('UPDATE alarms SET acked_at = ?, acked_by = ?, note = ? WHERE id = ?', [at, by, note, id]);
    return this.get(id);
  }

  get(id: number): Alarm {
    const row = this.db.get<AlarmRow>('SELECT * FROM alarms WHERE id = ?', [id]);
    if (!row) throw new CodedError('invalid-request', `No alarm ${id}.`);
    return toAlarm(row);
  }

  /** Not yet acknowledged first, then newest first. */
  list(limit: number): Alarm[] {
    return this.db
      .all<AlarmRow>('SELECT * FROM alarms ORDER BY (acked_at IS NULL) DESC, raised_at DESC, id DESC LIMIT ?', [limit])
      .map(toAlarm);
  }

  unacknowledged(): number {
    return this.db.get<{ n: number }>('SELECT count(*) AS n FROM alarms WHERE acked_at IS NULL')?.n ?? 0;
  }

  prune(now: number): void {
    this.db.run('DELETE FROM alarms WHERE raised_at < ? AND acked_at IS NOT NULL', [now - RETENTION_MS]);
  }
}
