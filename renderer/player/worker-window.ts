/// <reference lib="webworker" />
/**
 * JSMpeg reads `window.performance`, `window.atob` and `window.WebAssembly`,
 * all of which a worker has on its own global: name that global `window` too
 * before JSMpeg's functions run. Nothing else of the page is pretended.
 */
const scope = globalThis as unknown as { window?: unknown };
scope.window ??= globalThis;
// A worker of a browser that lacks requestAnimationFrame (JSMpeg schedules its decoding with it)
// gets a 60 Hz timer instead.
const frames = globalThis as unknown as {
  requestAnimationFrame?: (callback: FrameRequestCallback) => number;
  cancelAnimationFrame?: (handle: number) => void;
};
if (typeof frames.requestAnimationFrame !== 'function') {
  frames.requestAnimationFrame = (callback) => setTimeout(() => callback(performance.now()), 16) as unknown as number;
  frames.cancelAnimationFrame = (handle) => clearTimeout(handle);
}
export {};
