/**
 * The renderer's one store is made of four slices (zustand's slices pattern):
 * streams (cameras and their statuses from the core), the wall, saved layouts
 * and tours (kept by the core), and the UI. Each slice's file holds its state
 * and actions; what they share is typed here.
 */
import type { Budget } from '../../shared/decode-budget';
import type { Alarm, WatchList } from '../../shared/alarms';
import type { Recording } from '../../shared/evidence';
import type { FleetCamera, FleetSettings } from '../../shared/fleet';
import type { StateCreator } from 'zustand';
import type { ApiResult, AppInfo, UiSettings } from '../../shared/api';
import type { LayoutGeometry, TemplateId } from '../../shared/layouts';
import type { CameraSummary, StreamStatus } from '../../shared/model';
import type { SavedLayout, StoreNotice, Tour } from '../../shared/saved-layouts';
import type { LayoutRate, TileMode } from '../../shared/shedding-policy';
import type { Wall } from '../../shared/wall';
import type { ApiClient } from '../api/client';
import { translate, type Language, type MessageKey } from '../i18n';
import type { DecoderChoice } from '../player/decoder-choice';
import type { Rendering } from '../player/rendering';

export interface UiSlice {
  api: ApiClient | undefined;
  info: AppInfo | undefined;
  connected: boolean;
  /** The host runs but no longer takes this tab's link (its token was renewed). */
  linkRefused: boolean;
  language: Language;
  loadError: string | undefined;
  panel: Panel | null;
  rendering: Rendering;
  /** The picture's path: the camera's own H.264 (native), MPEG-1, or chosen per camera (auto). */
  decoder: DecoderChoice;
  /** A message for the operator (recovered file, import report, refused save). */
  notice: string | undefined;
  setLanguage(language: Language): void;
  togglePanel(panel: Panel): void;
  setNotice(notice: string | undefined): void;
  /** Tile titles and state badges: larger for a wall read from across the room. */
  tileText: TileText;
  setTileText(size: TileText): void;
  setDecoder(decoder: DecoderChoice): void;
  /** Takes the choices the core keeps for this machine (at every connection). */
  applySettings(settings: UiSettings): void;
  /** This window shows the wall alone (kiosk): no toolbar, pane or status bar. */
  wallOnly: boolean;
  setWallOnly(on: boolean): void;
  /** What the machine can still carry, as the wall's load meter last measured it. */
  budget: Budget | undefined;
  /** The load meter's figures (the status bar shows them); undefined before the first measurement. */
  load: LoadFigures | undefined;
  /** Each tile's picture mode (economy past the machine's capacity, issue #23), by tile index. */
  tileModes: Record<number, TileMode>;
  /** Pictures per second each tile painted over the last measurement, by tile index. */
  tileRates: Record<number, number>;
  /**
   * Full-rate tiles this machine was last measured to carry in real time (undefined before any
   * measurement): a bigger new wall starts its extra tiles on key pictures (startingModes).
   */
  carries: number | undefined;
  setMeasured(measured: Pick<UiSlice, 'budget' | 'load' | 'tileModes' | 'tileRates' | 'carries'>): void;
}

export interface LoadFigures {
  system: ApiResult<'system:load'>;
  /** Share of the time the page's main thread was late to a timer, 0–100. */
  pageBusy: number;
  /** Pictures painted per second by the full-rate tiles, and what their cameras sent. */
  paintedFps: number;
  cameraFps: number;
  /** Tiles on economy, and why: the machine is past real time, or the layout says so. */
  economyTiles: number;
  economyWhy: 'machine' | 'layout' | undefined;
}

export type TileText = 'small' | 'normal' | 'large';

/** The drawers that lie over the wall. */
export type Panel = 'health' | 'evidence' | 'fleet' | 'alarms';

export interface StreamsSlice {
  cameras: CameraSummary[];
  statuses: Record<string, StreamStatus>;
  /**
   * The first load has put its wall up (a recalled wall, a tour's step, the default layout or the
   * first cameras): until then the tiles are a placeholder that the load will replace. Whoever
   * drives the wall from outside (the bench) waits for it, or the load undoes what it set.
   */
  wallLoaded: boolean;
  /** Connects to the core: events, and a full load on every (re)connection. */
  start(api: ApiClient): void;
  /** Takes an evidence snapshot of a camera (done by the core) and says where it went. */
  snapshot(cameraId: string): Promise<void>;
  /** Counts snapshots taken from this window: the evidence drawer lists again when it moves. */
  snapshotsTaken: number;
  /** Removes the demo cameras for good (the core remembers) and empties the tiles that showed them. */
  removeDemo(): Promise<void>;
}

export interface WallSlice {
  /** The walls this window shows (its own first, then tabs for walls whose display is missing), and the one on screen. */
  walls: string[];
  wall: string;
  /** This window carries the operator's controls. */
  control: boolean;
  geometry: LayoutGeometry;
  tiles: (string | null)[];
  maximized: number | null;
  selected: number | null;
  /** The saved layout the wall shows, and whether it changed since. */
  layoutId: string | null;
  dirty: boolean;
  /** Picture rate past the machine's capacity for this wall, and the tiles that keep full rate (saved with the layout). */
  wallRate: LayoutRate;
  pinned: number[];
  setWallRate(rate: LayoutRate): void;
  togglePin(index: number): void;
  /** Shows another of this window's walls (a tab). */
  showWall(wall: string): void;
  setTemplate(id: TemplateId): void;
  /** A custom geometry from the editor (already validated there; checked again here). */
  setGeometry(geometry: LayoutGeometry): void;
  /** Square grid n×n (kept for the benchmark and simple callers). */
  setGrid(n: number): void;
  assignTile(index: number, cameraId: string | null): void;
  /** Shows a camera from a list (broken cameras, alarms): on the selected tile, else the first empty one, else the first. */
  putOnWall(cameraId: string): void;
  swapTiles(a: number, b: number): void;
  toggleMaximize(index: number): void;
  restore(): void;
  select(index: number | null): void;
  /** Puts a saved layout on the wall, unchanged. */
  applyLayout(layout: SavedLayout): void;
}

export interface LayoutsSlice {
  layouts: SavedLayout[];
  defaultLayoutId: string | undefined;
  tour: Tour | null;
  /** Reads the saved layouts (and a recovered file's notice) from the core. */
  refreshLayouts(): Promise<void>;
  openLayout(id: string): void;
  saveLayout(): Promise<void>;
  saveLayoutAs(name: string): Promise<void>;
  renameLayout(name: string): Promise<void>;
  deleteLayout(): Promise<void>;
  setDefaultLayout(on: boolean): Promise<void>;
  lockLayout(locked: boolean): Promise<void>;
  /** Which monitor the current saved layout is meant for ("1"…"6"), or any. */
  setLayoutMonitor(monitor: string | undefined): Promise<void>;
  importLayouts(text: string): Promise<void>;
  exportLayouts(): Promise<string | undefined>;
  /** Saves the tour (persisted, so a running tour resumes after a restart); null stops and removes it. */
  saveTour(tour: Tour | null): Promise<void>;
  /** Shows the tour's next step. */
  tourNext(): Promise<void>;
  /** Puts a tour step on the wall: its layout, or its camera in the tour's tile. */
  showTourStep(tour: Tour, index: number): void;
}

export interface FleetSlice {
  /** What the fleet sweep last found of every camera (issue #14), by camera id. */
  fleet: Record<string, FleetCamera>;
  /** The sweep's settings and progress; undefined before the first load. */
  fleetInfo: Omit<ApiResult<'fleet:states'>, 'cameras'> | undefined;
  /** Reads every camera's fleet state (on each connection), then follows `fleet:changed`. */
  loadFleet(): Promise<void>;
  sweepNow(): Promise<void>;
  configureFleet(change: Partial<FleetSettings>): Promise<void>;
}

export interface AlarmSlice {
  /** The newest alarms, unacknowledged first (issue #14). */
  alarms: Alarm[];
  watchLists: WatchList[];
  /** Alarms not yet acknowledged. */
  alarmsOpen: number;
  /** Sound off for this window (the operator's choice, kept for the session). */
  alarmsMuted: boolean;
  /** When this window last sounded an alarm (the reminder repeats it while alarms stay open). */
  alarmSoundAt: number | undefined;
  /** An alarm has waited five minutes for an acknowledgement (alarms/alarm-reminder.ts). */
  alarmsEscalated: boolean;
  loadAlarms(): Promise<void>;
  /** Acknowledges with the operator's note; answers whether the core took it. */
  ackAlarm(id: number, note: string): Promise<boolean>;
  saveWatchList(list: WatchList): Promise<boolean>;
  removeWatchList(id: string): Promise<void>;
  setAlarmsMuted(muted: boolean): void;
}

export interface EvidenceSlice {
  /** Recordings running on this machine (issue #15), from any window. */
  recordings: Recording[];
  /** The name the manifests carry; empty until asked. */
  operator: string;
  preBufferSec: number;
  /** The action waiting for the operator's name (the dialog is open while set). */
  operatorAsk: (() => Promise<void>) | undefined;
  /** Exports saved from this window (the evidence drawer reloads on it). */
  evidenceSaved: number;
  /** Cameras whose clip is being written now. */
  clipBusy: string[];
  loadEvidence(): Promise<void>;
  setOperator(name: string): Promise<void>;
  cancelOperator(): void;
  saveClip(cameraId: string): Promise<void>;
  toggleRecording(cameraId: string): Promise<void>;
}

export type PantauState = UiSlice & StreamsSlice & WallSlice & LayoutsSlice & FleetSlice & AlarmSlice & EvidenceSlice;
export type Slice<T> = StateCreator<PantauState, [], [], T>;

export const statusKey = (cameraId: string, profile: string) => `${cameraId}/${profile}`;

export const wallOf = (s: PantauState): Wall => ({
  geometry: s.geometry,
  tiles: s.tiles,
  maximized: s.maximized,
  selected: s.selected,
});

/** The current language's words, for actions (components use `useTranslate`). */
export function wordsOf(get: () => PantauState) {
  return (key: MessageKey, values?: Record<string, string | number>) => translate(get().language, key, values);
}

/** A recovered file (the layouts file, or the camera file), in the operator's words. */
export function noticeText(get: () => PantauState, n: StoreNotice, file: 'layouts' | 'cameras' = 'layouts'): string {
  const t = wordsOf(get);
  const key: MessageKey =
    file === 'cameras'
      ? n.kind === 'missing-restored'
        ? 'store.camerasMissingRestored'
        : 'store.camerasRestored'
      : n.kind === 'restored'
        ? 'store.restored'
        : n.kind === 'reset'
          ? 'store.reset'
          : 'store.missingRestored';
  return t(key, {
    detail: n.detail,
    keptAs: n.keptAs ?? '',
    savedAt: n.savedAt ? new Date(n.savedAt).toLocaleString(get().language === 'id' ? 'id-ID' : 'en-GB') : '',
  });
}
