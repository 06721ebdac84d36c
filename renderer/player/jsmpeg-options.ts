/**
 * How every tile's JSMpeg player is set up, on the page's thread or in a
 * worker: video only, read from the relay by our `RelaySource`, never paused
 * by the page's visibility (the tile closes its player itself), and a buffer
 * big enough for a 720p key picture.
 */
import type { JSMpegPlayerOptions } from '@cycjimmy/jsmpeg-player';
import { RelaySource, type RelaySourceEvents } from './relay-source';

export function tilePlayerOptions(
  canvas: HTMLCanvasElement | OffscreenCanvas,
  webgl: boolean,
  onPicture: () => void,
  relayEvents: RelaySourceEvents,
): JSMpegPlayerOptions {
  return {
    // JSMpeg draws on either kind of canvas alike; its types know only the page's.
    canvas: canvas as HTMLCanvasElement,
    source: RelaySource,
    audio: false,
    disableGl: !webgl,
    pauseWhenHidden: false,
    videoBufferSize: 2 * 1024 * 1024,
    onVideoDecode: onPicture,
    relayEvents,
  };
}
