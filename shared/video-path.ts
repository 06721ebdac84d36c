/**
 * Which path a tile's picture takes (pure; renderer/player/decoder-choice.ts
 * asks the browser and calls it): the camera's own H.264 decoded by the
 * browser ("native", issue #13), or MPEG-1 transcoded by ffmpeg for JSMpeg.
 */
export type DecoderChoice = 'auto' | 'native' | 'mpeg1';
export type VideoPath = 'mpeg1' | 'h264';

export interface H264Support {
  /** The browser decodes H.264 at all (WebCodecs and OffscreenCanvas; Chromium and Electron do). */
  decodes: boolean;
}

/**
 * The path for one tile: undefined while the browser's support is unknown
 * (the tile waits a moment rather than open a stream twice). `auto` takes the
 * native path wherever the browser decodes H.264, hardware decoder or not:
 * measured on two cores without a GPU, on cameras that cost the machine nothing,
 * the browser's own decoding held 25 tiles where the transcode (ffmpeg decodes
 * and encodes MPEG-1, JSMpeg decodes again) held at most 9 (docs/benchmarks.md,
 * 2026-12-02; docs/decisions.md). A camera the native path cannot take (H.265,
 * MJPEG, an H.264 the browser's decoder refuses) stays on MPEG-1.
 */
export function videoPathFor(
  choice: DecoderChoice,
  supported: H264Support | undefined,
  cameraRefusedNative: boolean,
): VideoPath | undefined {
  if (choice === 'mpeg1' || cameraRefusedNative) return 'mpeg1';
  if (supported === undefined) return undefined;
  return supported.decodes ? 'h264' : 'mpeg1';
}
