import { describe, expect, it } from 'vitest';
import {
  displayForBounds,
  planWindows,
  reconcileWindows,
  rememberWalls,
  type DisplayInfo,
  type Rect,
  type SavedWalls,
} from '../../electron/main/window-plan';

const rect = (x: number, y: number, width = 1920, height = 1080): Rect => ({ x, y, width, height });
/** n displays side by side, the first primary, taskbar 40 px. */
function displays(n: number, ids = Array.from({ length: n }, (_, i) => `d${i + 1}`)): DisplayInfo[] {
  return ids.map((id, i) => ({
    id,
    bounds: rect(i * 1920, 0),
    workArea: { ...rect(i * 1920, 0), height: 1040 },
    primary: i === 0,
  }));
}
const summary = (plan: ReturnType<typeof planWindows>) =>
  plan.map(
    (w) => `${w.wall}@${w.displayId}${w.control ? '+control' : ''}${w.tabs.length ? ` tabs ${w.tabs.join(',')}` : ''}`,
  );

describe('window plan', () => {
  it('one display (the liaison laptop): one window, wall 1 with the controls, filling the work area', () => {
    const plan = planWindows(displays(1), undefined);
    expect(summary(plan)).toEqual(['1@d1+control']);
    expect(plan[0]!.bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('2, 4 and 6 displays: one wall per display, numbered left to right, controls on the primary', () => {
    expect(summary(planWindows(displays(2), undefined))).toEqual(['1@d1+control', '2@d2']);
    expect(summary(planWindows(displays(4), undefined))).toEqual(['1@d1+control', '2@d2', '3@d3', '4@d4']);
    expect(summary(planWindows(displays(6), undefined))).toEqual([
      '1@d1+control',
      '2@d2',
      '3@d3',
      '4@d4',
      '5@d5',
      '6@d6',
    ]);
  });

  it('numbers by position, not by the order Electron lists displays in, and the primary need not be leftmost', () => {
    const list = displays(3);
    const shuffled = [list[2]!, { ...list[0]!, primary: false }, { ...list[1]!, primary: true }];
    expect(summary(planWindows(shuffled, undefined))).toEqual(['1@d2+control', '2@d1', '3@d3']);
  });

  it('a saved 3-display wall opened on a laptop: walls 2 and 3 become tabs of the one window, never lost', () => {
    const saved = rememberWalls(
      undefined,
      displays(3).map((d, i) => ({ wall: String(i + 1), tabs: [], display: d, bounds: d.workArea, fullscreen: i > 0 })),
    );
    const laptop: DisplayInfo[] = [
      { id: 'laptop', bounds: rect(0, 0, 1366, 768), workArea: rect(0, 0, 1366, 728), primary: true },
    ];
    const plan = planWindows(laptop, saved);
    expect(summary(plan)).toEqual(['1@laptop+control tabs 2,3']);
    // The saved window geometry does not fit the laptop: the work area is used.
    expect(plan[0]!.bounds).toEqual(rect(0, 0, 1366, 728));
    // Back at the workstation, each wall returns to its display, full screen as it was.
    const back = planWindows(
      displays(3),
      rememberWalls(saved, [
        { wall: '1', tabs: ['2', '3'], display: laptop[0]!, bounds: rect(0, 0, 1366, 728), fullscreen: false },
      ]),
    );
    expect(summary(back)).toEqual(['1@d1+control', '2@d2', '3@d3']);
    expect(back.map((w) => w.fullscreen)).toEqual([false, true, true]);
  });

  it('finds walls by position and size when display ids changed after a reboot', () => {
    const before = displays(3);
    const saved: SavedWalls = {
      walls: [
        { wall: '1', displayId: 'd1', displayBounds: before[0]!.bounds },
        // Wall 3 was on the middle display, wall 2 on the right one.
        { wall: '3', displayId: 'd2', displayBounds: before[1]!.bounds, windowBounds: rect(1920 + 100, 50, 1200, 800) },
        { wall: '2', displayId: 'd3', displayBounds: before[2]!.bounds },
      ],
    };
    const plan = planWindows(displays(3, ['x7', 'x8', 'x9']), saved);
    expect(summary(plan)).toEqual(['1@x7+control', '3@x8', '2@x9']);
    expect(plan[1]!.bounds).toEqual(rect(2020, 50, 1200, 800)); // restored geometry, it fits
  });

  it('a display added while running gets the next free wall; one removed sends its wall to the tabs', () => {
    const two = displays(2);
    const saved = rememberWalls(
      undefined,
      planWindows(two, undefined).map((w) => ({ ...w, display: two.find((d) => d.id === w.displayId)! })),
    );
    expect(summary(planWindows(displays(3), saved))).toEqual(['1@d1+control', '2@d2', '3@d3']);
    expect(summary(planWindows(displays(1), saved))).toEqual(['1@d1+control tabs 2']);
  });

  it('more saved walls than displays on a 2-display desk: the extra walls are tabs on the primary', () => {
    const saved: SavedWalls = { walls: ['1', '2', '3', '4'].map((wall, i) => ({ wall, displayId: `d${i + 1}` })) };
    expect(summary(planWindows(displays(2), saved))).toEqual(['1@d1+control tabs 3,4', '2@d2']);
  });

  it('a window dragged to another monitor belongs to the display it overlaps most', () => {
    const list = displays(3);
    expect(displayForBounds(list, rect(1800, 100, 1200, 800))?.id).toBe('d2'); // 120 px on d1, 1080 on d2
    expect(displayForBounds(list, rect(-5000, 0, 100, 100))?.id).toBe('d1'); // off every screen: the primary
  });

  it('no displays: no windows (Electron reports none during a display driver reset)', () => {
    expect(planWindows([], undefined)).toEqual([]);
  });
});

describe('reconciling open windows with a new plan', () => {
  const open = (plan: ReturnType<typeof planWindows>) => plan.map((p, i) => ({ id: i + 1, plan: p }));

  it('a display unplugged: its window closes, the primary reloads with the wall as a tab, nothing else moves', () => {
    const before = planWindows(displays(3), undefined);
    const saved = rememberWalls(
      undefined,
      before.map((w) => ({ ...w, display: displays(3).find((d) => d.id === w.displayId)! })),
    );
    const after = planWindows(displays(2), saved);
    const changes = reconcileWindows(open(before), after);
    expect(changes.close).toEqual([3]);
    expect(changes.open).toEqual([]);
    expect(changes.keep.map((k) => [k.id, k.plan.wall, k.move, k.reload])).toEqual([
      [1, '1', false, true],
      [2, '2', false, false],
    ]);
    expect(changes.keep[0]!.plan.tabs).toEqual(['3']);
  });

  it('the same displays again: nothing to do', () => {
    const plan = planWindows(displays(4), undefined);
    const changes = reconcileWindows(open(plan), planWindows(displays(4), undefined));
    expect(changes.open).toEqual([]);
    expect(changes.close).toEqual([]);
    expect(changes.keep.every((k) => !k.move && !k.reload)).toBe(true);
  });

  it('a display plugged in: one new window, the others stay as they are', () => {
    const changes = reconcileWindows(open(planWindows(displays(1), undefined)), planWindows(displays(2), undefined));
    expect(changes.open.map((p) => [p.wall, p.displayId, p.control])).toEqual([['2', 'd2', false]]);
    expect(changes.keep.map((k) => [k.id, k.move, k.reload])).toEqual([[1, false, false]]);
  });
});
