import { describe, expect, it } from 'vitest';
import { buildTree, directoryRows, searchIndex, type DirectoryState } from '../../shared/directory';
import type { CameraSummary } from '../../shared/model';
import { fold } from '../../shared/search';

const cam = (id: string, name: string, group?: string): CameraSummary => ({
  id,
  name,
  ...(group ? { group } : {}),
  profiles: [{ profile: 'main' }],
  demo: false,
});
const cameras = [
  cam('a', 'Pos RT 03', 'Kota Semarang/Tembalang/Bulusan'),
  cam('b', 'Simpang Bulusan', 'Kota Semarang/Tembalang/Bulusan'),
  cam('c', 'Jalan Pemuda', 'Kota Semarang/Semarang Tengah'),
  cam('d', 'Gudang KPU'),
];
const root = buildTree(cameras);
const states: Record<string, 'live' | 'offline'> = { a: 'live', c: 'offline' };

describe('camera directory', () => {
  it('groups by region path with counts, and opens only what is open', () => {
    const closed = directoryRows(root, new Set(), '', (id) => states[id]);
    expect(closed.map((r) => (r.kind === 'group' ? `${r.name}:${r.count}` : r.camera.id))).toEqual([
      'Kota Semarang:3',
      '—:1',
    ]);
    const open = directoryRows(root, new Set(['Kota Semarang', 'Kota Semarang/Tembalang']), '', (id) => states[id]);
    expect(
      open.map((r) =>
        r.kind === 'group'
          ? `${'  '.repeat(r.depth)}${r.name}:${r.count}:${r.live}/${r.trouble}`
          : `${'  '.repeat(r.depth)}${r.camera.id}`,
      ),
    ).toEqual(['Kota Semarang:3:1/1', '  Tembalang:2:1/0', '    Bulusan:2:1/0', '  Semarang Tengah:1:0/1', '—:1:0/0']);
  });

  it('rolls the fleet sweep up with the wall: reachable counts as up, broken as trouble, the wall first', () => {
    const mixed: Record<string, DirectoryState> = { a: 'reachable', b: 'broken', c: 'live', d: 'broken' };
    const rows = directoryRows(root, new Set(['Kota Semarang', 'Kota Semarang/Tembalang']), '', (id) => mixed[id]);
    expect(
      rows
        .filter((r) => r.kind === 'group')
        .map((r) => r.kind === 'group' && `${r.name}:${r.live}/${r.count}:${r.trouble}`),
    ).toEqual(['Kota Semarang:2/3:1', 'Tembalang:1/2:1', 'Bulusan:1/2:1', 'Semarang Tengah:1/1:0', '—:0/1:1']);
  });

  it('searches names, groups and ids without caring for case or diacritics, opening the way to matches', () => {
    const index = searchIndex(cameras);
    const rows = directoryRows(root, new Set(), fold('BULUSÁN rt'), () => undefined, index);
    expect(rows.map((r) => (r.kind === 'group' ? r.path : r.camera.id))).toEqual([
      'Kota Semarang',
      'Kota Semarang/Tembalang',
      'Kota Semarang/Tembalang/Bulusan',
      'a',
    ]);
    expect(
      directoryRows(root, new Set(), fold('kpu'), () => undefined, index).map((r) =>
        r.kind === 'camera' ? r.camera.id : r.name,
      ),
    ).toEqual(['—', 'd']);
    expect(directoryRows(root, new Set(), fold('nothing here'), () => undefined, index)).toEqual([]);
  });
});
