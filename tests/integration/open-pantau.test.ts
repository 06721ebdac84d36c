/**
 * The one start-up: both shells call openPantau. A damaged camera file starts
 * from its last good copy, and opening and disposing the core again and again
 * leaves no listener, socket or process behind.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { resolveFfmpeg } from '../../electron/core/ffmpeg/resolve-ffmpeg';
import { silentLogger } from '../../electron/core/log';
import { openPantau, type OpenPantauOptions } from '../../electron/core/pantau-core';
import type { ApiEvent } from '../../shared/api';
import { childrenOf, waitFor } from '../fixtures/processes';

const ffmpegPath = resolveFfmpeg().path;
const camera = (id: string) => ({
  id,
  name: `Kamera ${id}`,
  streams: [{ profile: 'main', url: `rtsp://127.0.0.1:9/${id}` }],
});

function options(dataDir: string, extra: Partial<OpenPantauOptions> = {}): OpenPantauOptions {
  return {
    ffmpegPath,
    logger: silentLogger,
    host: 'browser',
    version: 'test',
    dataDir,
    send: () => undefined,
    ...extra,
  };
}

describe('openPantau', () => {
  it('a damaged cameras.json starts from its last good copy, with a notice, and the good copy stays', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pantau-open-'));
    const file = path.join(dataDir, 'cameras.json');
    writeFileSync(file, JSON.stringify({ cameras: [camera('a')] }));
    // Two saves through the core: cameras.json holds a and b, its .bak holds a (version 1 written).
    const first = await openPantau(options(dataDir));
    await first.inventory.add(camera('b'));
    await first.dispose();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1 });

    writeFileSync(file, '{ "cameras": [ { "id": "a", "na');
    const core = await openPantau(options(dataDir));
    expect(core.cameras.summaries().map((c) => c.id)).toEqual(['a']);
    const info = await core.handlers['app:info']({}, { relayBase: 'ws://x' });
    expect(info).toMatchObject({
      demo: false,
      cameraFileNotice: { kind: 'restored', keptAs: expect.stringMatching(/^cameras\.json\.damaged-/) },
    });
    expect(readdirSync(dataDir).some((f) => f.startsWith('cameras.json.damaged-'))).toBe(true);
    // Recovering did not copy the damaged file over the good backup.
    expect(JSON.parse(readFileSync(`${file}.bak`, 'utf8')).cameras.map((c: { id: string }) => c.id)).toEqual(['a']);
    await core.dispose();
  });

  it('ten settings changes fired at once are all kept, in settings.json and after a restart', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pantau-open-'));
    const core = await openPantau(options(dataDir));
    const context = { relayBase: 'ws://x' };
    const changes = [
      { language: 'en' },
      { tileText: 'large' },
      { decoder: 'mpeg1' },
      { language: 'id' },
      { tileText: 'small' },
      { decoder: 'native' },
      { language: 'en' },
      { tileText: 'normal' },
      { decoder: 'auto' },
      { tileText: 'large' },
    ] as const;
    await Promise.all(changes.map((change) => core.handlers['settings:set'](change, context)));
    // The last change to each choice wins; none of the other choices is lost on the way.
    const expected = { language: 'en', tileText: 'large', decoder: 'auto' };
    expect(await core.handlers['settings:get']({}, context)).toEqual(expected);
    expect(JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')).ui).toEqual(expected);
    await core.dispose();
    const again = await openPantau(options(dataDir));
    expect(await again.handlers['settings:get']({}, context)).toEqual(expected);
    await again.dispose();
  });

  it('ten watch lists, ten fleet settings and ten evidence settings fired at once are all kept, after a restart too', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pantau-open-'));
    const core = await openPantau(options(dataDir));
    const context = { relayBase: 'ws://x' };
    const lists = Array.from({ length: 10 }, (_, i) => ({
      id: `daftar-${i}`,
      name: `Daftar ${i}`,
      groups: [`Wilayah ${i}`],
      cameraIds: [],
      sound: i % 2 === 0,
      events: false,
    }));
    await Promise.all([
      ...lists.map((watchList) => core.handlers['alarm:watch']({ watchList }, context)),
      ...[5, 10, 15, 20, 30, 45, 60, 90, 120, 240].map((intervalMin, i) =>
        core.handlers['fleet:configure'](i % 2 ? { intervalMin } : { intervalMin, enabled: true }, context),
      ),
      ...Array.from({ length: 10 }, (_, i) =>
        core.handlers['evidence:configure'](i % 2 ? { preBufferSec: i * 10 } : { maxRecordMin: i + 1 }, context),
      ),
    ]);
    const check = async (c: typeof core) => {
      const listed = await c.handlers['alarm:list']({ limit: 10 }, context);
      expect(listed.watchLists.map((l) => l.id).sort()).toEqual(lists.map((l) => l.id).sort());
      const fleet = JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')).fleet;
      expect(fleet).toMatchObject({ intervalMin: 240, enabled: true });
      const evidence = await c.handlers['evidence:state']({}, context);
      expect(evidence.settings).toEqual({ preBufferSec: 90, maxRecordMin: 9 });
    };
    await check(core);
    await core.dispose();
    const again = await openPantau(options(dataDir));
    await check(again);
    await again.dispose();
  });

  it('a camera file named on the command line must exist; damaged beyond its backup, it names the field', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pantau-open-'));
    await expect(openPantau(options(dataDir, { cameraFile: path.join(dataDir, 'nope.json') }))).rejects.toThrow(
      /does not exist/,
    );
    const bad = path.join(dataDir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ cameras: [{ ...camera('x'), streams: [{ profile: 'main', url: 'file:///etc/passwd' }] }] }),
    );
    await expect(openPantau(options(dataDir, { cameraFile: bad }))).rejects.toThrow(/cameras\[0\]\.streams\[0\]\.url/);
  });

  it('opened and disposed ten times: every event reaches send while open, and nothing is left behind', async () => {
    const handlesBefore = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap').length;
    for (let round = 0; round < 10; round++) {
      const sent = new Set<ApiEvent>();
      // A new data folder each round: the camera added below would otherwise replace the demo cameras.
      const dataDir = mkdtempSync(path.join(tmpdir(), 'pantau-open-'));
      const core = await openPantau(options(dataDir, { send: (event) => sent.add(event), lingerMs: 0 }));
      const port = await core.relay.listen('127.0.0.1', 0);
      // A viewer of a demo camera: an ffmpeg, a relay socket, status and stats events.
      const ws = new WebSocket(`ws://127.0.0.1:${port}/stream/demo-1/main?token=${core.token}&w=320`);
      await new Promise((resolve) => ws.once('message', resolve));
      expect(childrenOf().filter((p) => p.args.some((a) => a.includes('ffmpeg')))).toHaveLength(1);
      await core.inventory.add(camera(`r${round}`));
      expect(await waitFor(() => sent.size === 3, 5000)).toBe(true);
      await core.dispose();
      expect(childrenOf().filter((p) => p.args.some((a) => a.includes('ffmpeg')))).toEqual([]);
      await new Promise((resolve) => (ws.readyState === WebSocket.CLOSED ? resolve(null) : ws.once('close', resolve)));
    }
    // Timers and sockets of ten cores are gone (a little slack for the test runner's own).
    expect(
      await waitFor(
        () => process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap').length <= handlesBefore + 2,
        5000,
      ),
    ).toBe(true);
  });
});
