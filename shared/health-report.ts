/** The health panel's rows and its CSV export: an outage report a maintenance contractor can act on. */
import { csvDocument } from './csv';
import type { ErrorCode } from './errors';
import { localDateTime } from './time';
import type { CameraSummary, StreamState, StreamStatus } from './model';

export interface HealthRow {
  cameraId: string;
  name: string;
  group: string;
  profile: string;
  /** The picture's path to the page (status.video). */
  video?: 'mpeg1' | 'h264';
  state: StreamState;
  since: number | undefined;
  fps: number;
  kbps: number;
  reconnects: number;
  lastFrameAt: number | undefined;
  /** "code: detail", as the CSV export carries it. */
  error: string;
  /** The failure class, said in words by the page. */
  errorCode?: ErrorCode;
  /** The detail behind it (redacted at source), shown on expand. */
  errorDetail?: string;
}

/** One row per running stream, and one 'idle' row for each camera not being watched. */
export function healthRows(
  cameras: readonly CameraSummary[],
  statuses: Readonly<Record<string, StreamStatus>>,
): HealthRow[] {
  const all = Object.values(statuses);
  return cameras.flatMap((camera): HealthRow[] => {
    const mine = all.filter((s) => s.cameraId === camera.id);
    const base = { cameraId: camera.id, name: camera.name, group: camera.group ?? '' };
    if (mine.length === 0) {
      return [
        {
          ...base,
          profile: '',
          state: 'idle' as const,
          since: undefined,
          fps: 0,
          kbps: 0,
          reconnects: 0,
          lastFrameAt: undefined,
          error: '',
        },
      ];
    }
    return mine.map((s) => ({
      ...base,
      profile: s.profile,
      ...(s.video ? { video: s.video } : {}),
      state: s.state,
      since: s.since,
      fps: s.fps,
      kbps: s.kbps,
      reconnects: s.reconnects,
      lastFrameAt: s.lastFrameAt,
      error: s.error ? `${s.error.code}: ${s.error.message}` : '',
      ...(s.error ? { errorCode: s.error.code, errorDetail: s.error.message } : {}),
    }));
  });
}

export type HealthColumn = 'name' | 'group' | 'profile' | 'state' | 'since' | 'fps' | 'kbps' | 'reconnects' | 'error';

/** Worst first when sorting by state: what needs a technician comes to the top. */
const severity: Record<StreamState, number> = {
  'auth-failed': 0,
  unsupported: 1,
  offline: 2,
  reconnecting: 3,
  stalled: 4,
  degraded: 5,
  connecting: 6,
  live: 7,
  idle: 8,
};

export function sortHealthRows(rows: readonly HealthRow[], column: HealthColumn, ascending: boolean): HealthRow[] {
  const value = (row: HealthRow): number | string => (column === 'state' ? severity[row.state] : (row[column] ?? 0));
  const sorted = [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'id');
    return order || a.name.localeCompare(b.name, 'id');
  });
  return ascending ? sorted : sorted.reverse();
}

export function healthCsv(
  rows: readonly HealthRow[],
  headers: Record<HealthColumn | 'cameraId' | 'lastFrameAt' | 'duration', string>,
  now: number,
): string {
  const columns = [
    'cameraId',
    'name',
    'group',
    'profile',
    'state',
    'since',
    'duration',
    'fps',
    'kbps',
    'reconnects',
    'lastFrameAt',
    'error',
  ] as const;
  return csvDocument(
    columns.map((c) => headers[c]),
    rows.map((row) => {
      const record: Record<(typeof columns)[number], string | number> = {
        cameraId: row.cameraId,
        name: row.name,
        group: row.group,
        profile: row.profile,
        state: row.state,
        since: localDateTime(row.since),
        duration: row.since === undefined ? '' : Math.max(0, Math.round((now - row.since) / 1000)),
        fps: row.fps,
        kbps: row.kbps,
        reconnects: row.reconnects,
        lastFrameAt: localDateTime(row.lastFrameAt),
        error: row.error,
      };
      return columns.map((c) => record[c]);
    }),
  );
}
