/** The wall on screen: its geometry, the camera in each tile, which tile is maximised or selected. */
import { template, tileShare, type LayoutGeometry, type TemplateId } from '../../shared/layouts';
import { withCamera, withGeometry, withMaximizeToggled, withSwap, withTemplate, type Wall } from '../../shared/wall';
import { emptyWall, layoutForWall, readWallWindow, recalledWall } from '../wall-window';
import { wallOf, type PantauState, type Slice, type WallSlice } from './state';
import { startingModes } from '../../shared/shedding-policy';

/** A geometry's tiles as the starting policy needs them: index, share of the wall, protected. */
const wallTiles = (geometry: LayoutGeometry, isProtected: (index: number) => boolean) =>
  geometry.tiles.map((rect, index) => ({
    index,
    area: tileShare(geometry, rect),
    protected: isProtected(index),
  }));

/** Pins of tiles the new geometry still has. */
const pinsWithin = (pinned: number[], tiles: number) => pinned.filter((index) => index < tiles);

/** Which walls this window shows, from its link (read once per window). */
export const wallWindow = readWallWindow(location.search);

export const wallSlice: Slice<WallSlice> = (set, get) => {
  /** Any change by the operator makes the layout "changed since saved". */
  const changeWall = (next: Partial<PantauState>) => set({ ...next, dirty: true });
  /**
   * What a new wall may count on at full rate: what the machine was measured to carry, for a wall
   * bigger than the one on screen. A smaller wall starts at full rate: the tiles it drops free
   * more than the measure (taken with economy tiles running) says, and the meter sheds again if not.
   */
  const carriesFor = (geometry: LayoutGeometry) =>
    geometry.tiles.length > get().geometry.tiles.length ? get().carries : undefined;
  /**
   * A new geometry starts at full rate as far as the machine was measured to carry it, its
   * smallest other tiles on key pictures (startingModes, issue #23); the load meter sheds or
   * climbs from there within seconds.
   */
  const reshape = (next: Wall) => {
    const pinned = pinsWithin(get().pinned, next.geometry.tiles.length);
    const { selected, maximized, wallRate } = get();
    const tileModes = startingModes(
      wallTiles(next.geometry, (index) => index === selected || index === maximized || pinned.includes(index)),
      carriesFor(next.geometry),
      wallRate,
    );
    changeWall({ ...next, tileModes, pinned });
  };
  return {
    walls: wallWindow.walls,
    wall: wallWindow.walls[0]!,
    control: wallWindow.control,
    geometry: template('2x2'),
    tiles: [],
    maximized: null,
    selected: null,
    layoutId: null,
    dirty: false,
    wallRate: 'auto',
    pinned: [],

    showWall(wall) {
      if (!get().walls.includes(wall) || wall === get().wall) return;
      set({ wall, maximized: null, selected: null });
      const recalled = recalledWall(wall);
      if (recalled) return set({ ...recalled });
      const chosen = layoutForWall(get().layouts, get().defaultLayoutId, wall);
      if (chosen) get().applyLayout(chosen);
      else set(emptyWall());
    },

    setTemplate(id) {
      reshape(withTemplate(wallOf(get()), id));
    },

    setGeometry(geometry) {
      const next = withGeometry(wallOf(get()), geometry);
      if (next.geometry !== get().geometry) reshape(next);
    },

    setWallRate(wallRate) {
      if (wallRate !== get().wallRate) changeWall({ wallRate });
    },

    togglePin(index) {
      const pinned = get().pinned;
      if (index < 0 || index >= get().tiles.length) return;
      changeWall({
        pinned: pinned.includes(index) ? pinned.filter((i) => i !== index) : [...pinned, index].sort((a, b) => a - b),
      });
    },

    setGrid(n) {
      get().setTemplate(n <= 1 ? '1' : (`${n}x${n}` as TemplateId));
    },

    assignTile(index, cameraId) {
      const next = withCamera(wallOf(get()), index, cameraId);
      if (next.tiles !== get().tiles) changeWall({ tiles: next.tiles });
    },

    putOnWall(cameraId) {
      // The selected tile, else the first empty one, else the first.
      const { selected, tiles } = get();
      const empty = tiles.findIndex((id) => id === null);
      const index = selected ?? (empty >= 0 ? empty : 0);
      get().assignTile(index, cameraId);
      get().select(index);
    },

    swapTiles(a, b) {
      const next = withSwap(wallOf(get()), a, b);
      if (next.tiles !== get().tiles) changeWall({ tiles: next.tiles });
    },

    toggleMaximize(index) {
      const { maximized, selected } = withMaximizeToggled(wallOf(get()), index);
      set({ maximized, selected });
    },

    restore() {
      set({ maximized: null });
    },

    select(index) {
      set({ selected: index });
    },

    applyLayout(l) {
      const pinned = pinsWithin(l.pinned ?? [], l.geometry.tiles.length);
      set({
        geometry: l.geometry,
        tiles: [...l.cameras],
        layoutId: l.id,
        dirty: false,
        tileModes: startingModes(
          wallTiles(l.geometry, (index) => pinned.includes(index)),
          carriesFor(l.geometry),
          l.rate ?? 'auto',
        ),
        wallRate: l.rate ?? 'auto',
        pinned,
        maximized: null,
        selected: null,
      });
    },
  };
};
