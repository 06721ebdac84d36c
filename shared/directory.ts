/**
 * The camera directory as a tree of region paths ("Kota Semarang/Tembalang/
 * Bulusan/RT 03"), flattened into the rows a virtualised list shows.
 */
import type { CameraSummary, StreamState } from './model';
import { queryMatcher, searchText } from './search';

export interface GroupNode {
  name: string;
  path: string;
  groups: Map<string, GroupNode>;
  cameras: CameraSummary[];
  /** Cameras in this group and below. */
  total: number;
}

export type DirectoryRow =
  | {
      kind: 'group';
      path: string;
      name: string;
      depth: number;
      count: number;
      /** Cameras live on the wall or found reachable by the fleet sweep ("Tembalang 412/430"). */
      live: number;
      /** Cameras in trouble on the wall or found broken by the sweep. */
      trouble: number;
      open: boolean;
    }
  | { kind: 'camera'; camera: CameraSummary; depth: number };

const UNGROUPED = '—';

/**
 * What a camera's row shows: its stream's state when the wall plays it, else
 * what the fleet sweep last found (reachable, or broken), else nothing known.
 */
export type DirectoryState = StreamState | 'reachable' | 'broken';

export function buildTree(cameras: readonly CameraSummary[]): GroupNode {
  const root: GroupNode = { name: '', path: '', groups: new Map(), cameras: [], total: 0 };
  for (const camera of cameras) {
    let node = root;
    node.total++;
    const parts = (camera.group ?? UNGROUPED)
      .split('/')
      .map((p) => p.trim())
      .filter(Boolean);
    for (const part of parts.length ? parts : [UNGROUPED]) {
      let next = node.groups.get(part);
      if (!next) {
        next = {
          name: part,
          path: node.path ? `${node.path}/${part}` : part,
          groups: new Map(),
          cameras: [],
          total: 0,
        };
        node.groups.set(part, next);
      }
      next.total++;
      node = next;
    }
    node.cameras.push(camera);
  }
  return root;
}

/**
 * The visible rows. Without a query: groups as opened. With one (already
 * folded): only matching cameras, every group on their way opened, counts
 * of matches.
 */
export function directoryRows(
  root: GroupNode,
  open: ReadonlySet<string>,
  foldedQuery: string,
  stateOf: (cameraId: string) => DirectoryState | undefined,
  index?: Map<string, string>,
): DirectoryRow[] {
  const searching = foldedQuery.trim() !== '';
  const matcher = queryMatcher(foldedQuery);
  const matches = (camera: CameraSummary) => !searching || matcher(index?.get(camera.id) ?? searchText(camera));
  // One output array: a group's row is reserved before its children are
  // visited and filled in (or dropped) after, so nothing is copied per level.
  const rows: DirectoryRow[] = [];
  const visit = (node: GroupNode, depth: number, emit: boolean): { count: number; live: number; trouble: number } => {
    let count = 0;
    let live = 0;
    let trouble = 0;
    for (const child of node.groups.values()) {
      const isOpen = searching || open.has(child.path);
      const at = rows.length;
      if (emit)
        rows.push({
          kind: 'group',
          path: child.path,
          name: child.name,
          depth,
          count: 0,
          live: 0,
          trouble: 0,
          open: isOpen,
        });
      const sub = visit(child, depth + 1, emit && isOpen);
      if (sub.count === 0) {
        if (emit) rows.length = at; // nothing matched below: drop the group
        continue;
      }
      if (emit)
        rows[at] = {
          kind: 'group',
          path: child.path,
          name: child.name,
          depth,
          count: sub.count,
          live: sub.live,
          trouble: sub.trouble,
          open: isOpen,
        };
      count += sub.count;
      live += sub.live;
      trouble += sub.trouble;
    }
    for (const camera of node.cameras) {
      if (!matches(camera)) continue;
      count++;
      const state = stateOf(camera.id);
      if (state === 'live' || state === 'reachable') live++;
      else if (state && state !== 'idle' && state !== 'connecting') trouble++;
      if (emit) rows.push({ kind: 'camera', camera, depth });
    }
    return { count, live, trouble };
  };
  visit(root, 0, true);
  return rows;
}

/** Folded search text per camera, built once per camera list (search must answer in milliseconds). */
export function searchIndex(cameras: readonly CameraSummary[]): Map<string, string> {
  return new Map(cameras.map((c) => [c.id, searchText(c)]));
}
