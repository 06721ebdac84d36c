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
  /** …with a hardware decoder (a GPU's video engine): what makes the native path the cheaper one. */
  hardware: boolean;
}

/**
 * The path for one tile: undefined while the browser's support is unknown
 * (the tile waits a moment rather than open a stream twice). `auto` takes the
 * native path for the whole wall only with a hardware decoder: measured on two
 * cores without one, the browser's software H.264 decoding cost more than
 * ffmpeg's transcode plus JSMpeg (docs/benchmarks.md, docs/decisions.md). A
 * maximised tile takes it whenever the browser decodes H.264: one picture, at
 * the camera's own resolution (MPEG-1 stops at 1280×720), is what maximising is for.
 * So does a tile on economy (issue #23) whenever the browser decodes H.264: its
 * key pictures are then the camera's own, copied — ffmpeg transcodes nothing
 * for it, and the browser decodes one picture a GOP off the main thread. (The
 * MPEG-1 session it leaves ends after its linger: no lasting extra connection.)
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
