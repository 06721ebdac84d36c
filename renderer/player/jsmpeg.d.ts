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
    destroy(): void;
    play(): void;
    pause(): void;
  }
  const JSMpeg: { Player: typeof Player };
  export default JSMpeg;
}
