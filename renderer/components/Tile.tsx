/**
 * One tile owns one player: a single effect opens the stream, creates the
 * JSMpeg player on the tile's canvas and destroys both when the camera or the
 * tile goes. The overlay tells the truth: "live" only once this tile has
 * decoded a frame and the core reports the stream live.
 */
import JSMpeg, { type Player } from '@cycjimmy/jsmpeg-player';
import { useEffect, useRef, useState } from 'react';
import type { StreamState } from '../../shared/model';
import type { MessageKey } from '../i18n';
import { RelaySource } from '../player/relay-source';
import { statusKey, useStore, useTranslate } from '../store';

type TileState = StreamState | 'empty';

interface TileProps {
  index: number;
  cameraId: string | null;
}

export function Tile({ index, cameraId }: TileProps) {
  const t = useTranslate();
  const api = useStore((s) => s.api);
  const camera = useStore((s) => s.cameras.find((c) => c.id === cameraId));
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [profile, setProfile] = useState<string>();
  const [decoded, setDecoded] = useState(false);
  const [socketUp, setSocketUp] = useState(false);
  const [openError, setOpenError] = useState<{ code: string; message: string }>();
  const status = useStore((s) => (cameraId && profile ? s.statuses[statusKey(cameraId, profile)] : undefined));

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!api || !cameraId || !canvas) return;
    let player: Player | undefined;
    let cancelled = false;
    setDecoded(false);
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
          // Canvas2D: browsers cap WebGL contexts (~16 per page) and a 4×4 wall
          // plus a maximised tile would lose some; see docs/decisions.md.
          disableGl: true,
          pauseWhenHidden: false,
          videoBufferSize: 2 * 1024 * 1024,
          onVideoDecode: () => setDecoded(true),
          relayEvents: {
            onSocket: (state: string, detail?: string) => {
              setSocketUp(state === 'open');
              if (state === 'refused') setOpenError({ code: 'camera-not-found', message: detail ?? '' });
            },
          },
        });
      });
    return () => {
      cancelled = true;
      player?.destroy();
      setProfile(undefined);
      setSocketUp(false);
    };
  }, [api, cameraId]);

  // decoded stays true after the first frame; core status and socket decide the rest.
  let state: TileState;
  if (!cameraId) state = 'empty';
  else if (openError || status?.state === 'error') state = 'error';
  else if (decoded && socketUp && status?.state === 'live') state = 'live';
  else state = 'connecting';

  const error = openError ?? status?.error;
  const errorKey = error ? (`error.${error.code}` as MessageKey) : undefined;
  const errorText = errorKey && t(errorKey) !== errorKey ? t(errorKey) : t('error.generic');

  return (
    <div className="tile" data-tile-index={index} data-camera-id={cameraId ?? ''} data-state={state} aria-label={camera?.name ?? t('tile.empty')}>
      <canvas ref={canvasRef} className={decoded ? 'tile-canvas' : 'tile-canvas tile-canvas-waiting'} />
      {cameraId ? (
        <div className="tile-overlay">
          <span className="tile-name">{camera?.name ?? cameraId}</span>
          <span className={`tile-state tile-state-${state}`} role="status">
            {t(`state.${state === 'empty' ? 'idle' : state}`)}
          </span>
          {state === 'error' && error ? (
            <span className="tile-error" title={error.message}>
              {errorText}
            </span>
          ) : null}
        </div>
      ) : (
        <div className="tile-empty">{t('tile.empty')}</div>
      )}
    </div>
  );
}
