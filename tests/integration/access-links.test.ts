/**
 * Access links through the real browser host (issue #16): the machine's own
 * link makes one for the police; that link's page lists and opens only the
 * police's cameras, gets stream addresses with its own token (never the
 * machine's), hears nothing of other cameras, is refused a camera outside its
 * scope by the relay in the words of a missing camera, and reaches no method
 * its rights lack. The file keeps only the token's hash. Revoking closes the
 * link's open sockets within a second and refuses it afterwards; an expired
 * link is refused like a revoked one.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AccessLinks } from '../../electron/core/access/access-links';
import { silentLogger } from '../../electron/core/log';
import { newDataDir, startHost, writeCameraFile, type RunningHost } from '../fixtures/host';
import { rpc, upgradeStatus } from '../fixtures/rpc';

let host: RunningHost;
let dataDir: string;
const cameras = [
  { id: 'polisi-1', name: 'Pos Polisi Simpang Lima', group: 'Polrestabes/Semarang Tengah' },
  { id: 'dishub-1', name: 'Dishub Kaligawe', group: 'Dishub/Genuk' },
].map((c) => ({ ...c, streams: [{ profile: 'main', url: `rtsp://127.0.0.9:9/${c.id}` }] }));

beforeAll(async () => {
  dataDir = newDataDir();
  host = await startHost(['--cameras', writeCameraFile(cameras), '--data-dir', dataDir]);
}, 30_000);
afterAll(async () => {
  await host?.stop();
});

const api = async (token: string) => {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${encodeURIComponent(token)}`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return ws;
};
const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

describe('an access link through the browser host', () => {
  it('reaches only its cameras and rights, with its own token, and stops at once when revoked', async () => {
    const operator = await api(host.token);
    // Every link may watch: one without it is refused before anything is stored.
    const blind = await rpc(operator, 'access:create', {
      name: 'Tanpa lihat',
      rights: ['ptz'],
      scope: { all: true, groups: [], cameraIds: [] },
    });
    expect(blind).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const made = await rpc(operator, 'access:create', {
      name: 'Polrestabes Semarang',
      rights: ['view', 'ptz'],
      scope: { all: false, groups: ['Polrestabes'], cameraIds: [] },
      days: 30,
    });
    expect(made.ok).toBe(true);
    const { link, token } = made.value as { link: { id: string; expiresAt: number }; token: string };
    expect(link.expiresAt).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    // Only its hash is kept.
    const file = readFileSync(path.join(dataDir, 'access-links.json'), 'utf8');
    expect(file).not.toContain(token);
    expect(file).toMatch(/"tokenHash": "[0-9a-f]{64}"/);

    const police = await api(token);
    const heard: string[] = [];
    police.on('message', (raw) => heard.push(raw.toString()));
    const listed = await rpc(police, 'camera:list', {});
    expect((listed.value as { id: string }[]).map((c) => c.id)).toEqual(['polisi-1']);
    expect(await rpc(police, 'layout:list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await rpc(police, 'access:list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await rpc(police, 'snapshot:take', { cameraId: 'polisi-1' })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });

    // Its stream address carries its own token, and the relay takes it.
    const opened = await rpc(police, 'stream:open', { cameraId: 'polisi-1' });
    const url = (opened.value as { url: string }).url;
    expect(url).toContain(encodeURIComponent(token));
    expect(url).not.toContain(host.token);
    const stream = new WebSocket(url);
    await new Promise((resolve, reject) => stream.once('open', resolve).once('error', reject));

    // Another agency's camera: the relay answers as for a camera that is not there.
    const outside = new WebSocket(url.replace('/stream/polisi-1/', '/stream/dishub-1/'));
    const [code, reason] = await new Promise<[number, string]>((resolve) =>
      outside.once('close', (c, r) => resolve([c, r.toString()])),
    );
    expect([code, reason]).toEqual([4404, 'Camera "dishub-1" is not in the camera list.']);

    // The operator's own wall plays the other camera: the police page hears nothing of it.
    await rpc(operator, 'stream:open', { cameraId: 'dishub-1' });
    const own = new WebSocket(
      ((await rpc(operator, 'stream:open', { cameraId: 'dishub-1' })).value as { url: string }).url,
    );
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(heard.join('\n')).not.toContain('dishub-1');
    expect(heard.join('\n')).not.toContain('Dishub');

    // Revoked: its page and its stream close within a second; it is refused from then on.
    const pageClosed = closed(police);
    const streamClosed = closed(stream);
    const at = Date.now();
    expect(await rpc(operator, 'access:revoke', { id: link.id })).toMatchObject({ ok: true });
    expect(await Promise.all([pageClosed, streamClosed])).toEqual([4401, 4401]);
    expect(Date.now() - at).toBeLessThan(1000);
    expect(await upgradeStatus(`ws://127.0.0.1:${host.port}/api?token=${encodeURIComponent(token)}`)).toBe(401);
    expect(await upgradeStatus(url)).toBe(401);
    own.close();
    operator.close();
  }, 30_000);
});

describe('the links file', () => {
  it('refuses an expired link as a revoked one, and keeps links across a restart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pantau-links-'));
    let now = Date.now();
    const links = new AccessLinks(dir, silentLogger, () => now);
    await links.open();
    const scope = { all: true, groups: [], cameraIds: [] };
    const { link, token } = await links.create({ name: 'BPBD', rights: ['view'], scope, days: 1 });
    expect(links.grantFor(token)?.grant.name).toBe('BPBD');
    expect(links.grantFor(`${token}x`)).toBeUndefined();
    now += 2 * 86_400_000;
    expect(links.grantFor(token)).toBeUndefined();
    expect(links.isGood(link.id)).toBe(false);

    const again = new AccessLinks(dir, silentLogger);
    await again.open();
    expect(again.list()).toEqual([link]);
  });

  it('ten links made at once are all kept, in memory and on disk, each with its own token', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pantau-links-'));
    const links = new AccessLinks(dir, silentLogger);
    await links.open();
    const scope = { all: false, groups: ['Polrestabes'], cameraIds: [] };
    const made = await Promise.all(
      Array.from({ length: 10 }, (_, i) => links.create({ name: `Instansi ${i}`, rights: ['view'], scope })),
    );
    expect(new Set(made.map((m) => m.token)).size).toBe(10);
    for (const { token, link } of made) expect(links.grantFor(token)?.linkId).toBe(link.id);
    const again = new AccessLinks(dir, silentLogger);
    await again.open();
    expect(
      again
        .list()
        .map((l) => l.name)
        .sort(),
    ).toEqual(made.map((m) => m.link.name).sort());
  });
});
