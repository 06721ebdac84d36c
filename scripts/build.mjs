// Builds everything `npm run build` promises: the Electron main process, the
// preload, the browser host (esbuild, CommonJS, Node 20) and the renderer (Vite).
import { build as esbuild } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { build as vite } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: { __PANTAU_VERSION__: JSON.stringify(version) },
  // Native or binary-carrying packages stay outside the bundle.
  external: ['electron', 'ffmpeg-static', 'bufferutil', 'utf-8-validate'],
};

const only = process.argv[2];
const jobs = [];
if (!only || only === 'node') {
  jobs.push(
    esbuild({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'out/main/index.cjs' }),
    // Sandboxed preloads may require only 'electron': everything else is bundled in.
    esbuild({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'out/preload/index.cjs' }),
    esbuild({ ...common, entryPoints: ['electron/core/host/cli.ts'], outfile: 'out/host/cli.cjs' }),
    // `npm run verify -- FOLDER`: the evidence checker, which needs none of the app's data.
    esbuild({ ...common, entryPoints: ['electron/core/evidence/verify-cli.ts'], outfile: 'out/host/verify.cjs' }),
  );
}
if (!only || only === 'renderer') jobs.push(vite({ configFile: 'vite.config.ts', logLevel: 'warn' }));
await Promise.all(jobs);
if (!only || only === 'node') {
  // SQLite's WebAssembly (the fleet database) is read from beside the bundle that loads it.
  for (const dir of ['out/main', 'out/host']) {
    mkdirSync(dir, { recursive: true });
    copyFileSync('node_modules/node-sqlite3-wasm/dist/node-sqlite3-wasm.wasm', `${dir}/node-sqlite3-wasm.wasm`);
  }
}
console.log(`built Pantau ${version}${only ? ` (${only})` : ''} into out/`);
