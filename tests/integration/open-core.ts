/**
 * The core (`openPantau`, as both shells start it) in this test process, on a
 * camera file of the test's cameras, with its own data and evidence folders.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveFfmpeg } from '../../electron/core/ffmpeg/resolve-ffmpeg';
import { silentLogger } from '../../electron/core/log';
import { openPantau, type PantauCore } from '../../electron/core/pantau-core';

export async function openCoreWith(cameras: unknown[]): Promise<{ core: PantauCore; evidenceDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pantau-core-data-'));
  const evidenceDir = mkdtempSync(path.join(tmpdir(), 'pantau-core-evidence-'));
  const cameraFile = path.join(dataDir, 'cameras.json');
  writeFileSync(cameraFile, JSON.stringify({ cameras }));
  const core = await openPantau({
    ffmpegPath: resolveFfmpeg().path,
    logger: silentLogger,
    host: 'browser',
    version: 'test',
    dataDir,
    cameraFile,
    snapshotDir: evidenceDir,
    send: () => undefined,
  });
  return { core, evidenceDir };
}
