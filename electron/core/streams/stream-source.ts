/** What one ffmpeg process reads: a camera's RTSP profile, or a built-in demo picture. */
export type StreamSource =
  | {
      kind: 'rtsp';
      /** Full URL, credentials included: never log it, use `redact`. */
      url: string;
      transport?: 'tcp' | 'udp';
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
