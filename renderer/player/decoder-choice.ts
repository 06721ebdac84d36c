/**
 * Which path a tile's picture takes: the camera's own H.264 decoded by the
 * browser in a worker ("native", issue #13), or MPEG-1 transcoded by ffmpeg
 * and decoded by JSMpeg. `?decoder=native|mpeg1|auto` on the wall's link,
 * remembered. Native needs WebCodecs and OffscreenCanvas; a camera whose codec
 * the browser cannot take (H.265 on most machines, MJPEG) stays on MPEG-1.
 */
import { useEffect, useState } from 'react';
import { h264Support, type H264Support } from './native-player';

export type DecoderChoice = 'auto' | 'native' | 'mpeg1';
export type VideoPath = 'mpeg1' | 'h264';

export function initialDecoder(): DecoderChoice {
  const asked = new URLSearchParams(location.search).get('decoder');
  if (asked === 'native' || asked === 'mpeg1' || asked === 'auto') localStorage.setItem('pantau.decoder', asked);
  const saved = localStorage.getItem('pantau.decoder');
  return saved === 'native' || saved === 'mpeg1' ? saved : 'auto';
}

let support: Promise<H264Support> | undefined;

/** Whether (and how) this browser decodes H.264 itself: undefined while it is being asked. */
export function useNativeSupport(): H264Support | undefined {
  const [supported, setSupported] = useState<H264Support>();
  useEffect(() => {
    let current = true;
    support ??= h264Support();
    void support.then((answer) => current && setSupported(answer));
    return () => {
      current = false;
    };
  }, []);
  return supported;
}

/**
 * The path for one tile: undefined while the browser's support is unknown
 * (the tile waits a moment rather than open a stream twice). `auto` takes the
 * native path only with a hardware decoder: measured on two cores without one,
 * the browser's software H.264 decoding cost more than ffmpeg's transcode plus
 * JSMpeg (docs/benchmarks.md, docs/decisions.md).
 */
export function videoPathFor(
  choice: DecoderChoice,
  supported: H264Support | undefined,
  cameraRefusedNative: boolean,
): VideoPath | undefined {
  if (choice === 'mpeg1' || cameraRefusedNative) return 'mpeg1';
  if (supported === undefined) return undefined;
  const native = choice === 'native' ? supported.decodes : supported.hardware;
  return native ? 'h264' : 'mpeg1';
}

/**
 * Cameras the native path refused this session (their codec is not H.264): they
 * stay on MPEG-1, although the MPEG-1 session's status then replaces the refusal.
 */
const refused = new Set<string>();

export function nativeRefused(cameraId: string | null, refusedNow: boolean): boolean {
  if (!cameraId) return false;
  if (refusedNow) refused.add(cameraId);
  return refused.has(cameraId);
}
