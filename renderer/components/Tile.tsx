/**
 * One tile owns one player: a single effect opens the stream, creates the
 * JSMpeg player on the tile's canvas and destroys both when the camera or the
 * tile goes. The overlay tells the truth: "live" only while the core reports
 * the stream live AND this tile keeps painting frames; otherwise the last
 * picture stays, greyed, with its age counting up.
 */
import JSMpeg, { type Player } from '@cycjimmy/jsmpeg-player';
import { useEffect, useRef, useState, type DragEvent, type RefObject } from 'react';
import type { TileRect } from '../../shared/layouts';
import { chooseProfile, outputTier } from '../../shared/stream-choice';
import { tileState } from '../../shared/tile-state';
import { formatCountdown, formatDuration } from '../format';
import type { MessageKey } from '../i18n';
import { releaseWebGL, shouldUseWebGL } from '../player/rendering';
import { RelaySource } from '../player/relay-source';
import { statusKey, useStore, useTranslate } from '../store';
import { useNow } from '../use-now';
import { useOnScreen, usePageVisible } from '../use-page-visible';
import { usePtzStore } from '../ptz/ptz-store';
import { PtzPad } from './PtzPad';

/** The tile calls itself stalled after this long without painting, whatever the core says. */
const TILE_STALL_MS = 2500;

/** Drag payloads: a camera from the list, or a tile being moved onto another. */
export const DRAG_CAMERA = 'application/x-pantau-camera';
const DRAG_TILE = 'application/x-pantau-tile';

interface TileProps {
  index: number;
  cameraId: string | null;
  rect: TileRect;
  maximized: boolean;
  hidden: boolean;
}

/** The tile's size in device pixels, kept up to date (maximise, window resize, layout change). */
function useDeviceSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const scale = window.devicePixelRatio || 1;
      const box = entry!.contentRect;
      setSize({ width: Math.round(box.width * scale), height: Math.round(box.height * scale) });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

export function Tile({ index, cameraId, rect, maximized, hidden }: TileProps) {
  const t = useTranslate();
  const api = useStore((s) => s.api);
  const camera = useStore((s) => s.cameras.find((c) => c.id === cameraId));
  const camerasKnown = useStore((s) => s.cameras.length > 0);
  const selected = useStore((s) => s.selected === index);
  const { assignTile, swapTiles, toggleMaximize, select, snapshot } = useStore.getState();
  const ptzMode = usePtzStore((s) => s.mode);
  const showPad = !!camera?.ptz && selected && ptzMode;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const tileRef = useRef<HTMLDivElement>(null);
  const [profile, setProfile] = useState<string>();
  const [lastPaintAt, setLastPaintAt] = useState<number>();
  const [socketUp, setSocketUp] = useState(false);
  const [socketOpens, setSocketOpens] = useState(0);
  const [openError, setOpenError] = useState<{ code: string; message: string }>();
  const status = useStore((s) => (cameraId && profile ? s.statuses[statusKey(cameraId, profile)] : undefined));
  const now = useNow(1000);
  const pageVisible = usePageVisible();
  const onScreen = useOnScreen(tileRef);
  const visible = pageVisible && onScreen && !hidden;
  const size = useDeviceSize(tileRef);
  // Re-open the stream only when the tile needs another profile or output box (maximise, restore).
  const chosen = camera && size.width > 0 ? chooseProfile(camera.profiles, size.width, size.height) : undefined;
  const want = chosen ? `${chosen.profile}@${outputTier(size.width, size.height).width}` : '';
  const sizeRef = useRef(size);
  sizeRef.current = size;
  const webgl = useStore((s) => shouldUseWebGL(s.rendering, s.tiles.filter(Boolean).length));

  useEffect(() => {
    const canvas = canvasRef.current;
    // A hidden wall or an off-screen tile decodes nothing: the socket closes,
    // the core lingers, and coming back is a warm start from the GOP cache.
    if (!api || !cameraId || !canvas || !visible || !want) return;
    let player: Player | undefined;
    let cancelled = false;
    let paintedAt = 0;
    setLastPaintAt(undefined);
    setOpenError(undefined);
    const { width, height } = sizeRef.current;
    void api
      .invoke('stream:open', { cameraId, tileWidth: Math.max(1, width), tileHeight: Math.max(1, height) })
      .then((opened) => {
        if (cancelled) return;
        if (!opened.ok) {
          setOpenError(opened.error);
          return;
        }
        setProfile(opened.value.profile);
        player = new JSMpeg.Player(opened.value.url, {
          canvas,
          source: RelaySource,
          audio: false,
          disableGl: !webgl,
          pauseWhenHidden: false,
          videoBufferSize: 2 * 1024 * 1024,
          onVideoDecode: () => {
            window.__pantauBench?.onDecode?.(cameraId, index, canvas);
            // At most a few renders a second, not one per frame.
            const at = Date.now();
            if (at - paintedAt > 500) {
              paintedAt = at;
              setLastPaintAt(at);
            }
          },
          relayEvents: {
            onSocket: (state: string, detail?: string) => {
              setSocketUp(state === 'open');
              if (state === 'open') setSocketOpens((n) => n + 1);
              if (state === 'refused') setOpenError({ code: 'camera-not-found', message: detail ?? '' });
            },
          },
        });
      });
    return () => {
      cancelled = true;
      player?.destroy();
      if (webgl) releaseWebGL(canvas);
      setProfile(undefined);
      setSocketUp(false);
    };
  }, [api, cameraId, index, visible, webgl, want]);

  const decoded = lastPaintAt !== undefined;
  const missing = !!cameraId && camerasKnown && !camera;
  const state = missing ? 'missing' : tileState({
    hasCamera: !!cameraId,
    openFailed: !!openError,
    core: status,
    socketUp,
    decoded,
    stale: decoded && now - lastPaintAt > TILE_STALL_MS,
  });
  const error = openError ?? status?.error;
  const troubled = state !== 'live' && state !== 'connecting' && state !== 'empty';
  // A damaged picture is still the freshest picture there is: shown, not greyed, with the reason.
  const painting = state === 'live' || state === 'degraded';
  const errorKey = error ? (`error.${error.code}` as MessageKey) : undefined;
  const errorText = errorKey && t(errorKey) !== errorKey ? t(errorKey) : t('error.generic');
  const retryIn = status?.retryAt && status.retryAt > now && state !== 'stalled' ? status.retryAt - now : undefined;

  const onDragStart = (event: DragEvent) => {
    if (!cameraId) return;
    event.dataTransfer.setData(DRAG_TILE, String(index));
    event.dataTransfer.effectAllowed = 'move';
  };
  const onDragOver = (event: DragEvent) => {
    const types = event.dataTransfer.types;
    if (types.includes(DRAG_CAMERA) || types.includes(DRAG_TILE)) event.preventDefault();
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const dropped = event.dataTransfer.getData(DRAG_CAMERA);
    const from = event.dataTransfer.getData(DRAG_TILE);
    if (dropped) assignTile(index, dropped);
    else if (from !== '') swapTiles(Number(from), index);
  };
  const classes = ['tile', maximized ? 'tile-maximized' : '', hidden ? 'tile-hidden' : '', selected ? 'tile-selected' : ''].filter(Boolean).join(' ');
  return (
    <div
      ref={tileRef}
      className={classes}
      // CSSOM styles (not a style attribute): allowed by the CSP.
      style={maximized ? undefined : { gridColumn: `${rect.x + 1} / span ${rect.w}`, gridRow: `${rect.y + 1} / span ${rect.h}` }}
      data-tile-index={index}
      data-camera-id={cameraId ?? ''}
      data-state={state}
      data-profile={profile ?? ''}
      data-socket-opens={socketOpens}
      aria-label={camera?.name ?? cameraId ?? t('tile.empty')}
      tabIndex={0}
      draggable={!!cameraId && !showPad}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onDoubleClick={() => toggleMaximize(index)}
      onClick={() => select(index)}
      onFocus={() => select(index)}
    >
      {/* A new canvas per player: a canvas that had a WebGL context can never get another context. */}
      <canvas key={`${visible}:${webgl}`} ref={canvasRef} className={!decoded ? 'tile-canvas tile-canvas-waiting' : painting ? 'tile-canvas' : 'tile-canvas tile-canvas-stale'} />
      {cameraId ? (
        <div className="tile-overlay">
          <span className="tile-name">{camera?.name ?? cameraId}</span>
          <span className={`tile-state tile-state-${state}`} role="status">
            {t(`state.${state}`)}
          </span>
          {camera?.ptz ? (
            <button
              type="button"
              className="tile-clear tile-ptz"
              data-action="ptz-toggle"
              aria-pressed={showPad}
              aria-label={t('ptz.toggle')}
              title={t('ptz.toggle')}
              onClick={(e) => {
                e.stopPropagation();
                select(index);
                usePtzStore.getState().toggleMode(!showPad);
              }}
            >
              {t('ptz.short')}
            </button>
          ) : null}
          <button type="button" className="tile-clear tile-snapshot" data-action="snapshot" aria-label={t('tile.snapshot')} title={t('tile.snapshot')} onClick={(e) => (e.stopPropagation(), void snapshot(cameraId))}>
            ⎙
          </button>
          <button type="button" className="tile-clear" aria-label={t('tile.clear')} title={t('tile.clear')} onClick={(e) => (e.stopPropagation(), assignTile(index, null))}>
            ×
          </button>
          {showPad && cameraId ? <PtzPad cameraId={cameraId} /> : null}
          {missing ? <div className="tile-trouble"><span className="tile-error">{t('error.camera-not-found')}</span></div> : null}
          {troubled && !missing ? (
            <div className="tile-trouble">
              {error && state !== 'stalled' ? <span className="tile-error" title={error.message}>{errorText}</span> : null}
              {decoded && !painting ? <span className="tile-age">{t('tile.lastFrame', { age: formatDuration(t, now - lastPaintAt) })}</span> : null}
              {retryIn !== undefined ? <span className="tile-retry">{t('tile.retryIn', { time: formatCountdown(retryIn) })}</span> : null}
            </div>
          ) : null}
        </div>
      ) : (
        <div className="tile-empty">{t('tile.dropHere')}</div>
      )}
    </div>
  );
}
