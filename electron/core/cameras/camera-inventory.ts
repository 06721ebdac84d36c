/**
 * The camera inventory on disk: the camera file (given with --cameras, or
 * cameras.json in the data folder), changed by CSV imports. Written like
 * every store here: atomically, with the previous good copy kept.
 */
import { CodedError } from '../../../shared/errors';
import { camerasFromCsv, camerasToCsv } from '../../../shared/camera-csv';
import { CameraFileSchema, type CameraFile, type CameraFileEntry } from '../../../shared/model';
import type { Logger } from '../log';
import { JsonFileStore } from '../store/json-file-store';
import type { CameraRegistry } from './camera-registry';

export interface ImportReport {
  added: string[];
  updated: string[];
  rejected: { line: number; reason: string }[];
}

export class CameraInventory {
  private readonly store: JsonFileStore<CameraFile>;
  private entries: CameraFileEntry[];
  private readonly listeners = new Set<() => void>();

  constructor(file: string, initial: readonly CameraFileEntry[], private readonly registry: CameraRegistry, logger: Logger) {
    this.store = new JsonFileStore({ file, schema: CameraFileSchema, defaults: () => ({ cameras: [] }), logger });
    this.entries = [...initial];
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Reads the CSV and says what it would do; with `apply`, does it. Nothing
   * is written unless applied, and rejected rows never are.
   */
  async importCsv(text: string, apply: boolean): Promise<ImportReport> {
    const { cameras, rejected } = camerasFromCsv(text);
    const known = new Map(this.entries.map((c) => [c.id, c]));
    const report: ImportReport = {
      added: cameras.filter((c) => !known.has(c.id)).map((c) => c.id),
      updated: cameras.filter((c) => known.has(c.id)).map((c) => c.id),
      rejected,
    };
    if (!apply || cameras.length === 0) return report;
    const incoming = new Map(cameras.map((c) => [c.id, c]));
    await this.write([...this.entries.map((c) => incoming.get(c.id) ?? c), ...cameras.filter((c) => !known.has(c.id))]);
    return report;
  }

  /** Adds one camera; an id already in the inventory is refused. */
  async add(camera: CameraFileEntry): Promise<void> {
    if (this.entries.some((c) => c.id === camera.id)) throw new CodedError('invalid-request', `A camera with id "${camera.id}" already exists.`);
    await this.write([...this.entries, camera]);
  }

  private async write(next: CameraFileEntry[]): Promise<void> {
    const checked = CameraFileSchema.safeParse({ cameras: next });
    if (!checked.success) throw new CodedError('invalid-file', 'The change would make the camera list invalid; nothing was written.');
    await this.store.save(checked.data);
    this.entries = checked.data.cameras;
    this.registry.replace(this.entries);
    this.listeners.forEach((l) => l());
  }

  exportCsv(includePasswords: boolean): string {
    return camerasToCsv(this.entries, includePasswords);
  }
}
