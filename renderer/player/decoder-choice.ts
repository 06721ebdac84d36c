/**
 * Which path a tile's picture takes: the camera's own H.264 decoded by the
 * browser in a worker ("native", issue #13), or MPEG-1 transcoded by ffmpeg
 * and decoded by JSMpeg. `?decoder=native|mpeg1|auto` on the wall's link,
 * remembered. Native needs WebCodecs and OffscreenCanvas; a camera whose codec
 * the browser cannot take (H.265 on most machines, MJPEG) stays on MPEG-1.
 */
import { useEffect, useState } from 'react';
import { canDecodeH264 } from './native-player';

export type DecoderChoice = 'auto' | 'native' | 'mpeg1';
export type VideoPath = 'mpeg1' | 'h264';

/** What `auto` means until the benchmark says otherwise (docs/benchmarks.md, docs/decisions.md). */
const AUTO_IS_NATIVE = false;

export function initialDecoder(): DecoderChoice {
  const asked = new URLSearchParams(location.search).get('decoder');
  if (asked === 'native' || asked === 'mpeg1' || asked === 'auto') localStorage.setItem('pantau.decoder', asked);
  const saved = localStorage.getItem('pantau.decoder');
  return saved === 'native' || saved === 'mpeg1' ? saved : 'auto';
}

let support: Promise<boolean> | undefined;

/** Whether this browser decodes H.264 itself: undefined while it is being asked. */
export function useNativeSupport(): boolean | undefined {
  const [supported, setSupported] = useState<boolean>();
  useEffect(() => {
    let current = true;
    support ??= canDecodeH264();
    void support.then((answer) => current && setSupported(answer));
    return () => {
      current = false;
    };
  }, []);
  return supported;
}

/**
 * The path for one tile: undefined while the browser's support is unknown
 * (the tile waits a moment rather than open a stream twice).
 */
export function videoPathFor(
  choice: DecoderChoice,
  supported: boolean | undefined,
  cameraRefusedNative: boolean,
): VideoPath | undefined {
  const wantsNative = choice === 'native' || (choice === 'auto' && AUTO_IS_NATIVE);
  if (!wantsNative || cameraRefusedNative) return 'mpeg1';
  if (supported === undefined) return undefined;
  return supported ? 'h264' : 'mpeg1';
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
