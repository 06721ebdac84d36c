/**
 * `npm run bench -- --parts prebuffer`: what the evidence pre-buffer (issue #15)
 * costs. 16 replayed cameras (GStreamer's server replaying an H.264 file: no
 * encoder, nothing on this machine costs but the copy) on a wall of one core
 * (`openPantau` in this process, one native-path viewer per camera), side by side: the
 * wall's ffmpeg CPU without pre-buffers, then with 30 s pre-buffers — their
 * own ffmpeg CPU and memory, and the temp folder they fill — and how long
 * "save the last 30 s" takes. Stops with an error when a figure cannot be had.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openCoreWith } from '../integration/open-core';
import { childrenOf, waitFor } from '../fixtures/processes';
import { replayClip } from '../fixtures/replay-clip';
import { startRtspServer } from '../fixtures/rtsp-server';
import { measure, type Usage } from './proc';

const CAMERAS = 16;
const MEASURE_S = 10;
const context = { relayBase: 'ws://127.0.0.1:9' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PrebufferResult {
  cameras: number;
  wallOnly: Usage;
  withBuffers: { wall: Usage; buffers: Usage; tempMiB: number };
  save: { ms: number; seconds: number; mib: number };
}

function folderMiB(dir: string): number {
  let bytes = 0;
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const info = statSync(path.join(dir, name), { throwIfNoEntry: false });
    if (info?.isFile()) bytes += info.size;
  }
  return Math.round((bytes / 2 ** 20) * 10) / 10;
}

export async function prebufferPart(log: (line: string) => void): Promise<PrebufferResult> {
  const server = await startRtspServer([{ name: 'rep', width: 640, height: 360, flags: `replay=${replayClip(600)}` }], {
    copies: CAMERAS,
  });
  const ids = Array.from({ length: CAMERAS }, (_, i) => `replay-${i + 1}`);
  const { core, evidenceDir } = await openCoreWith(
    ids.map((id, i) => ({ id, name: id, streams: [{ profile: 'main', url: server.url(`rep/${i + 1}`) }] })),
  );
  const ffmpegs = (segments: boolean) => () =>
    childrenOf()
      .filter((p) => p.args.some((a) => a.includes('ffmpeg')))
      .filter((p) => p.args.includes('segment') === segments)
      .map((p) => p.pid);
  try {
    await core.handlers['evidence:configure']({ preBufferSec: 0, operator: 'bench' }, context);
    // The wall on the native path (the camera's H.264 copied to the page): its ffmpeg costs little,
    // so what the pre-buffer adds is not lost in sixteen transcodes.
    for (const id of ids) core.hub.subscribe(id, 'main', { write: () => undefined }, undefined, 'h264');
    log(`prebuffer: ${CAMERAS} replayed cameras on the wall, no pre-buffer`);
    const liveCount = () => core.hub.statuses().filter((s) => s.state === 'live').length;
    await waitFor(() => liveCount() === CAMERAS, 30_000);
    const live = liveCount();
    if (live < CAMERAS) throw new Error(`only ${live} of ${CAMERAS} cameras went live`);
    const wallOnly = (await measure({ wall: ffmpegs(false) }, MEASURE_S)).wall!;

    await core.handlers['evidence:configure']({ preBufferSec: 30 }, context);
    log('prebuffer: 30 s pre-buffers on, filling for 35 s');
    await sleep(35_000);
    const buffered = core.evidence.bufferedCameras().length;
    if (buffered < CAMERAS) throw new Error(`only ${buffered} of ${CAMERAS} pre-buffers started`);
    const both = await measure({ wall: ffmpegs(false), buffers: ffmpegs(true) }, MEASURE_S);
    const tempRoot = readdirSync(tmpdir()).find((n) => n.startsWith(`pantau-prebuffer-${process.pid}-`));
    if (!tempRoot) throw new Error('the pre-buffer folder was not found');
    const tempMiB = folderMiB(path.join(tmpdir(), tempRoot));

    const started = Date.now();
    const saved = await core.handlers['evidence:save']({ cameraId: ids[0]!, seconds: 30 }, context);
    const ms = Date.now() - started;
    const clip = path.join(evidenceDir, saved.folder, saved.manifest.files[0]!.name);
    const seconds = Number(
      execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', clip]).toString(),
    );
    if (!Number.isFinite(seconds)) throw new Error('the saved clip has no duration ffprobe can read');
    return {
      cameras: CAMERAS,
      wallOnly,
      withBuffers: { wall: both.wall!, buffers: both.buffers!, tempMiB },
      save: { ms, seconds: Math.round(seconds * 10) / 10, mib: Math.round((statSync(clip).size / 2 ** 20) * 10) / 10 },
    };
  } finally {
    await core.dispose();
    await server.stop();
  }
}

export function prebufferReport(r: PrebufferResult): string[] {
  const per = (v: number) => Math.round((v / r.cameras) * 100) / 100;
  return [
    `## Evidence pre-buffer (${r.cameras} replayed 640×360 H.264 cameras, 30 s each)`,
    '',
    '| | wall ffmpeg CPU (% of a core) | wall ffmpeg memory (RSS) | pre-buffer ffmpeg CPU | pre-buffer memory (RSS) | temp folder |',
    '| --- | --- | --- | --- | --- | --- |',
    `| no pre-buffer | ${r.wallOnly.cpuPercent} | ${r.wallOnly.rssMiB} MiB | — | — | — |`,
    `| 30 s pre-buffers | ${r.withBuffers.wall.cpuPercent} | ${r.withBuffers.wall.rssMiB} MiB | ${r.withBuffers.buffers.cpuPercent} (${per(r.withBuffers.buffers.cpuPercent)} per camera) | ${r.withBuffers.buffers.rssMiB} MiB (${per(r.withBuffers.buffers.rssMiB)} per camera) | ${r.withBuffers.tempMiB} MiB |`,
    '',
    `"Save the last 30 s": ${r.save.ms} ms from the press to a signed export (${r.save.seconds} s, ${r.save.mib} MiB; it waits for the segment that holds the press).`,
    '',
  ];
}
