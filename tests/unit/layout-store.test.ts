import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/core/log';
import { LayoutService } from '../../electron/core/store/layout-service';
import { template } from '../../shared/layouts';
import type { SavedLayout } from '../../shared/saved-layouts';

const dir = () => mkdtempSync(path.join(tmpdir(), 'pantau-layouts-'));
const layout = (id: string, cameras: (string | null)[] = ['a', 'b', null, 'c']): SavedLayout => ({
  id,
  name: `Lantai ${id}`,
  geometry: template('2x2'),
  cameras,
  locked: false,
  updatedAt: 0,
});

async function service(folder: string): Promise<LayoutService> {
  const s = new LayoutService(path.join(folder, 'layouts.json'), silentLogger);
  await s.load();
  return s;
}

describe('layout persistence', () => {
  it('comes back identical after a restart', async () => {
    const folder = dir();
    const first = await service(folder);
    const saved = await first.save(layout('pagi'));
    await first.setDefault('pagi');
    const second = await service(folder);
    expect(second.list()).toEqual({ layouts: [saved], defaultLayoutId: 'pagi' });
  });

  it('keeps the picture-rate choice and the pinned tiles with a layout, and refuses a pin on a tile it lacks', async () => {
    const folder = dir();
    const first = await service(folder);
    const saved = await first.save({ ...layout('hemat'), rate: 'keyframes', pinned: [0, 3] });
    expect((await service(folder)).list().layouts).toEqual([saved]);
    expect(saved).toMatchObject({ rate: 'keyframes', pinned: [0, 3] });
    await expect(first.save({ ...layout('salah'), pinned: [4] })).rejects.toThrow(/pinned/);
    await expect(first.save({ ...layout('salah'), rate: 'fast' as 'full' })).rejects.toThrow(/rate/);
  });

  it('writes atomically and keeps the previous good file as a backup', async () => {
    const folder = dir();
    const s = await service(folder);
    await s.save(layout('satu'));
    await s.save(layout('dua'));
    expect(readdirSync(folder).sort()).toEqual(['layouts.json', 'layouts.json.bak']);
    expect(JSON.parse(readFileSync(path.join(folder, 'layouts.json.bak'), 'utf8')).layouts).toHaveLength(1);
  });

  it('recovers a hand-broken file from the backup, says so, and keeps the broken file', async () => {
    const folder = dir();
    const s = await service(folder);
    await s.save(layout('satu'));
    await s.save(layout('dua'));
    writeFileSync(path.join(folder, 'layouts.json'), '{ "version": 1, "layouts": [ { "id": ');
    const recovered = await service(folder);
    const listed = recovered.list();
    expect(listed.layouts.map((l) => l.id)).toEqual(['satu']); // the last good copy
    expect(listed.notice).toMatchObject({
      kind: 'restored',
      detail: expect.stringContaining('not valid JSON'),
      keptAs: expect.stringMatching(/^layouts\.json\.damaged-/),
    });
    expect(readdirSync(folder).some((f) => f.startsWith('layouts.json.damaged-'))).toBe(true);
    expect(recovered.list().notice).toBeUndefined(); // said once
  });

  it('reports a file that breaks the schema by field, and never silently starts empty when a backup exists', async () => {
    const folder = dir();
    const s = await service(folder);
    await s.save(layout('satu'));
    await s.save(layout('dua'));
    const file = path.join(folder, 'layouts.json');
    const broken = JSON.parse(readFileSync(file, 'utf8'));
    broken.layouts[0].geometry.tiles[0].w = 9;
    writeFileSync(file, JSON.stringify(broken));
    const listed = (await service(folder)).list();
    expect(listed.notice).toMatchObject({ kind: 'restored', detail: expect.stringContaining('layouts[0].geometry') });
    expect(listed.layouts).toHaveLength(1);
  });

  it('refuses to overwrite or delete a locked layout', async () => {
    const s = await service(dir());
    await s.save(layout('kunci'));
    await s.lock('kunci', true);
    await expect(s.save(layout('kunci', [null, null, null, null]))).rejects.toMatchObject({ code: 'layout-locked' });
    await expect(s.remove('kunci')).rejects.toMatchObject({ code: 'layout-locked' });
    expect(s.list().layouts[0]!.cameras).toEqual(['a', 'b', null, 'c']);
  });
});

describe('layout import and export', () => {
  it('round-trips between machines, renaming taken ids and reporting unknown cameras', async () => {
    const here = await service(dir());
    await here.save(layout('pagi'));
    const text = here.export();
    const there = await service(dir());
    await there.save(layout('pagi', [null, null, null, null]));
    const result = await there.import(text, new Set(['a', 'b']));
    expect(result.imported.map((l) => l.id)).toEqual(['pagi-2']);
    expect(result.unknownCameras).toEqual(['c']);
    expect(there.list().layouts.find((l) => l.id === 'pagi-2')!.cameras).toEqual(['a', 'b', null, 'c']);
  });

  it('rejects hostile or malformed files with a clear message and writes nothing', async () => {
    const folder = dir();
    const s = await service(folder);
    const bad = [
      'not json',
      JSON.stringify({
        format: 'pantau-layouts',
        version: 1,
        exportedAt: 'x',
        layouts: [
          {
            ...layout('x'),
            geometry: {
              cols: 2,
              rows: 2,
              tiles: [
                { x: 0, y: 0, w: 2, h: 2 },
                { x: 0, y: 0, w: 1, h: 1 },
              ],
            },
          },
        ],
      }),
      JSON.stringify({
        format: 'pantau-layouts',
        version: 1,
        exportedAt: 'x',
        layouts: [{ ...layout('x'), cameras: ['../../etc'] }],
      }),
      JSON.stringify({
        format: 'pantau-layouts',
        version: 1,
        exportedAt: 'x',
        layouts: [layout('ok'), { ...layout('x'), __proto__: { locked: true }, extra: 1 }],
      }),
      JSON.stringify({ format: 'other', layouts: [] }),
    ];
    for (const text of bad) await expect(s.import(text, new Set())).rejects.toMatchObject({ code: 'invalid-file' });
    expect(s.list().layouts).toEqual([]);
    expect(existsSync(path.join(folder, 'layouts.json'))).toBe(false);
  });
});

describe('layout file migrations', () => {
  it('brings a version-0 file (square grid size, no version) to version 1 and keeps its layouts', async () => {
    const folder = dir();
    writeFileSync(
      path.join(folder, 'layouts.json'),
      JSON.stringify({ layouts: [{ id: 'lama', name: 'Lama', grid: 2, cameras: ['a', null, null, 'b'] }] }),
    );
    const s = await service(folder);
    const listed = s.list();
    expect(listed.notice).toBeUndefined();
    expect(listed.layouts[0]).toMatchObject({
      id: 'lama',
      geometry: template('2x2'),
      cameras: ['a', null, null, 'b'],
      locked: false,
    });
  });

  it('does not guess at a file from a newer Pantau: it is reported and kept beside', async () => {
    const folder = dir();
    const file = path.join(folder, 'layouts.json');
    writeFileSync(file, JSON.stringify({ version: 9, layouts: [] }));
    const listed = (await service(folder)).list();
    expect(listed.notice).toMatchObject({ kind: 'reset' });
    expect(readdirSync(folder).some((f) => f.startsWith('layouts.json.damaged-'))).toBe(true);
  });
});
