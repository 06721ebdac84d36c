/**
 * Runs inside the wall page (added with addInitScript before the app loads):
 * counts decoded frames per tile, times first frames, and reads the source's
 * burnt-in timecode from the canvas at paint time.
 */
export interface ProbeState {
  frames: Record<number, number>;
  latencies: number[];
  /** The tile/camera being timed for first frame, and when it was assigned. */
  waiting: { tile: number; cameraId: string; t0: number } | null;
  firstFrameMs: number | null;
  readTimecode: boolean;
  store: unknown;
  onDecode: (cameraId: string, tile: number, canvas: HTMLCanvasElement | null) => void;
}

export function installProbe(): void {
  const BITS = 24;
  const probe: ProbeState = {
    frames: {},
    latencies: [],
    waiting: null,
    firstFrameMs: null,
    readTimecode: false,
    store: undefined,
    onDecode(cameraId, tile, canvas) {
      probe.frames[tile] = (probe.frames[tile] ?? 0) + 1;
      // The native path paints in a worker: the page counts its pictures but cannot read them.
      if (!canvas) return;
      const context = canvas.getContext('2d');
      if (!context) return;
      const w = canvas.width;
      if (probe.waiting && probe.waiting.tile === tile && probe.waiting.cameraId === cameraId) {
        // A painted picture, not a blank canvas: some sampled pixels differ.
        const data = context.getImageData(0, 0, w, canvas.height).data;
        let painted = false;
        for (let i = 0; i < data.length && !painted; i += 4 * 97) painted = Math.abs(data[i]! - data[0]!) > 32;
        if (painted) {
          probe.firstFrameMs = performance.now() - probe.waiting.t0;
          probe.waiting = null;
        }
      }
      if (probe.readTimecode) {
        const block = w / 40;
        const line = context.getImageData(0, Math.round(block * 1.5), w, 1).data;
        let code = 0;
        for (let i = 0; i < BITS; i++) {
          const x = Math.round((i + 1.5) * block);
          code = code * 2 + (line[x * 4]! > 128 ? 1 : 0);
        }
        const now = Date.now();
        const modulus = 2 ** BITS;
        const latency = (((now - code) % modulus) + modulus) % modulus;
        if (latency < 10_000) probe.latencies.push(latency);
      }
    },
  };
  (window as unknown as { __pantauBench: ProbeState }).__pantauBench = probe;
}
