import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CameraInventory } from '../../electron/core/cameras/camera-inventory';
import { CameraRegistry } from '../../electron/core/cameras/camera-registry';
import { silentLogger } from '../../electron/core/log';
import type { CameraFileEntry } from '../../shared/model';

const stored: CameraFileEntry = {
  id: 'cam-1',
  name: 'Simpang Lima',
  group: 'Kota Semarang/Semarang Tengah',
  streams: [
    { profile: 'main', url: 'rtsp://admin:url-secret@10.0.0.5:554/Streaming/Channels/101' },
    { profile: 'sub', url: 'rtsp://10.0.0.5:554/Streaming/Channels/102' },
  ],
  username: 'admin',
  password: 'field-secret',
};

function inventory(entries: CameraFileEntry[] = [stored]) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pantau-inventory-')), 'cameras.json');
  const registry = CameraRegistry.fromFile(entries);
  return { file, registry, inventory: new CameraInventory(file, entries, registry, silentLogger) };
}
const onDisk = (file: string) => JSON.parse(readFileSync(file, 'utf8')).cameras as CameraFileEntry[];

describe('camera inventory: editing without ever showing a secret', () => {
  it('gives the edit dialog URLs without user info and only whether a password is stored', () => {
    const view = inventory().inventory.get('cam-1');
    expect(view).toEqual({
      id: 'cam-1',
      name: 'Simpang Lima',
      group: 'Kota Semarang/Semarang Tengah',
      streams: [
        { profile: 'main', url: 'rtsp://10.0.0.5:554/Streaming/Channels/101' },
        { profile: 'sub', url: 'rtsp://10.0.0.5:554/Streaming/Channels/102' },
      ],
      username: 'admin',
      hasPassword: true,
    });
    expect(JSON.stringify(view)).not.toMatch(/secret/);
  });

  it('keeps the stored password and URL user info when the dialog sends them back empty', async () => {
    const { file, registry, inventory: inv } = inventory();
    const view = inv.get('cam-1');
    await inv.update({ id: 'cam-1', name: 'Simpang Lima Timur', streams: view.streams, username: 'admin' });
    const [saved] = onDisk(file);
    expect(saved).toEqual({ ...stored, name: 'Simpang Lima Timur', group: undefined });
    expect(registry.summary('cam-1').name).toBe('Simpang Lima Timur');
  });

  it('takes a new password, and clears it only when asked', async () => {
    const { file, inventory: inv } = inventory();
    const { streams } = inv.get('cam-1');
    await inv.update({ id: 'cam-1', name: 'A', streams, username: 'admin', password: 'new-one' });
    expect(onDisk(file)[0]?.password).toBe('new-one');
    await inv.update({ id: 'cam-1', name: 'A', streams, username: 'admin' }, true);
    expect(onDisk(file)[0]?.password).toBeUndefined();
    expect(onDisk(file)[0]?.username).toBe('admin');
  });

  it('does not carry the old password over to a different username', async () => {
    const { file, inventory: inv } = inventory();
    await inv.update({ id: 'cam-1', name: 'A', streams: inv.get('cam-1').streams, username: 'operator' });
    expect(onDisk(file)[0]).toMatchObject({ username: 'operator' });
    expect(onDisk(file)[0]?.password).toBeUndefined();
  });

  it('a URL changed to another camera does not inherit the old user info', async () => {
    const { file, inventory: inv } = inventory();
    await inv.update({ id: 'cam-1', name: 'A', streams: [{ profile: 'main', url: 'rtsp://10.0.0.6/live' }], username: 'admin' });
    expect(onDisk(file)[0]?.streams).toEqual([{ profile: 'main', url: 'rtsp://10.0.0.6/live' }]);
  });

  it('refuses to update or remove a camera that is not there, and writes nothing', async () => {
    const { file, inventory: inv } = inventory();
    await expect(inv.update({ ...stored, id: 'nope' })).rejects.toMatchObject({ code: 'camera-not-found' });
    await expect(inv.remove('nope')).rejects.toMatchObject({ code: 'camera-not-found' });
    expect(() => readFileSync(file)).toThrow();
  });

  it('removes a camera', async () => {
    const { file, registry, inventory: inv } = inventory([stored, { ...stored, id: 'cam-2' }]);
    await inv.remove('cam-1');
    expect(onDisk(file).map((c) => c.id)).toEqual(['cam-2']);
    expect(() => registry.summary('cam-1')).toThrow(/not in the camera list/);
  });

  it('a CSV exported without passwords and imported back keeps the stored passwords', async () => {
    const { file, inventory: inv } = inventory();
    const csv = inv.exportCsv(false);
    expect(csv).not.toMatch(/secret/);
    const report = await inv.importCsv(csv, true);
    expect(report.updated).toEqual(['cam-1']);
    expect(onDisk(file)[0]).toMatchObject({ password: 'field-secret', streams: stored.streams });
  });
});
