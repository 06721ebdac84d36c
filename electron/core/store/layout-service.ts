/** Named wall layouts: save, lock, default, import and export, persisted in layouts.json. */
import { parseJsonText } from '../../../shared/json-text';
import { CodedError } from '../../../shared/errors';
import { describeIssues } from '../../../shared/model';
import {
  LAYOUT_FILE_VERSION,
  LayoutExportSchema,
  LayoutFileSchema,
  type LayoutFile,
  type SavedLayout,
  type StoreNotice,
  type Tour,
} from '../../../shared/saved-layouts';
import type { Logger } from '../log';
import { OneWriter } from './one-writer';
import { JsonFileStore } from './json-file-store';

/**
 * Brings older layouts.json files to the current version. Each step takes
 * version N to N+1; a file from a newer Pantau is left alone (it then fails
 * the schema and is kept beside as a damaged copy, with a message).
 */
export function migrateLayoutFile(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  let file = raw as Record<string, unknown>;
  // Version 0 (the spine's development builds): no version field, and layouts
  // stored a square grid size instead of a geometry.
  if (file.version === undefined) {
    const layouts = Array.isArray(file.layouts) ? file.layouts : [];
    file = {
      ...file,
      version: 1,
      layouts: layouts.map((l: Record<string, unknown>) => {
        if (typeof l?.grid !== 'number' || l.geometry !== undefined) return l;
        const { grid, ...rest } = l as { grid: number } & Record<string, unknown>;
        const tiles = [];
        for (let y = 0; y < grid; y++) for (let x = 0; x < grid; x++) tiles.push({ x, y, w: 1, h: 1 });
        return { locked: false, updatedAt: 0, ...rest, geometry: { cols: grid, rows: grid, tiles } };
      }),
    };
  }
  return file;
}

export class LayoutService {
  private readonly store: JsonFileStore<LayoutFile>;
  private state: LayoutFile = { version: LAYOUT_FILE_VERSION, layouts: [] };
  private notice: StoreNotice | undefined;
  /** Every mutation reads and writes the latest state, one after another. */
  private readonly writer = new OneWriter();

  constructor(file: string, logger: Logger) {
    this.store = new JsonFileStore({
      file,
      schema: LayoutFileSchema,
      defaults: () => ({ version: LAYOUT_FILE_VERSION, layouts: [] }),
      migrate: migrateLayoutFile,
      logger,
    });
  }

  async load(): Promise<void> {
    const loaded = await this.store.load();
    this.state = loaded.value;
    this.notice = loaded.notice;
  }

  /** The layouts, and (once) the notice about a recovered file. */
  list(): { layouts: SavedLayout[]; defaultLayoutId?: string; notice?: StoreNotice } {
    const notice = this.notice;
    this.notice = undefined;
    return {
      layouts: this.state.layouts,
      ...(this.state.defaultLayoutId ? { defaultLayoutId: this.state.defaultLayoutId } : {}),
      ...(notice ? { notice } : {}),
    };
  }

  private find(id: string): SavedLayout {
    const found = this.state.layouts.find((l) => l.id === id);
    if (!found) throw new CodedError('layout-not-found', `Layout "${id}" does not exist.`);
    return found;
  }

  private async commit(next: LayoutFile): Promise<void> {
    await this.store.save(next);
    this.state = next;
  }

  save(layout: SavedLayout): Promise<SavedLayout> {
    return this.writer.run(async () => {
      const existing = this.state.layouts.find((l) => l.id === layout.id);
      if (existing?.locked)
        throw new CodedError('layout-locked', `Layout "${existing.name}" is locked; save a copy instead.`);
      const saved = { ...layout, locked: existing ? existing.locked : layout.locked, updatedAt: Date.now() };
      const layouts = existing
        ? this.state.layouts.map((l) => (l.id === layout.id ? saved : l))
        : [...this.state.layouts, saved];
      await this.commit({ ...this.state, layouts });
      return saved;
    });
  }

  tour(): Tour | null {
    return this.state.tour ?? null;
  }

  saveTour(tour: Tour | null): Promise<void> {
    return this.writer.run(async () => {
      if (tour) for (const step of tour.steps) if ('layoutId' in step) this.find(step.layoutId);
      const { tour: _old, ...rest } = this.state;
      await this.commit({ ...rest, ...(tour ? { tour: { ...tour, index: tour.index % tour.steps.length } } : {}) });
    });
  }

  remove(id: string): Promise<void> {
    return this.writer.run(async () => {
      const layout = this.find(id);
      if (layout.locked) throw new CodedError('layout-locked', `Layout "${layout.name}" is locked.`);
      const { defaultLayoutId, tour, ...rest } = this.state;
      const steps = tour?.steps.filter((s) => !('layoutId' in s) || s.layoutId !== id) ?? [];
      await this.commit({
        ...rest,
        layouts: this.state.layouts.filter((l) => l.id !== id),
        ...(defaultLayoutId && defaultLayoutId !== id ? { defaultLayoutId } : {}),
        ...(tour && steps.length ? { tour: { ...tour, steps, index: tour.index % steps.length } } : {}),
      });
    });
  }

  setDefault(id: string | null): Promise<void> {
    return this.writer.run(async () => {
      if (id) this.find(id);
      const { defaultLayoutId: _old, ...rest } = this.state;
      await this.commit({ ...rest, ...(id ? { defaultLayoutId: id } : {}) });
    });
  }

  lock(id: string, locked: boolean): Promise<SavedLayout> {
    return this.writer.run(async () => {
      const updated = { ...this.find(id), locked, updatedAt: Date.now() };
      await this.commit({ ...this.state, layouts: this.state.layouts.map((l) => (l.id === id ? updated : l)) });
      return updated;
    });
  }

  /**
   * Validates the whole file before writing anything. Layouts keep their ids
   * unless taken here (then they get a new one); cameras unknown on this
   * machine stay in their tiles and are reported (shown as "camera not found").
   */
  import(
    text: string,
    knownCameras: ReadonlySet<string>,
  ): Promise<{ imported: SavedLayout[]; unknownCameras: string[] }> {
    return this.writer.run(async () => {
      let json: unknown;
      try {
        json = parseJsonText(text);
      } catch (error) {
        throw new CodedError('invalid-file', `The layout file is not valid JSON: ${(error as Error).message}`);
      }
      const parsed = LayoutExportSchema.safeParse(json);
      if (!parsed.success)
        throw new CodedError('invalid-file', `The layout file was rejected:\n${describeIssues(parsed.error)}`);
      const taken = new Set(this.state.layouts.map((l) => l.id));
      const imported = parsed.data.layouts.map((layout) => {
        let id = layout.id;
        for (let n = 2; taken.has(id); n++) id = `${layout.id.slice(0, 56)}-${n}`;
        taken.add(id);
        return { ...layout, id, locked: false, updatedAt: Date.now() };
      });
      const unknownCameras = [
        ...new Set(imported.flatMap((l) => l.cameras).filter((c): c is string => !!c && !knownCameras.has(c))),
      ];
      await this.commit({ ...this.state, layouts: [...this.state.layouts, ...imported] });
      return { imported, unknownCameras };
    });
  }

  export(ids?: readonly string[]): string {
    const layouts = ids ? ids.map((id) => this.find(id)) : this.state.layouts;
    if (layouts.length === 0) throw new CodedError('layout-not-found', 'There is no layout to export.');
    return `${JSON.stringify({ format: 'pantau-layouts', version: 1, exportedAt: new Date().toISOString(), layouts }, null, 2)}\n`;
  }
}
