/**
 * What the load meter remembers of each tile between measurements: since when
 * it shows its camera (a starting player is not "behind"), and when and how
 * often its mode changed (the policy's limit on flapping).
 */
import type { TileFacts, TileMode } from '../../shared/shedding-policy';

interface Remembered {
  cameraId: string | null;
  since: number;
  mode: TileMode;
  changes: number[];
}

export class TileHistory {
  private readonly tiles = new Map<number, Remembered>();

  /**
   * The tile as it is now; a new camera in it starts its clock again but keeps the mode. A tile
   * first seen starts in `startMode` (a new wall's, startingModes), which is not a change.
   */
  see(index: number, cameraId: string | null, now: number, startMode: TileMode = 'full'): Remembered {
    let tile = this.tiles.get(index);
    if (!tile) {
      tile = { cameraId, since: now, mode: startMode, changes: [] };
      this.tiles.set(index, tile);
    } else if (tile.cameraId !== cameraId) {
      tile.cameraId = cameraId;
      tile.since = now;
    }
    return tile;
  }

  /**
   * `changedAt` is also when the tile's camera came on it: the policy's calm (before shedding more,
   * climbing, or a last-resort step) counts from a wall's start too, not only from its last change
   * of mode — a wall whose streams are still starting is not calm. (Not counted as a change of mode.)
   */
  facts(index: number, now: number): Pick<TileFacts, 'mode' | 'changedAt' | 'changesLastMinute'> {
    const tile = this.tiles.get(index)!;
    tile.changes = tile.changes.filter((at) => now - at < 60_000);
    const changedAt = Math.max(tile.changes.at(-1) ?? 0, tile.cameraId ? tile.since : 0);
    return { mode: tile.mode, changedAt, changesLastMinute: tile.changes.length };
  }

  /**
   * Records the policy's answer. 'off' (hidden while another tile is
   * maximised) is not remembered: the tile comes back at the rate it had.
   */
  decided(index: number, mode: TileMode, now: number): void {
    const tile = this.tiles.get(index)!;
    if (mode === tile.mode || mode === 'off') return;
    tile.changes.push(now);
    tile.mode = mode;
  }

  /** Tiles the wall no longer has. */
  keepOnly(count: number): void {
    for (const index of this.tiles.keys()) if (index >= count) this.tiles.delete(index);
  }
}
