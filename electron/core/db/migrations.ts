/**
 * The schema of Pantau's database (<data folder>/fleet.db), one entry per
 * version, applied in order by SqlDatabase.open. Never edit a shipped entry:
 * add the next.
 */
import type { Migration } from './database';

export const pantauMigrations: readonly Migration[] = [
  // 1 — fleet watch (issue #14): each camera's last known state, outages, sweeps.
  `CREATE TABLE fleet_state (
     camera TEXT PRIMARY KEY,
     state TEXT NOT NULL CHECK (state IN ('up', 'down')),
     since INTEGER NOT NULL,
     reason TEXT,
     checked_at INTEGER NOT NULL,
     first_seen INTEGER NOT NULL
   );
   CREATE TABLE outages (
     id INTEGER PRIMARY KEY,
     camera TEXT NOT NULL,
     start_at INTEGER NOT NULL,
     end_at INTEGER,
     reason TEXT NOT NULL
   );
   CREATE INDEX outages_by_camera ON outages (camera, start_at);
   CREATE INDEX outages_by_end ON outages (end_at);
   CREATE TABLE sweeps (
     id INTEGER PRIMARY KEY,
     started_at INTEGER NOT NULL,
     finished_at INTEGER,
     checked INTEGER NOT NULL DEFAULT 0,
     down INTEGER NOT NULL DEFAULT 0
   );`,
  // 2 — alarms: watch lists and the alarm log, acknowledged with a note.
  `CREATE TABLE watch_lists (
     id TEXT PRIMARY KEY,
     spec TEXT NOT NULL
   );
   CREATE TABLE alarms (
     id INTEGER PRIMARY KEY,
     camera TEXT NOT NULL,
     kind TEXT NOT NULL,
     reason TEXT,
     watch_list TEXT,
     raised_at INTEGER NOT NULL,
     ended_at INTEGER,
     acked_at INTEGER,
     acked_by TEXT,
     note TEXT
   );
   CREATE INDEX alarms_by_time ON alarms (raised_at);
   CREATE INDEX alarms_open ON alarms (camera, kind, ended_at);`,
];
