/**
 * Runs inside the wall page (added with addInitScript before the app loads):
 * counts the pictures each tile painted and times first pictures. Latency is
 * read off screenshots instead (glass.ts): what is painted, not what is decoded.
 */
export interface ProbeState {
  frames: Record<number, number>;
  /** The tile/camera being timed for first frame, and when it was assigned. */
  waiting: { tile: number; cameraId: string; t0: number } | null;
  firstFrameMs: number | null;
  store: unknown;
  /** `canvas`: the tile's canvas where the page paints it; null where a worker does (it reports painted pictures). */
  onDecode: (cameraId: string, tile: number, canvas: HTMLCanvasElement | null) => void;
}

export function installProbe(): void {
  const probe: ProbeState = {
    frames: {},
    waiting: null,
    firstFrameMs: null,
    store: undefined,
    onDecode(cameraId, tile, canvas) {
      probe.frames[tile] = (probe.frames[tile] ?? 0) + 1;
      if (!probe.waiting || probe.waiting.tile !== tile || probe.waiting.cameraId !== cameraId) return;
      if (canvas) {
        // Painted on the page: a picture, not a blank canvas, once some sampled pixels differ.
        const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = false;
        for (let i = 0; data && i < data.length && !painted; i += 4 * 97) painted = Math.abs(data[i]! - data[0]!) > 32;
        if (!painted) return;
      }
      probe.firstFrameMs = performance.now() - probe.waiting.t0;
      probe.waiting = null;
    },
  };
  (window as unknown as { __pantauBench: ProbeState }).__pantauBench = probe;
}
