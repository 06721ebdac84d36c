/**
 * One tile owns one player: a single effect opens the stream, creates the
 * player on the tile's canvas — JSMpeg for MPEG-1 (in a worker of the pool, or
 * on the page's thread where the browser cannot hand a canvas to a worker), or
 * a native worker of the pool for the camera's own H.264 — and destroys both when the camera, the output box,
 * the path or the visibility changes. What it reports is what only the tile
 * can know: the profile it got, when it last painted, whether its socket is up.
 */
import type { ViewerRate } from '../../shared/api';
import type { PantauError } from '../../shared/errors';
import JSMpeg, { type Player } from '@cycjimmy/jsmpeg-player';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { refuseNative, type VideoPath } from '../player/decoder-choice';
import { openMpeg1InWorker } from '../player/mpeg1-pool';
import { openNativeInWorker } from '../player/native-player';
import { countPainted } from '../player/paint-counter';
import { releaseWebGL } from '../player/rendering';
import { tilePlayerOptions } from '../player/jsmpeg-options';
import { relaySourceOf } from '../player/relay-source';
import { useStore } from '../store';

export interface TilePlayer {
  profile: string | undefined;
  lastPaintAt: number | undefined;
  socketUp: boolean;
  socketOpens: number;
  openError: PantauError | undefined;
}

export interface TilePlayerInput {
  cameraId: string | null;
  index: number;
  canvasRef: RefObject<HTMLCanvasElement | null>;
  /** The tile's size in device pixels when the player opens. */
  size: { width: number; height: number };
  /** Hidden or off-screen tiles decode nothing. */
  visible: boolean;
  webgl: boolean;
  /** MPEG-1 decoded in a worker (mpeg1-pool.ts) rather than on the page's thread. */
  mpeg1Worker: boolean;
  /** Changes only when the tile needs another profile or output box: the player re-opens then. */
  want: string;
  /** Undefined while the browser's support for the native path is being asked: nothing opens yet. */
  video: VideoPath | undefined;
  /**
   * Every picture, or key pictures only (economy). A change is said on the open socket: the
   * player does not re-open, so the camera's stream is not restarted for it.
   */
  rate: ViewerRate;
}

export function useTilePlayer({
  cameraId,
  index,
  canvasRef,
  size,
  visible,
  webgl,
  mpeg1Worker,
  want,
  video,
  rate,
}: TilePlayerInput): TilePlayer {
  const api = useStore((s) => s.api);
  const [profile, setProfile] = useState<string>();
  const [lastPaintAt, setLastPaintAt] = useState<number>();
  const [socketUp, setSocketUp] = useState(false);
  const [socketOpens, setSocketOpens] = useState(0);
  const [openError, setOpenError] = useState<PantauError>();
  // Bumped when the browser's decoder refuses the camera's H.264: the tile renders again and finds it refused.
  const [, setRefusals] = useState(0);
  const sizeRef = useRef(size);
  sizeRef.current = size;
  const rateRef = useRef(rate);
  rateRef.current = rate;
  /** How the open player's rate is changed, whichever path it is on. */
  const setRateRef = useRef<(rate: ViewerRate) => void>(() => undefined);

  useEffect(() => {
    const canvas = canvasRef.current;
    // A hidden wall or an off-screen tile decodes nothing: the socket closes,
    // the core lingers, and coming back is a warm start from the GOP cache.
    if (!api || !cameraId || !canvas || !visible || !want || !video) return;
    let player: Player | { destroy(): void } | undefined;
    let cancelled = false;
    let paintedAt = 0;
    setLastPaintAt(undefined);
    setOpenError(undefined);
    const { width, height } = sizeRef.current;
    const openedAt = rateRef.current;
    void api
      .invoke('stream:open', {
        cameraId,
        tileWidth: Math.max(1, width),
        tileHeight: Math.max(1, height),
        video,
        rate: openedAt,
      })
      .then((opened) => {
        if (cancelled) return;
        if (!opened.ok) {
          setOpenError(opened.error);
          return;
        }
        setProfile(opened.value.profile);
        const painted = (pictures = 1) => {
          countPainted(index, pictures);
          // At most a few renders a second, not one per frame.
          const at = Date.now();
          if (at - paintedAt > 500) {
            paintedAt = at;
            setLastPaintAt(at);
          }
        };
        const onSocket = (state: string, detail?: string, code?: number) => {
          setSocketUp(state === 'open');
          if (state === 'open') setSocketOpens((n) => n + 1);
          if (state === 'refused')
            setOpenError({ code: code === 4429 ? 'stream-limit' : 'camera-not-found', message: detail ?? '' });
        };
        // In a worker, pictures are reported a few times a second (the first at once).
        const inWorker = {
          onSocket,
          onUndecodable: () => {
            refuseNative(cameraId);
            setRefusals((n) => n + 1);
          },
          onPainted: (pictures: number) => {
            for (let i = 0; i < pictures; i++) window.__pantauBench?.onDecode?.(cameraId, index, null);
            painted(pictures);
          },
        };
        if (video === 'h264' || mpeg1Worker) {
          const pooled =
            video === 'h264'
              ? openNativeInWorker(opened.value.url, canvas, inWorker)
              : openMpeg1InWorker(opened.value.url, canvas, webgl, inWorker);
          player = pooled;
          setRateRef.current = (next) => pooled.setRate(next);
        } else {
          const jsmpeg = new JSMpeg.Player(
            opened.value.url,
            tilePlayerOptions(
              canvas,
              webgl,
              () => {
                window.__pantauBench?.onDecode?.(cameraId, index, canvas);
                painted();
              },
              { onSocket },
            ),
          );
          player = jsmpeg;
          setRateRef.current = (next) => relaySourceOf(jsmpeg)?.setRate(next);
        }
        // The mode may have changed while the stream was being opened.
        if (rateRef.current !== openedAt) setRateRef.current(rateRef.current);
      });
    return () => {
      cancelled = true;
      setRateRef.current = () => undefined;
      try {
        player?.destroy();
      } catch (error) {
        // Closing must not take the wall down with it (TileBoundary would catch it, but
        // the other tiles need not start again for this one).
        console.error(`tile ${index + 1}: its player could not be closed`, error);
      }
      if (webgl && video !== 'h264' && !mpeg1Worker) releaseWebGL(canvas);
      setProfile(undefined);
      setSocketUp(false);
    };
    // The rate is not here: a change of it is said on the open socket (below), never a new stream.
  }, [api, cameraId, index, visible, webgl, mpeg1Worker, want, video, canvasRef]);

  useEffect(() => setRateRef.current(rate), [rate]);

  return { profile, lastPaintAt, socketUp, socketOpens, openError };
}
