/**
 * The camera directory: region tree with counts and state badges, search
 * (case- and diacritics-insensitive), and only the rows in view rendered, so
 * a city's 20,000 cameras scroll smoothly. Drag a camera onto a tile, or
 * click it (Enter in the search) to put it in the selected tile.
 */
import { useMay } from '../access/use-may';
import { useDeferredValue, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { buildTree, directoryRows, searchIndex, type DirectoryState, type GroupNode } from '../../shared/directory';
import { fold } from '../../shared/search';
import { useStore, useTranslate } from '../store';
import { AddCamera } from './AddCamera';
import { DemoNotice } from './DemoNotice';
import { CameraImport } from './CameraImport';
import { DRAG_CAMERA } from '../tile/use-tile-drag';
import { errorWords } from '../error-words';
import type { MessageKey } from '../i18n';
import { SearchField } from './ui/SearchField';

const ROW_HEIGHT = 26;

function allGroupPaths(node: GroupNode, into = new Set<string>()): Set<string> {
  for (const child of node.groups.values()) {
    into.add(child.path);
    allGroupPaths(child, into);
  }
  return into;
}
const OVERSCAN = 10;

export function CameraList() {
  const t = useTranslate();
  const may = useMay();
  const cameras = useStore((s) => s.cameras);
  const statuses = useStore((s) => s.statuses);
  const fleet = useStore((s) => s.fleet);
  const selected = useStore((s) => s.selected);
  const assignTile = useStore((s) => s.assignTile);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  // null: not touched yet. A small inventory starts fully open, a city's starts folded.
  const [touched, setOpen] = useState<ReadonlySet<string> | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(600);
  const [editing, setEditing] = useState<string>();

  const tree = useMemo(() => buildTree(cameras), [cameras]);
  const open = useMemo(
    () => touched ?? (cameras.length <= 200 ? allGroupPaths(tree) : new Set<string>()),
    [touched, cameras.length, tree],
  );
  // The search index is built when the page is idle after a load, so the
  // first search does not pay for it (or at that search, if it comes first).
  const indexCache = useRef<{ cameras: typeof cameras; index: Map<string, string> }>(undefined);
  const indexFor = (list: typeof cameras) => {
    if (indexCache.current?.cameras !== list) indexCache.current = { cameras: list, index: searchIndex(list) };
    return indexCache.current.index;
  };
  useEffect(() => {
    const idle = requestIdleCallback(() => indexFor(cameras), { timeout: 3000 });
    return () => cancelIdleCallback(idle);
  }, [cameras]);
  const searching = deferredQuery.trim() !== '';
  const index = searching ? indexFor(cameras) : undefined;
  // The fleet sweep's findings, rebuilt only when they change (20,000 of them in a city)…
  const fleetStates = useMemo(() => {
    const byId = new Map<string, DirectoryState>();
    for (const f of Object.values(fleet)) byId.set(f.cameraId, f.state === 'up' ? 'reachable' : 'broken');
    return byId;
  }, [fleet]);
  // …and over them the wall's own state where a stream runs (it is newer), rebuilt every second.
  const wallStates = useMemo(() => {
    const byId = new Map<string, DirectoryState>();
    for (const s of Object.values(statuses)) {
      if (s.state === 'idle') continue;
      if (!byId.has(s.cameraId) || s.state !== 'live') byId.set(s.cameraId, s.state);
    }
    return byId;
  }, [statuses]);
  const stateByCamera = useMemo(
    () => ({ get: (id: string) => wallStates.get(id) ?? fleetStates.get(id) }),
    [wallStates, fleetStates],
  );
  const rows = useMemo(
    () => directoryRows(tree, open, fold(deferredQuery), (id) => stateByCamera.get(id), index),
    [tree, open, deferredQuery, stateByCamera, index],
  );

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);
  const put = (id: string) => {
    if (selected !== null) assignTile(selected, id);
  };
  const toggle = (path: string) =>
    setOpen(() => {
      const next = new Set(open);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });
  const firstCamera = rows.find((r) => r.kind === 'camera');

  return (
    <nav className="camera-list" aria-label={t('cameras.title')} data-rows={rows.length} data-query={deferredQuery}>
      <h2>
        {t('cameras.title')} <span className="camera-count">{cameras.length}</span>
      </h2>
      <DemoNotice />
      {/* Adding and exporting cameras is the machine's own link's (an access link's page has neither). */}
      {may('local') ? <CameraImport /> : null}
      <SearchField
        className="camera-search"
        control="camera-search"
        label={t('cameras.search')}
        value={query}
        onChange={setQuery}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && firstCamera?.kind === 'camera') put(firstCamera.camera.id);
          if (e.key === 'Escape') {
            setQuery('');
            (e.currentTarget as HTMLInputElement).blur();
          }
        }}
      />
      <div
        className="directory-view"
        ref={(el) => {
          if (el && el.clientHeight && el.clientHeight !== viewHeight) setViewHeight(el.clientHeight);
        }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        {rows.length === 0 ? (
          // An empty list says why, and what to do next.
          <p className="empty-state" data-control="cameras-empty">
            {deferredQuery ? t('cameras.noMatch', { query: deferredQuery }) : t('cameras.none')}
          </p>
        ) : null}
        <ul style={{ height: rows.length * ROW_HEIGHT }} role="tree">
          {rows.slice(first, last).map((row, i) => {
            const top = (first + i) * ROW_HEIGHT;
            const indent = 6 + row.depth * 12;
            if (row.kind === 'group') {
              return (
                <li key={`g:${row.path}`} role="treeitem" aria-expanded={row.open} style={{ top, paddingLeft: indent }}>
                  <button
                    type="button"
                    className="directory-group"
                    data-group={row.path}
                    onClick={() => toggle(row.path)}
                  >
                    <span className="directory-caret">{row.open ? '▾' : '▸'}</span>
                    {row.name}
                    <span className="directory-badges">
                      {row.trouble ? (
                        <span className="badge badge-trouble" title={t('directory.trouble', { n: row.trouble })}>
                          {row.trouble}
                        </span>
                      ) : null}
                      {row.live || row.trouble ? (
                        // "Tembalang 412/430": up out of all, the region's health at a glance.
                        <span
                          className="badge badge-live"
                          data-rollup={`${row.live}/${row.count}`}
                          title={t('directory.up', { up: row.live, count: row.count })}
                        >
                          {row.live}/{row.count}
                        </span>
                      ) : (
                        <span className="badge">{row.count}</span>
                      )}
                    </span>
                  </button>
                </li>
              );
            }
            const state = stateByCamera.get(row.camera.id) ?? 'idle';
            const found = fleet[row.camera.id];
            const label =
              state === 'broken' && found?.reason
                ? t('fleet.brokenBecause', { reason: errorWords(t, found.reason) })
                : t(`state.${state}` as MessageKey);
            return (
              <li key={`c:${row.camera.id}`} role="treeitem" style={{ top, paddingLeft: indent }}>
                <button
                  type="button"
                  draggable
                  data-camera={row.camera.id}
                  title={row.camera.group ?? row.camera.name}
                  onDragStart={(event: DragEvent) => {
                    event.dataTransfer.setData(DRAG_CAMERA, row.camera.id);
                    event.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => put(row.camera.id)}
                >
                  <span className={`dot dot-${state}`} role="img" aria-label={label} title={label} data-dot={state} />
                  {row.camera.name}
                </button>
                {row.camera.demo || !may('edit') ? null : (
                  <button
                    type="button"
                    className="directory-edit"
                    data-action="camera-edit"
                    aria-label={t('camera.edit', { name: row.camera.name })}
                    title={t('camera.edit', { name: row.camera.name })}
                    onClick={() => setEditing(row.camera.id)}
                  >
                    ✎
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </div>
      {editing !== undefined ? <AddCamera editId={editing} onClose={() => setEditing(undefined)} /> : null}
    </nav>
  );
}
