/**
 * Which path a tile's picture takes: the camera's own H.264 decoded by the
 * browser in a worker ("native", issue #13), or MPEG-1 transcoded by ffmpeg
 * and decoded by JSMpeg. `?decoder=native|mpeg1|auto` on the wall's link,
 * remembered. Native needs WebCodecs and OffscreenCanvas; a camera whose codec
 * the browser cannot take (H.265 on most machines, MJPEG) stays on MPEG-1.
 */
import { useEffect, useState } from 'react';
import type { DecoderChoice, H264Support } from '../../shared/video-path';
import { h264Support } from './native-player';

export { videoPathFor, type DecoderChoice, type VideoPath } from '../../shared/video-path';

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
 * Cameras the native path refused this session (their codec is not H.264, or the
 * browser's decoder would not take their H.264): they stay on MPEG-1, although
 * the MPEG-1 session's status then replaces the refusal.
 */
const refused = new Set<string>();

export function nativeRefused(cameraId: string | null, refusedNow: boolean): boolean {
  if (!cameraId) return false;
  if (refusedNow) refuseNative(cameraId);
  return refused.has(cameraId);
}

/** The browser's decoder would not take this camera's H.264 (decode-trouble.ts): MPEG-1 for the session. */
export function refuseNative(cameraId: string): void {
  refused.add(cameraId);
}
