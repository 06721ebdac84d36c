import type { StreamTransport } from '../../../shared/model';

/** What one ffmpeg process reads: a camera's RTSP profile, or a built-in demo picture. */
export type StreamSource =
  | {
      kind: 'rtsp';
      /** Full URL, credentials included: never log it, never put it in a command line. */
      url: string;
      /** auto (default): TCP first, UDP when the camera refuses TCP or sends nothing over it. */
      transport?: StreamTransport;
      /** What the camera file declares: only a hint for choosing a profile and an output size. */
      width?: number;
      height?: number;
      fps?: number;
    }
  | {
      kind: 'demo';
      label: string;
      pattern: 'testsrc2' | 'testsrc' | 'smptehdbars' | 'rgbtestsrc';
      width: number;
      height: number;
      fps: number;
    };
