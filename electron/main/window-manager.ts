/**
 * Opens and keeps the windows the plan asks for: one per display, the
 * controls on the primary, walls of missing displays as tabs. Re-plans when
 * displays come and go, remembers where each wall was (windows.json in
 * userData), and reloads a window whose renderer crashed (its wall comes back
 * from the window's session storage).
 */
import { BrowserWindow, screen, type Display, type WebContents } from 'electron';
import { z } from 'zod';
import type { Logger } from '../core/log';
import { JsonFileStore } from '../core/store/json-file-store';
import { appPageUrl } from './app-protocol';
import { windowOptions } from './window-options';
import {
  displayForBounds,
  planWindows,
  reconcileWindows,
  rememberWalls,
  type DisplayInfo,
  type PlannedWindow,
  type SavedWalls,
} from './window-plan';

const RectSchema = z.strictObject({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
const SavedWallsSchema = z.strictObject({
  walls: z.array(
    z.strictObject({
      wall: z.string().regex(/^[1-6]$/),
      displayId: z.string().optional(),
      displayBounds: RectSchema.optional(),
      windowBounds: RectSchema.optional(),
      fullscreen: z.boolean().optional(),
    }),
  ),
});

interface Managed {
  window: BrowserWindow;
  plan: PlannedWindow;
}

/** Fake displays for tests, accepted only when PANTAU_TEST=1: `[{"id":"a","x":0,"y":0,"width":1920,"height":1080,"primary":true}]`. */
function testDisplays(): DisplayInfo[] | undefined {
  if (process.env['PANTAU_TEST'] !== '1' || !process.env['PANTAU_TEST_DISPLAYS']) return undefined;
  const parsed = z
    .array(
      z.strictObject({
        id: z.string(),
        x: z.number(),
        y: z.number(),
        width: z.number(),
        height: z.number(),
        primary: z.boolean().optional(),
      }),
    )
    .parse(JSON.parse(process.env['PANTAU_TEST_DISPLAYS']));
  return parsed.map((d, i) => {
    const bounds = { x: d.x, y: d.y, width: d.width, height: d.height };
    return { id: d.id, bounds, workArea: bounds, primary: d.primary ?? i === 0 };
  });
}

const fromElectron = (d: Display, primaryId: number): DisplayInfo => ({
  id: String(d.id),
  bounds: d.bounds,
  workArea: d.workArea,
  primary: d.id === primaryId,
});

export class WindowManager {
  private readonly managed: Managed[] = [];
  private readonly store: JsonFileStore<SavedWalls>;
  private saved: SavedWalls | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  /** Fake displays in test mode, read once from the environment. */
  private readonly fakeDisplays = testDisplays();

  constructor(
    private readonly options: {
      file: string;
      preload: string;
      logger: Logger;
      onContents: (contents: WebContents, added: boolean) => void;
      onControlClosed: () => void;
    },
  ) {
    this.store = new JsonFileStore({
      file: options.file,
      schema: SavedWallsSchema,
      defaults: () => ({ walls: [] }),
      logger: options.logger,
    });
  }

  async start(): Promise<void> {
    const loaded = await this.store.load();
    this.saved = loaded.value.walls.length ? loaded.value : undefined;
    this.apply();
    if (!this.fakeDisplays) {
      for (const event of ['display-added', 'display-removed', 'display-metrics-changed'] as const)
        screen.on(event as 'display-added', () => this.apply());
    }
  }

  displays(): DisplayInfo[] {
    if (this.fakeDisplays) return this.fakeDisplays;
    const primary = screen.getPrimaryDisplay().id;
    return screen.getAllDisplays().map((d) => fromElectron(d, primary));
  }

  /** Plans again and makes the windows match: moves, retabs, opens and closes. */
  apply(): void {
    const displays = this.displays();
    // During a display driver reset Electron can report no displays: keep every window until it reports some.
    if (displays.length === 0) return;
    const plan = planWindows(displays, this.saved);
    const alive = this.managed.filter((m) => !m.window.isDestroyed());
    const changes = reconcileWindows(
      alive.map((m) => ({ id: m.window.id, plan: m.plan })),
      plan,
    );
    const byId = new Map(alive.map((m) => [m.window.id, m]));
    for (const kept of changes.keep) {
      const m = byId.get(kept.id)!;
      if (kept.move) m.window.setBounds(kept.plan.bounds);
      if (kept.reload) void this.load(m.window, kept.plan);
      m.plan = kept.plan;
    }
    for (const id of changes.close) {
      const m = byId.get(id)!;
      m.window.destroy();
    }
    this.managed.splice(
      0,
      this.managed.length,
      ...alive.filter((m) => !changes.close.includes(m.window.id)),
      ...changes.open.map((p) => this.open(p)),
    );
    this.remember();
  }

  focusControl(): void {
    this.managed.find((m) => m.plan.control)?.window.focus();
  }

  private open(plan: PlannedWindow): Managed {
    const window = new BrowserWindow(
      windowOptions(plan.control ? 'control' : 'wall', plan.bounds, plan.fullscreen, this.options.preload),
    );
    const contents = window.webContents;
    this.options.onContents(contents, true);
    contents.on('destroyed', () => this.options.onContents(contents, false));
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('render-process-gone', (_event, details) => {
      this.options.logger.error(
        `wall ${plan.wall}: renderer gone (${details.reason}, exit ${details.exitCode}); reloading`,
      );
      if (details.reason !== 'clean-exit' && !window.isDestroyed()) contents.reload();
    });
    contents.on('unresponsive', () => this.options.logger.warn(`wall ${plan.wall}: renderer unresponsive`));
    window.once('ready-to-show', () => window.show());
    // The controls' window closing means the operator is done: every wall goes with it.
    // A wall window closed by hand comes back at the next display change or start.
    if (plan.control) window.on('closed', () => this.options.onControlClosed());
    for (const event of ['moved', 'resized', 'enter-full-screen', 'leave-full-screen'] as const)
      window.on(event as 'moved', () => this.remember());
    const managed = { window, plan };
    void this.load(window, plan);
    return managed;
  }

  private load(window: BrowserWindow, plan: PlannedWindow): Promise<void> {
    return window.loadURL(
      appPageUrl({
        wall: String(plan.wall),
        ...(plan.tabs.length ? { tabs: plan.tabs.join(',') } : {}),
        control: plan.control ? '1' : '0',
      }),
    );
  }

  /** Where each wall is now, written a moment after the last move. */
  private remember(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      const displays = this.displays();
      const current = this.managed
        .filter((m) => !m.window.isDestroyed())
        .map((m) => ({
          wall: m.plan.wall,
          tabs: m.plan.tabs,
          // Where the window is now: the operator may have dragged it to another monitor.
          display: displayForBounds(displays, m.window.getBounds())!,
          bounds: m.window.isFullScreen() ? m.plan.bounds : m.window.getBounds(),
          fullscreen: m.window.isFullScreen(),
        }));
      if (current.length === 0 || displays.length === 0) return;
      this.saved = rememberWalls(this.saved, current);
      void this.store
        .save(this.saved)
        .catch((error: Error) => this.options.logger.warn(`windows.json not written: ${error.message}`));
    }, 500);
  }
}
