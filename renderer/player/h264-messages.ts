/** What the tile and its native-picture worker (h264-worker.ts) say to each other. */
export type ToWorker = { type: 'open'; url: string; canvas: OffscreenCanvas } | { type: 'close' };

export type FromWorker =
  | { type: 'socket'; state: 'open' | 'closed' | 'refused'; detail?: string; code?: number }
  /** One picture painted, at the camera's own size. */
  | { type: 'painted'; width: number; height: number }
  | { type: 'error'; message: string };
