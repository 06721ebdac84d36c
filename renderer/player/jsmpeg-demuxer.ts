/**
 * Where the relay's stream breaks off, JSMpeg's TS demuxer must forget the
 * picture it was gathering: completed by the next stream's first packet it
 * would reach the decoder truncated (relay-source.ts says when).
 */
import type { JSMpegDestination } from '@cycjimmy/jsmpeg-player';
/** What JSMpeg's TS demuxer holds between packets (its own fields; checked, not assumed). */
interface TsDemuxerState {
  leftoverBytes: unknown;
  pesPacketInfo: Record<string, { currentLength: number; totalLength: number; buffers: unknown[] }>;
}

/** Forgets the demuxer's partial packet and every unfinished PES (picture) without decoding them. */
export function dropUnfinishedPicture(destination: JSMpegDestination | undefined): void {
  const demuxer = destination as Partial<TsDemuxerState> | undefined;
  if (!demuxer?.pesPacketInfo) {
    // A JSMpeg whose demuxer changed shape: say so loudly (the tests fail on it).
    console.error('JSMpeg demuxer without pesPacketInfo: cannot drop an unfinished picture');
    return;
  }
  demuxer.leftoverBytes = null;
  for (const info of Object.values(demuxer.pesPacketInfo)) {
    info.currentLength = 0;
    info.totalLength = 0;
    info.buffers = [];
  }
}
