import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CameraInventory } from '../../electron/core/cameras/camera-inventory';
import { CameraRegistry } from '../../electron/core/cameras/camera-registry';
import { silentLogger } from '../../electron/core/log';
import type { SecretSealer } from '../../electron/core/cameras/secrets';
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
    await inv.update({
      id: 'cam-1',
      name: 'A',
      streams: [{ profile: 'main', url: 'rtsp://10.0.0.6/live' }],
      username: 'admin',
    });
    expect(onDisk(file)[0]?.streams).toEqual([{ profile: 'main', url: 'rtsp://10.0.0.6/live' }]);
  });

  it('refuses to update or remove a camera that is not there, and writes nothing', async () => {
    const { file, inventory: inv } = inventory();
    await expect(inv.update({ ...stored, id: 'nope' })).rejects.toMatchObject({ code: 'camera-not-found' });
    await expect(inv.remove('nope')).rejects.toMatchObject({ code: 'camera-not-found' });
    expect(() => readFileSync(file)).toThrow();
  });

  it('"test connection" fills in the stored secrets only towards the camera\'s own host', () => {
    const inv = inventory().inventory;
    expect(inv.probeTarget('cam-1', 'rtsp://10.0.0.5:554/Streaming/Channels/101', 'admin')).toEqual({
      url: 'rtsp://admin:url-secret@10.0.0.5:554/Streaming/Channels/101',
      username: 'admin',
      password: 'field-secret',
    });
    expect(inv.probeTarget('cam-1', 'rtsp://203.0.113.9/steal', 'admin')).toEqual({
      url: 'rtsp://203.0.113.9/steal',
      username: 'admin',
    });
    expect(inv.probeTarget('cam-1', 'not a url', undefined)).toEqual({ url: 'not a url' });
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

/**
 * A real cipher (AES-256-GCM) in place of Electron's safeStorage, which
 * cannot run here: same contract, a key only this "machine" has.
 */
function aesSealer(key = randomBytes(32)): SecretSealer {
  return {
    kind: 'os',
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      const raw = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

describe('camera passwords at rest', () => {
  const withUrlPassword: CameraFileEntry = {
    id: 'nvr-1',
    name: 'Gudang KPU',
    streams: [{ profile: 'main', url: 'rtsp://admin:url-secret@10.0.0.9/ch1' }],
  };

  it('are sealed in the camera file (passwords in URLs too) and open again on this machine', async () => {
    const sealer = aesSealer();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pantau-sealed-')), 'cameras.json');
    const inv = new CameraInventory(file, [], CameraRegistry.fromFile([]), silentLogger, sealer);
    expect(inv.secretStorage).toBe('encrypted');
    await inv.add(stored);
    await inv.add(withUrlPassword);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/secret/);
    const disk = JSON.parse(text).cameras as CameraFileEntry[];
    expect(disk[0]).toMatchObject({ username: 'admin', passwordSealed: expect.any(String) });
    expect(disk[0]!.password).toBeUndefined();
    expect(disk[1]).toMatchObject({
      username: 'admin',
      streams: [{ profile: 'main', url: 'rtsp://10.0.0.9/ch1' }],
      passwordSealed: expect.any(String),
    });

    // Next launch: the core reads the file and opens the passwords; the camera's source has them.
    const registry = CameraRegistry.fromFile(disk);
    const again = new CameraInventory(file, disk, registry, silentLogger, sealer);
    expect(again.find('cam-1').password).toBe('field-secret');
    expect(again.find('nvr-1').password).toBe('url-secret');
    expect(registry.sourceFor('nvr-1', 'main')).toMatchObject({ url: 'rtsp://admin:url-secret@10.0.0.9/ch1' });
    expect(again.unreadable()).toEqual([]);
  });

  it('a camera file written with clear passwords is sealed at start, its backup copy too', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pantau-sealed-'));
    const file = path.join(dir, 'cameras.json');
    const sealer = aesSealer();
    const plain = new CameraInventory(file, [], CameraRegistry.fromFile([]), silentLogger);
    await plain.add(stored); // written in clear: no secret storage then
    expect(readFileSync(file, 'utf8')).toMatch(/field-secret/);
    const disk = JSON.parse(readFileSync(file, 'utf8')).cameras as CameraFileEntry[];
    const inv = new CameraInventory(file, disk, CameraRegistry.fromFile(disk), silentLogger, sealer);
    await inv.sealAtRest();
    for (const kept of [file, `${file}.bak`]) expect(readFileSync(kept, 'utf8')).not.toMatch(/secret/);
    expect(inv.find('cam-1').password).toBe('field-secret');
    const reopened = JSON.parse(readFileSync(file, 'utf8')).cameras as CameraFileEntry[];
    expect(
      new CameraInventory(file, reopened, CameraRegistry.fromFile(reopened), silentLogger, sealer).find('cam-1')
        .password,
    ).toBe('field-secret');
  });

  it('a password this machine cannot open is kept sealed, reported, and survives edits until a new one is typed', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pantau-sealed-')), 'cameras.json');
    const sealedElsewhere = aesSealer().seal('field-secret');
    const entry = { ...stored, password: undefined, passwordSealed: sealedElsewhere };
    delete entry.password;
    const inv = new CameraInventory(file, [entry], CameraRegistry.fromFile([entry]), silentLogger, aesSealer());
    expect(inv.unreadable()).toEqual(['cam-1']);
    expect(inv.get('cam-1').hasPassword).toBe(true);
    await inv.update({ id: 'cam-1', name: 'Renamed', streams: inv.get('cam-1').streams, username: 'admin' });
    expect(JSON.parse(readFileSync(file, 'utf8')).cameras[0]).toMatchObject({
      name: 'Renamed',
      passwordSealed: sealedElsewhere,
    });
    await inv.update({
      id: 'cam-1',
      name: 'Renamed',
      streams: inv.get('cam-1').streams,
      username: 'admin',
      password: 'typed-again',
    });
    expect(inv.unreadable()).toEqual([]);
    expect(JSON.parse(readFileSync(file, 'utf8')).cameras[0].passwordSealed).not.toBe(sealedElsewhere);
  });

  it('without secret storage (the browser host) says so and writes them as given', async () => {
    const { file, inventory: inv } = inventory();
    expect(inv.secretStorage).toBe('plain');
    await inv.update({ ...stored, name: 'x' });
    expect(JSON.parse(readFileSync(file, 'utf8')).cameras[0].password).toBe('field-secret');
  });
});

describe('a stored password goes only to the host it was entered for', () => {
  it('an edit that moves the camera to another host keeps no stored password, and says so', async () => {
    const { file, inventory: inv } = inventory();
    const moved = inv.get('cam-1').streams.map((s) => ({ ...s, url: s.url.replace('10.0.0.5', '203.0.113.9') }));
    expect(await inv.update({ id: 'cam-1', name: 'A', streams: moved, username: 'admin' })).toEqual({
      passwordDropped: true,
    });
    expect(onDisk(file)[0]).not.toHaveProperty('password');
    expect(JSON.stringify(onDisk(file))).not.toMatch(/secret/);
    // Same host, another path: the stored password stays.
    const { file: file2, inventory: same } = inventory();
    const repathed = same
      .get('cam-1')
      .streams.map((s) => ({ ...s, url: s.url.replace('/Streaming', '/ISAPI/Streaming') }));
    expect(await same.update({ id: 'cam-1', name: 'A', streams: repathed, username: 'admin' })).toEqual({
      passwordDropped: false,
    });
    expect(onDisk(file2)[0]).toMatchObject({ password: 'field-secret' });
  });

  it('a new ONVIF address is another host too', async () => {
    const withOnvif = { ...stored, onvif: { address: '10.0.0.5:80', profileToken: 'p1', ptz: true } };
    const { file, inventory: inv } = inventory([withOnvif]);
    await inv.update({
      ...withOnvif,
      password: undefined,
      streams: inv.get('cam-1').streams,
      onvif: { ...withOnvif.onvif, address: '198.51.100.7:80' },
    } as CameraFileEntry);
    expect(onDisk(file)[0]).not.toHaveProperty('password');
  });

  it('a CSV row that moves a camera to another host without a password does not carry the stored one, and the report names it', async () => {
    const { file, inventory: inv } = inventory();
    const report = await inv.importCsv('id,name,main url\ncam-1,Simpang Lima,rtsp://203.0.113.9/live\n', true);
    expect(report.passwordsDropped).toEqual(['cam-1']);
    expect(onDisk(file)[0]).not.toHaveProperty('password');
    expect(JSON.stringify(onDisk(file))).not.toMatch(/secret/);
  });
});

describe('input that is not what it seems', () => {
  it('a password typed inside the URL moves into the password field; the URL keeps no secret', async () => {
    const { file, inventory: inv } = inventory([]);
    await inv.add({
      id: 'typed',
      name: 'Typed',
      streams: [{ profile: 'main', url: 'rtsp://admin:zq%207%40xv@10.0.0.9/live' }],
    });
    expect(onDisk(file)[0]).toMatchObject({
      username: 'admin',
      password: 'zq 7@xv',
      streams: [{ profile: 'main', url: 'rtsp://10.0.0.9/live' }],
    });
  });
});
