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
  /** …with a hardware decoder (a GPU's video engine): what makes the native path the cheaper one for a whole wall. */
  hardware: boolean;
}

/**
 * The path for one tile: undefined while the browser's support is unknown
 * (the tile waits a moment rather than open a stream twice). `auto` takes the
 * native path for a whole wall only with a hardware decoder: measured on two
 * cores without one, by the pictures each tile painted (docs/benchmarks.md,
 * 2026-12-02T12), the browser's software decoding and drawing painted 15–18 of
 * 25 pictures a second in each of 9 tiles at 156 % of a core, where MPEG-1 held
 * all 9 at 25 with the browser at 115 % and ffmpeg at 34 %. A maximised tile
 * takes it whenever the browser decodes H.264: one picture at the camera's own
 * resolution (MPEG-1 stops at 1280×720) is what maximising is for — a 1080p main
 * holds 25 fps that way here. So does a tile on economy (issue #23): its key
 * pictures are then the camera's own, copied — ffmpeg transcodes nothing for it,
 * and the browser decodes one picture a GOP off the main thread. A camera the
 * native path cannot take (H.265, MJPEG, an H.264 the browser's decoder
 * refuses) stays on MPEG-1.
 */
export function videoPathFor(
  choice: DecoderChoice,
  supported: H264Support | undefined,
  cameraRefusedNative: boolean,
  maximised = false,
  economy = false,
): VideoPath | undefined {
  if (choice === 'mpeg1' || cameraRefusedNative) return 'mpeg1';
  if (supported === undefined) return undefined;
  const native = choice === 'native' || maximised || economy ? supported.decodes : supported.hardware;
  return native ? 'h264' : 'mpeg1';
}
