/**
 * Stream health on the wall: every tile tells the truth while real cameras
 * freeze, refuse the password, die and come back, and while connections drop.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

test.describe('stream health', () => {
  test('stalled, auth-failed and live tiles are unmistakable; the health panel reports and exports them', async ({
    openWall,
    startCameras,
  }, testInfo) => {
    const open = await startCameras([
      { name: 'a', width: 640, height: 360 },
      { name: 'b', width: 640, height: 360 },
    ]);
    const frozen = await startCameras([{ name: 'c', width: 640, height: 360 }]);
    const locked = await startCameras([{ name: 'd', width: 640, height: 360 }], { digest: 'operator:Rahasia123' });
    const { wall } = await openWall({
      cameras: [
        { id: 'simpang-lima', name: 'Simpang Lima', streams: [{ profile: 'main', url: open.url('a') }] },
        { id: 'tugu-muda', name: 'Tugu Muda', streams: [{ profile: 'main', url: open.url('b') }] },
        { id: 'kaligawe', name: 'Kaligawe (beku)', streams: [{ profile: 'main', url: frozen.url('c') }] },
        {
          id: 'gudang-kpu',
          name: 'Gudang KPU',
          streams: [{ profile: 'main', url: locked.url('d') }],
          username: 'operator',
          password: 'salah',
        },
      ],
    });

    await wall.expectLive(['simpang-lima', 'tugu-muda', 'kaligawe']);
    await expect(wall.tile('gudang-kpu')).toHaveAttribute('data-state', 'auth-failed');
    await expect(wall.tile('gudang-kpu')).toContainText('Kata sandi kamera salah');
    await expect(wall.tile('gudang-kpu')).toContainText(/Coba lagi dalam [45]:\d\d/);

    frozen.process.kill('SIGSTOP');
    await expect(wall.tile('kaligawe')).toHaveAttribute('data-state', 'stalled');
    await expect(wall.tile('kaligawe').locator('canvas')).toHaveClass(/tile-canvas-stale/);
    // The age counts up from the last painted frame (not a window a slow machine could miss).
    await expect(wall.tile('kaligawe')).toContainText(/Gambar terakhir \d+ dtk lalu/);
    const age = async () =>
      Number(/Gambar terakhir (\d+) dtk lalu/.exec((await wall.tile('kaligawe').textContent()) ?? '')?.[1] ?? -1);
    const first = await age();
    await expect.poll(age, { timeout: 10_000 }).toBeGreaterThan(first);
    const greyed = await wall
      .tile('kaligawe')
      .locator('canvas')
      .evaluate((c) => getComputedStyle(c).filter);
    expect(greyed).toContain('grayscale');
    await wall.expectLive(['simpang-lima', 'tugu-muda']);
    await wall.expectMoving('simpang-lima');
    await testInfo.attach('stalled, auth-failed, two live', {
      body: await wall.page.screenshot({ path: testInfo.outputPath('wall-faults.png') }),
      contentType: 'image/png',
    });

    // The health panel: sorted worst first, exported as CSV.
    await wall.page.locator('[data-panel-button="health"]').click();
    const rows = wall.page.locator('.health-table tbody tr');
    await expect(rows).toHaveCount(4);
    await expect(rows.first()).toHaveAttribute('data-state', 'auth-failed');
    // Stalled, or — 12 s into the freeze — already being reconnected: either way not live.
    await expect(wall.page.locator('.health-table tr[data-camera-id="kaligawe"]')).toHaveAttribute(
      'data-state',
      /^(stalled|reconnecting)$/,
    );
    await expect(wall.page.locator('.health-table tr[data-camera-id="simpang-lima"] td.num').first()).toHaveText(
      /^\d+\.\d$/,
    );
    await wall.page.locator('[data-sort="name"]').click();
    await expect(rows.first()).toHaveAttribute('data-camera-id', 'gudang-kpu');
    await testInfo.attach('health panel', {
      body: await wall.page.screenshot({ path: testInfo.outputPath('health-panel.png') }),
      contentType: 'image/png',
    });

    const [download] = await Promise.all([
      wall.page.waitForEvent('download'),
      wall.page.locator('[data-action="export-health"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^pantau-kesehatan-\d{8}\d{6}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'id_kamera,Kamera,Wilayah,Profil,Status,Sejak,durasi_detik,fps,kbit/s,Sambung ulang,Gambar terakhir,Galat terakhir',
    );
    expect(lines).toHaveLength(5);
    expect(lines.find((l) => l.startsWith('gudang-kpu,'))).toContain(',auth-failed,');
    expect(lines.find((l) => l.startsWith('kaligawe,'))).toMatch(/,(stalled|reconnecting),/);
    expect(csv).not.toContain('salah'); // the wrong password never reaches the page

    frozen.process.kill('SIGCONT');
    await wall.expectLive(['kaligawe']);
    await wall.expectMoving('kaligawe');
  });

  test('a camera killed and restarted: the tile says reconnecting, then goes live with a moving picture', async ({
    openWall,
    startCameras,
  }) => {
    const first = await startCameras([{ name: 'cam', width: 480, height: 270 }]);
    const { wall } = await openWall({
      cameras: [{ id: 'pandanaran', name: 'Pandanaran', streams: [{ profile: 'main', url: first.url('cam') }] }],
    });
    await wall.expectLive(['pandanaran']);

    await first.stop();
    await expect(wall.tile('pandanaran')).toHaveAttribute('data-state', /reconnecting|offline/);
    await expect(wall.tile('pandanaran').locator('canvas')).toHaveClass(/tile-canvas-stale/);

    await startCameras([{ name: 'cam', width: 480, height: 270 }], { port: first.port });
    await wall.expectLive(['pandanaran']);
    await wall.expectMoving('pandanaran');
  });

  test('connections dropped by the host: the page reconnects its stream and API sockets by itself', async ({
    openWall,
    startCameras,
  }) => {
    const rtsp = await startCameras([{ name: 'cam', width: 480, height: 270 }]);
    const { wall, host } = await openWall({
      cameras: [{ id: 'banyumanik', name: 'Banyumanik', streams: [{ profile: 'main', url: rtsp.url('cam') }] }],
    });
    const tile = wall.tile('banyumanik');
    await wall.expectLive(['banyumanik']);
    await expect(tile).toHaveAttribute('data-socket-opens', '1');

    host.process.kill('SIGUSR2'); // the host closes every page socket
    await expect(tile).toHaveAttribute('data-socket-opens', '2');
    await wall.expectLive(['banyumanik']);
    await wall.expectMoving('banyumanik');

    // Status events arrive over the new API socket: the core's own verdict, not the tile's guess.
    await rtsp.stop();
    await expect(tile).toHaveAttribute('data-state', /reconnecting|offline/);
  });
});
