/**
 * The naive recipe most tutorials and JSMpeg's README show: one ffmpeg per
 * tile transcoding the camera's main stream at full size, a WebSocket relay
 * that forwards bytes as they come (no sharing, no GOP cache), and one
 * default (WebGL when available) JSMpeg player per tile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { WebSocketServer, WebSocket } from 'ws';

const require = createRequire(import.meta.url);

export interface NaiveWall {
  url: string;
  ffmpegPids(): number[];
  close(): Promise<void>;
}

export async function startNaiveWall(ffmpegPath: string, sources: string[]): Promise<NaiveWall> {
  // The package exports only its CJS/ESM entries; the browser build sits beside them.
  const jsmpeg = readFileSync(
    path.join(path.dirname(require.resolve('@cycjimmy/jsmpeg-player')), 'jsmpeg-player.umd.min.js'),
    'utf8',
  );
  const page = `<!doctype html><meta charset="utf-8"><style>body{margin:0;background:#000;display:grid;height:100vh;
grid-template-columns:repeat(${Math.ceil(Math.sqrt(sources.length))},1fr)}canvas{width:100%;height:100%;object-fit:contain;min-width:0;min-height:0}</style>
<body><script src="/jsmpeg.js"></script><script>
window.naive = { frames: {}, renderers: [] };
for (let i = 0; i < ${sources.length}; i++) {
  const canvas = document.body.appendChild(document.createElement('canvas'));
  const player = new JSMpeg.Player('ws://' + location.host + '/tile/' + i, { canvas, audio: false,
    onVideoDecode: () => { window.naive.frames[i] = (window.naive.frames[i] || 0) + 1; } });
  window.naive.renderers.push(player.renderer && player.renderer.gl ? 'webgl' : 'canvas2d');
}
</script>`;
  const processes: ChildProcess[] = [];
  const sockets = sources.map(() => new Set<WebSocket>());
  sources.forEach((source, i) => {
    // The JSMpeg README's command line, reading the camera's main stream.
    const child = spawn(
      ffmpegPath,
      [
        '-loglevel',
        'error',
        '-rtsp_transport',
        'tcp',
        '-i',
        source,
        '-f',
        'mpegts',
        '-codec:v',
        'mpeg1video',
        '-b:v',
        '1000k',
        '-bf',
        '0',
        '-an',
        'pipe:1',
      ],
      {
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    child.stdout!.on('data', (data: Buffer) =>
      sockets[i]!.forEach((ws) => ws.readyState === WebSocket.OPEN && ws.send(data)),
    );
    processes.push(child);
  });
  const server: Server = createServer((req, res) => {
    if (req.url === '/jsmpeg.js') res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(jsmpeg);
    else res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws, req) => {
    const index = Number(/\/tile\/(\d+)/.exec(req.url ?? '')?.[1]);
    sockets[index]?.add(ws);
    ws.on('close', () => sockets[index]?.delete(ws));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    ffmpegPids: () => processes.filter((p) => p.exitCode === null && p.pid).map((p) => p.pid!),
    close: async () => {
      processes.forEach((p) => p.kill('SIGKILL'));
      wss.clients.forEach((ws) => ws.terminate());
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
