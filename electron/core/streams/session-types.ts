/** What a stream session is given and what it leaves behind (stream-session.ts). */
import type { ErrorCode } from '../../../shared/errors';
import type { RtpTransport, StreamState, StreamStatus } from '../../../shared/model';
import type { Logger } from '../log';
import type { OutputOptions, VideoPath } from './ffmpeg-args';
import type { HealthTiming } from './health-policy';
import type { TsChunk } from './mpegts';
import type { RedirectVerdict } from './redirect-guard';
import type { Spawner } from './spawn-guarded';
import type { StreamSource } from './stream-source';

export interface StreamSubscriber {
  /** Called with whole TS packets; `gopStart` chunks can be decoded on their own. */
  write(chunk: TsChunk): void;
  /** The stream ended for good: its camera was edited (open it again) or removed. */
  end?(reason: 'changed' | 'removed'): void;
  /**
   * A new ffmpeg replaces the old one (a restart, a bigger box): whatever part
   * of a picture the subscriber holds will never be finished. The next chunk
   * it gets begins the new stream.
   */
  discontinuity?(): void;
}

/**
 * What a retired session leaves for the next one of the same camera: a
 * wrong-password camera keeps its back-off through a layout switch, a tour or
 * a page reload, so it is not asked to log in again every few seconds.
 */
export interface SessionMemory {
  state: StreamState;
  error: { code: ErrorCode; message: string } | undefined;
  retryAt: number;
  failures: number;
  lastFailure: ErrorCode | undefined;
  reconnects: number;
}

export interface SessionOptions {
  cameraId: string;
  profile: string;
  source: StreamSource;
  ffmpegPath: string;
  logger: Logger;
  timing?: Partial<HealthTiming>;
  /** The box the picture is scaled into; grows with requestOutput. */
  output?: OutputOptions;
  /** MPEG-1 for JSMpeg (default), or the camera's own H.264 for the page's decoder. */
  video?: VideoPath;
  /** Upper bound of the joiner cache when no GOP start comes. */
  maxCacheBytes?: number;
  onStatus?: (status: StreamStatus) => void;
  /** The transport that last worked for this camera (auto mode starts with it). */
  transport?: RtpTransport;
  onTransportWorked?: (transport: RtpTransport) => void;
  /** Left by the previous session of this camera profile: honoured until its retryAt. */
  resume?: SessionMemory | undefined;
  spawn?: Spawner;
  /** Asks the camera where its stream is before ffmpeg gets the password (redirect-guard.ts); none: ffmpeg goes straight. */
  checkRedirect?: (url: string) => Promise<RedirectVerdict>;
  /** Whether the camera answers RTSP again (injected in tests). */
  answersRtsp?: (url: string) => Promise<boolean>;
  now?: () => number;
  random?: () => number;
}
