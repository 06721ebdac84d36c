import { defineConfig } from 'vite';

// The renderer only. Main, preload and the browser host are bundled by
// esbuild (scripts/build.mjs): see docs/decisions.md for why.
export default defineConfig({
  root: 'renderer',
  base: './', // Electron loads it from file://
  publicDir: '../resources/icons',
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // JSMpeg inlines its WASM decoder; a single chunk is fine for a desktop app.
    chunkSizeWarningLimit: 1500,
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
