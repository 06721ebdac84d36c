/** The parts of @cycjimmy/jsmpeg-player that Pantau uses (the package ships no types). */
declare module '@cycjimmy/jsmpeg-player' {
  export interface JSMpegDestination {
    write(data: ArrayBuffer): void;
  }
  export interface JSMpegSource {
    streaming: boolean;
    established: boolean;
    progress: number;
    connect(destination: JSMpegDestination): void;
    start(): void;
    resume(secondsHeadroom: number): void;
    destroy(): void;
  }
  export interface JSMpegPlayerOptions {
    canvas?: HTMLCanvasElement;
    source?: new (url: string, options: JSMpegPlayerOptions) => JSMpegSource;
    audio?: boolean;
    video?: boolean;
    disableGl?: boolean;
    disableWebAssembly?: boolean;
    preserveDrawingBuffer?: boolean;
    pauseWhenHidden?: boolean;
    videoBufferSize?: number;
    decodeFirstFrame?: boolean;
    onVideoDecode?: (decoder: unknown, time: number) => void;
    onSourceEstablished?: (source: JSMpegSource) => void;
    hookOnEstablished?: () => void;
    [key: string]: unknown;
  }
  export class Player {
    constructor(url: string, options: JSMpegPlayerOptions);
    /** The source the player reads (an instance of options.source). */
    source: JSMpegSource;
    destroy(): void;
    play(): void;
    pause(): void;
  }
  /** JSMpeg's MPEG-TS demuxer: what a source writes into; it hands each whole PES to its destination. */
  export class TsDemuxer implements JSMpegDestination {
    constructor(options: JSMpegPlayerOptions);
    connect(streamId: number, destination: { write(pts: number, buffers: Uint8Array[]): void }): void;
    write(data: ArrayBuffer): void;
  }
  const JSMpeg: {
    Player: typeof Player;
    Demuxer: { TS: typeof TsDemuxer & { STREAM: { VIDEO_1: number } } };
    Renderer: { WebGL: { IsSupported: () => boolean } };
  };
  export default JSMpeg;
}
