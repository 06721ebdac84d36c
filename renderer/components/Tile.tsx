/**
 * A tile: its player (tile/use-tile-player.ts), its overlay
 * (tile/TileOverlay.tsx) and drag and drop (tile/use-tile-drag.ts). The
 * overlay tells the truth: "live" only while the core reports the stream live
 * AND this tile keeps painting frames; otherwise the last picture stays,
 * greyed, with its age counting up.
 */
import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TileRect } from '../../shared/layouts';
import type { ViewerRate } from '../../shared/api';
import { isEconomy, type TileMode } from '../../shared/shedding-policy';
import { chooseStream } from '../../shared/stream-choice';
import { tileState } from '../../shared/tile-state';
import { nativeRefused, useNativeSupport, videoPathFor } from '../player/decoder-choice';
import { mpeg1InWorkers } from '../player/mpeg1-pool';
import { shouldUseWebGL } from '../player/rendering';
import { usePtzStore } from '../ptz/ptz-store';
import { statusKey, useStore, useTranslate } from '../store';
import { TileOverlay } from './TileOverlay';
import { useDeviceSize } from '../tile/use-device-size';
import { useTileDrag } from '../tile/use-tile-drag';
import { useTilePlayer } from '../tile/use-tile-player';
import { tileGridStyle } from '../tile/tile-grid';
import { useTileZoom } from '../tile/use-tile-zoom';
import { ZoomOverview } from './ZoomOverview';
import { useNow } from '../use-now';
import { useOnScreen, usePageVisible } from '../use-page-visible';

/**
 * The tile calls itself stalled after this long without painting, whatever the
 * core says: on economy it paints one key picture a GOP (or one in three GOPs),
 * so its silence is longer before it means anything.
 */
const STALL_MS: Record<TileMode, number> = { full: 2500, off: 2500, keyframes: 6000, 'keyframes-slow': 15000 };
/** What the relay sends a tile in each mode (electron/core/relay/rate-gate.ts). */
const RATE: Record<TileMode, ViewerRate> = {
  full: 'full',
  off: 'full',
  keyframes: 'key',
  'keyframes-slow': 'key-slow',
};

interface TileProps {
  index: number;
  cameraId: string | null;
  rect: TileRect;
  maximized: boolean;
  hidden: boolean;
}

/** Asked once per page: the link's `?mpeg1=` and the browser do not change while it is open. */
const MPEG1_IN_WORKERS = mpeg1InWorkers();

export function Tile({ index, cameraId, rect, maximized, hidden }: TileProps) {
  const t = useTranslate();
  const camera = useStore((s) => s.cameras.find((c) => c.id === cameraId));
  const camerasKnown = useStore((s) => s.cameras.length > 0);
  const selected = useStore((s) => s.selected === index);
  const { toggleMaximize, select } = useStore.getState();
  const ptzMode = usePtzStore((s) => s.mode);
  const showPad = !!camera?.ptz && selected && ptzMode;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const tileRef = useRef<HTMLDivElement>(null);
  const now = useNow(1000);
  const pageVisible = usePageVisible();
  const onScreen = useOnScreen(tileRef);
  const visible = pageVisible && onScreen && !hidden;
  const size = useDeviceSize(tileRef);
  // Re-open the stream only when the tile needs another profile or output box (maximise, restore).
  const want = (camera && size.width > 0 && chooseStream(camera.profiles, size.width, size.height)?.key) || '';
  const webgl = useStore((s) => shouldUseWebGL(s.rendering, s.tiles.filter(Boolean).length));
  const decoder = useStore((s) => s.decoder);
  const nativeSupport = useNativeSupport();
  // A camera the native path refused (H.265, MJPEG: "unsupported" on that path) is shown through MPEG-1.
  // Looked up by this camera's own status keys, not by scanning every camera's status.
  const refusedNow = useStore(
    (s) =>
      !!cameraId &&
      !!camera?.profiles.some((p) => {
        const found = s.statuses[statusKey(cameraId, p.profile)];
        return found?.video === 'h264' && found.error?.code === 'unsupported';
      }),
  );
  const mode = useStore((s) => s.tileModes[index] ?? 'full');
  const economy = isEconomy(mode);
  const video = videoPathFor(decoder, nativeSupport, nativeRefused(cameraId, refusedNow), maximized, economy);
  const rate = RATE[mode];
  const player = useTilePlayer({
    cameraId,
    index,
    canvasRef,
    size,
    visible,
    webgl,
    mpeg1Worker: MPEG1_IN_WORKERS,
    want,
    video,
    rate,
  });
  // Only what the tile shows: the once-a-second figures (fps, kbit/s) of this or
  // any other camera do not re-render it.
  const status = useStore(
    useShallow((s) => {
      const found = cameraId && player.profile ? s.statuses[statusKey(cameraId, player.profile)] : undefined;
      return { state: found?.state, error: found?.error, retryAt: found?.retryAt };
    }),
  );
  const drag = useTileDrag(index, cameraId);
  const { zoom, handlers: zoomHandlers } = useTileZoom(index, cameraId, tileRef);
  const zoomed = zoom.scale > 1;

  const decoded = player.lastPaintAt !== undefined;
  const missing = !!cameraId && camerasKnown && !camera;
  const state = missing
    ? 'missing'
    : tileState({
        hasCamera: !!cameraId,
        openFailed: !!player.openError,
        core: status.state ? { state: status.state } : undefined,
        socketUp: player.socketUp,
        decoded,
        stale: decoded && now - player.lastPaintAt! > STALL_MS[mode],
      });
  const painting = state === 'live' || state === 'degraded';
  const classes = [
    'tile',
    maximized ? 'tile-maximized' : '',
    hidden ? 'tile-hidden' : '',
    selected ? 'tile-selected' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      ref={tileRef}
      className={classes}
      style={tileGridStyle(rect, maximized)}
      data-tile-index={index}
      data-camera-id={cameraId ?? ''}
      data-state={state}
      data-profile={player.profile ?? ''}
      data-video={video ?? ''}
      data-mode={mode}
      data-socket-opens={player.socketOpens}
      aria-label={camera?.name ?? cameraId ?? t('tile.empty')}
      tabIndex={0}
      data-zoom={zoomed ? zoom.scale.toFixed(2) : undefined}
      draggable={!!cameraId && !showPad && !zoomed}
      {...drag}
      {...zoomHandlers}
      onDoubleClick={() => toggleMaximize(index)}
      onClick={() => select(index)}
      onFocus={() => select(index)}
    >
      {/* A new canvas per player: a canvas that had a WebGL context can never get another context,
          and one handed to a worker can never be drawn on by the page again. Not per rate: a change
          of rate keeps the player (and its canvas), told on its socket. */}
      <canvas
        key={
          video === 'h264' || MPEG1_IN_WORKERS
            ? `${visible}:${video}:${webgl}:${cameraId}:${want}`
            : `${visible}:${webgl}`
        }
        ref={canvasRef}
        // CSSOM styles (not a style attribute): allowed by the CSP.
        style={
          zoomed
            ? { transform: `scale(${zoom.scale})`, transformOrigin: `${zoom.originX * 100}% ${zoom.originY * 100}%` }
            : undefined
        }
        className={
          !decoded ? 'tile-canvas tile-canvas-waiting' : painting ? 'tile-canvas' : 'tile-canvas tile-canvas-stale'
        }
      />
      {zoomed ? <ZoomOverview zoom={zoom} /> : null}
      {cameraId ? (
        <TileOverlay
          index={index}
          cameraId={cameraId}
          camera={camera}
          state={state}
          error={player.openError ?? status.error}
          retryAt={status.retryAt}
          lastPaintAt={player.lastPaintAt}
          now={now}
          showPad={showPad}
          economy={economy}
        />
      ) : (
        <div className="tile-empty">{t('tile.dropHere')}</div>
      )}
    </div>
  );
}
