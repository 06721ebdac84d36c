/**
 * One tile owns one player: a single effect opens the stream, creates the
 * JSMpeg player on the tile's canvas and destroys both when the camera or the
 * tile goes. The overlay tells the truth: "live" only while the core reports
 * the stream live AND this tile keeps painting frames; otherwise the last
 * picture stays, greyed, with its age counting up.
 */
import JSMpeg, { type Player } from '@cycjimmy/jsmpeg-player';
import { useEffect, useRef, useState } from 'react';
import { tileState } from '../../shared/tile-state';
import { formatCountdown, formatDuration } from '../format';
import type { MessageKey } from '../i18n';
import { releaseWebGL, shouldUseWebGL } from '../player/rendering';
import { RelaySource } from '../player/relay-source';
import { statusKey, useStore, useTranslate } from '../store';
import { useNow } from '../use-now';
import { useOnScreen, usePageVisible } from '../use-page-visible';

/** The tile calls itself stalled after this long without painting, whatever the core says. */
const TILE_STALL_MS = 2500;

interface TileProps {
  index: number;
  cameraId: string | null;
}

export function Tile({ index, cameraId }: TileProps) {
  const t = useTranslate();
  const api = useStore((s) => s.api);
  const camera = useStore((s) => s.cameras.find((c) => c.id === cameraId));
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
  const visible = pageVisible && onScreen;
  const webgl = useStore((s) => shouldUseWebGL(s.rendering, s.tiles.filter(Boolean).length));

  useEffect(() => {
    const canvas = canvasRef.current;
    // A hidden wall or an off-screen tile decodes nothing: the socket closes,
    // the core lingers, and coming back is a warm start from the GOP cache.
    if (!api || !cameraId || !canvas || !visible) return;
    let player: Player | undefined;
    let cancelled = false;
    let paintedAt = 0;
    setLastPaintAt(undefined);
    setOpenError(undefined);
    const rect = canvas.parentElement!.getBoundingClientRect();
    const scale = window.devicePixelRatio || 1;
    void api
      .invoke('stream:open', { cameraId, tileWidth: Math.max(1, Math.round(rect.width * scale)), tileHeight: Math.max(1, Math.round(rect.height * scale)) })
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
  }, [api, cameraId, index, visible, webgl]);

  const decoded = lastPaintAt !== undefined;
  const state = tileState({
    hasCamera: !!cameraId,
    openFailed: !!openError,
    core: status,
    socketUp,
    decoded,
    stale: decoded && now - lastPaintAt > TILE_STALL_MS,
  });
  const error = openError ?? status?.error;
  const troubled = state !== 'live' && state !== 'connecting' && state !== 'empty';
  const errorKey = error ? (`error.${error.code}` as MessageKey) : undefined;
  const errorText = errorKey && t(errorKey) !== errorKey ? t(errorKey) : t('error.generic');
  const retryIn = status?.retryAt && status.retryAt > now && state !== 'stalled' ? status.retryAt - now : undefined;

  return (
    <div
      ref={tileRef}
      className="tile"
      data-tile-index={index}
      data-camera-id={cameraId ?? ''}
      data-state={state}
      data-socket-opens={socketOpens}
      aria-label={camera?.name ?? t('tile.empty')}
    >
      {/* A new canvas per player: a canvas that had a WebGL context can never get another context. */}
      <canvas key={`${visible}:${webgl}`} ref={canvasRef} className={!decoded ? 'tile-canvas tile-canvas-waiting' : state === 'live' ? 'tile-canvas' : 'tile-canvas tile-canvas-stale'} />
      {cameraId ? (
        <div className="tile-overlay">
          <span className="tile-name">{camera?.name ?? cameraId}</span>
          <span className={`tile-state tile-state-${state}`} role="status">
            {t(`state.${state}`)}
          </span>
          {troubled ? (
            <div className="tile-trouble">
              {error && state !== 'stalled' ? <span className="tile-error" title={error.message}>{errorText}</span> : null}
              {decoded ? <span className="tile-age">{t('tile.lastFrame', { age: formatDuration(t, now - lastPaintAt) })}</span> : null}
              {retryIn !== undefined ? <span className="tile-retry">{t('tile.retryIn', { time: formatCountdown(retryIn) })}</span> : null}
            </div>
          ) : null}
        </div>
      ) : (
        <div className="tile-empty">{t('tile.empty')}</div>
      )}
    </div>
  );
}
