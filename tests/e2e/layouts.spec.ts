/**
 * The supervisor's wall: drag and drop, swap, maximise with the main stream,
 * saved layouts that survive a restart, a damaged layouts file, and import.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newDataDir } from '../fixtures/host';
import { ffmpegProcesses } from '../fixtures/processes';
import { expect, test } from './fixtures';
import { pickTemplate } from './pages/wall-page';

const camera = (id: string, name: string, url: string) => ({
  id,
  name,
  group: 'Kota Semarang',
  streams: [{ profile: 'main', url }],
});

test('drag a camera onto a tile, swap two tiles, clear one', async ({ openWall, startCameras }) => {
  const rtsp = await startCameras([{ name: 'cam', width: 320, height: 240 }], { copies: 4, keepAlive: true });
  const { wall } = await openWall({
    cameras: [1, 2, 3, 4].map((i) => camera(`k${i}`, `Kamera ${i}`, rtsp.url(`cam/${i}`))),
  });
  const tiles = wall.page.locator('.wall .tile');
  await expect(tiles).toHaveCount(4);
  await wall.expectLive(['k1', 'k2', 'k3', 'k4']);

  await tiles.nth(3).focus();
  await wall.page.keyboard.press('Delete');
  await expect(tiles.nth(3)).toHaveAttribute('data-state', 'empty');
  await expect(tiles.nth(3)).toContainText('Seret kamera ke sini');

  await wall.page.locator('[data-camera="k4"]').dragTo(tiles.nth(3));
  await expect(tiles.nth(3)).toHaveAttribute('data-camera-id', 'k4');
  await expect(tiles.nth(3)).toHaveAttribute('data-state', 'live');
  await wall.expectMoving('k4');

  await tiles.nth(1).dragTo(tiles.nth(2)); // swap k2 and k3
  await expect(tiles.nth(1)).toHaveAttribute('data-camera-id', 'k3');
  await expect(tiles.nth(2)).toHaveAttribute('data-camera-id', 'k2');
  await wall.expectLive(['k2', 'k3']);
  await expect(wall.page.locator('.layout-dirty')).toBeVisible();
});

test('a 4×4 wall of 1080p+360p cameras opens the substreams; a maximised tile opens the main stream at its own resolution', async ({
  openWall,
  startCameras,
}) => {
  // Only the maximised tile pulls a main stream, so the main encoder need not run all the time.
  // The profiles are chosen by the sizes the camera file declares (1080p, 360p); the streams
  // themselves are smaller and slower, so sixteen transcodes and sixteen decoding tiles leave
  // this two-core machine room: the test is about which profile each tile opens, not capacity
  // (that is the benchmark's).
  const main = await startCameras([{ name: 'main', width: 960, height: 540, fps: 10 }], { copies: 16 });
  const sub = await startCameras([{ name: 'sub', width: 320, height: 180, fps: 10 }], { copies: 16, keepAlive: true });
  const cameras = Array.from({ length: 16 }, (_, i) => ({
    id: `c${i + 1}`,
    name: `Simpang ${i + 1}`,
    streams: [
      { profile: 'main', url: main.url(`main/${i + 1}`), width: 1920, height: 1080 },
      { profile: 'sub', url: sub.url(`sub/${i + 1}`), width: 640, height: 360 },
    ],
  }));
  const { wall } = await openWall({ cameras });
  await expect(wall.page.locator('.wall')).toHaveAttribute('data-layout', '4x4');
  await wall.expectLive(['c1', 'c6', 'c16']);
  for (const id of ['c1', 'c6', 'c16']) await expect(wall.tile(id)).toHaveAttribute('data-profile', 'sub');
  expect(ffmpegProcesses(`:${main.port}/`)).toHaveLength(0);

  // The browser decodes H.264 in software only here: the small tiles paint more pictures through MPEG-1.
  for (const id of ['c1', 'c6', 'c16']) await expect(wall.tile(id)).toHaveAttribute('data-video', 'mpeg1');
  await wall.tile('c6').dblclick();
  await expect(wall.tile('c6')).toHaveClass(/tile-maximized/);
  await expect(wall.tile('c6')).toHaveAttribute('data-profile', 'main');
  // Maximised: the camera's own main stream, decoded by the browser at its own resolution.
  await expect(wall.tile('c6')).toHaveAttribute('data-video', 'h264');
  await expect(wall.tile('c6')).toHaveAttribute('data-state', 'live');
  await wall.expectMoving('c6');
  expect(ffmpegProcesses(`:${main.port}/main/6`)).toHaveLength(1); // the stream it opened is the main one
  await expect(wall.tile('c1')).toBeHidden();

  await wall.page.keyboard.press('Escape');
  await expect(wall.tile('c6')).not.toHaveClass(/tile-maximized/);
  await expect(wall.tile('c6')).toHaveAttribute('data-profile', 'sub');
  await expect(wall.tile('c6')).toHaveAttribute('data-video', 'mpeg1');
  await wall.expectLive(['c1', 'c6']);
});

test('a saved default layout comes back identical after the host restarts', async ({
  openWall,
  startCameras,
  page,
}) => {
  const rtsp = await startCameras([{ name: 'cam', width: 320, height: 240 }], { copies: 4, keepAlive: true });
  const cameras = [1, 2, 3, 4].map((i) => camera(`k${i}`, `Kamera ${i}`, rtsp.url(`cam/${i}`)));
  const dataDir = newDataDir();
  const first = await openWall({ cameras, dataDir });
  await pickTemplate(page, '1+5');
  await first.wall.page.locator('[data-camera="k4"]').dragTo(page.locator('.wall .tile').nth(5));
  await page.locator('[data-action="layout-save-as"]').click();
  await page.fill('[data-control="layout-name"]', 'Shift pagi');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-control="layout"] option:checked')).toHaveText('Shift pagi');
  await page.locator('[data-action="layout-default"]').click();
  await expect(page.locator('[data-action="layout-default"]')).toHaveAttribute('aria-pressed', 'true');
  await page.selectOption('[data-control="layout-monitor"]', '2'); // meant for the second monitor
  await expect(page.locator('[data-control="layout-monitor"]')).toHaveValue('2');
  const before = await page
    .locator('.wall .tile')
    .evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-camera-id')));
  expect(before).toEqual(['k1', 'k2', 'k3', 'k4', '', 'k4']);

  await page.goto('about:blank'); // the old page would log its reconnection attempts to a host that is gone
  expect(await first.host.stop('SIGTERM')).toBe(0);
  await openWall({ cameras, dataDir });
  await expect(page.locator('.wall')).toHaveAttribute('data-layout', '1+5');
  await expect(page.locator('[data-control="layout"] option:checked')).toContainText('Shift pagi');
  await expect(page.locator('[data-control="layout-monitor"]')).toHaveValue('2');
  const after = await page
    .locator('.wall .tile')
    .evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-camera-id')));
  expect(after).toEqual(before);
  const saved = JSON.parse(readFileSync(path.join(dataDir, 'layouts.json'), 'utf8'));
  expect(saved.layouts[0]).toMatchObject({
    name: 'Shift pagi',
    monitor: '2',
    cameras: ['k1', 'k2', 'k3', 'k4', null, 'k4'],
  });
});

test('deleting a layout asks first, naming it; cancel keeps it', async ({ openWall, page }) => {
  await openWall();
  await page.locator('[data-action="layout-save-as"]').click();
  await page.fill('[data-control="layout-name"]', 'Shift malam');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-control="layout"] option:checked')).toHaveText('Shift malam');

  await page.locator('[data-action="layout-delete"]').click();
  const ask = page.getByRole('group', { name: 'Hapus' });
  await expect(ask).toContainText('Hapus tata letak «Shift malam»? Ini tidak dapat dibatalkan.');
  await ask.getByRole('button', { name: 'Batal' }).click();
  await expect(ask).toBeHidden();
  await expect(page.locator('[data-control="layout"] option')).toHaveText(['— belum disimpan —', 'Shift malam']);

  await page.locator('[data-action="layout-delete"]').click();
  await page.locator('[data-action="layout-delete-confirm"]').click();
  // With none left, the list says so and how to make one.
  await expect(page.locator('[data-control="layout"] option')).toHaveText([
    '— belum disimpan —',
    'Belum ada tata letak tersimpan: susun dinding, lalu Simpan sebagai',
  ]);
});

test('a damaged layouts file is recovered from its backup, with a message', async ({ openWall, page }) => {
  const dataDir = newDataDir();
  const first = await openWall({ dataDir });
  for (const name of ['Satu', 'Dua']) {
    await page.locator('[data-action="layout-save-as"]').click();
    await page.fill('[data-control="layout-name"]', name);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-control="layout"] option:checked')).toHaveText(name);
  }
  await page.goto('about:blank');
  await first.host.stop('SIGTERM');
  writeFileSync(path.join(dataDir, 'layouts.json'), '{"version": 1, "layouts": [ {"id": "rusak"');

  await openWall({ dataDir });
  await expect(page.locator('[data-notice]')).toContainText('Berkas tata letak rusak');
  await expect(page.locator('[data-notice]')).toContainText('layouts.json.damaged-');
  await expect(page.locator('[data-control="layout"] option')).toHaveText(['— belum disimpan —', 'Satu']);
});

test('a damaged camera file starts the wall from its last good copy, with a message', async ({ openWall, page }) => {
  const dataDir = newDataDir();
  const first = await openWall({ dataDir });
  // Two cameras added by hand: cameras.json holds both, its backup the first.
  for (const id of ['pos-1', 'pos-2']) {
    await page.locator('[data-action="camera-add-menu"]').click();
    await page.locator('[data-action="camera-add"]').click();
    await page.fill('[data-control="camera-id"]', id);
    await page.fill('[data-control="camera-name"]', `Pos ${id}`);
    await page.fill('[data-control="camera-main"]', `rtsp://127.0.0.1:9/${id}`);
    await page.locator('[data-action="camera-save"]').click();
    await expect(page.locator(`[data-camera="${id}"]`)).toHaveCount(1);
  }
  await page.goto('about:blank');
  await first.host.stop('SIGTERM');
  writeFileSync(path.join(dataDir, 'cameras.json'), '{"version": 1, "cameras": [ {"id": "rus');

  await openWall({ dataDir });
  await expect(page.locator('[data-notice]')).toContainText('Berkas kamera rusak');
  await expect(page.locator('[data-notice]')).toContainText('cameras.json.damaged-');
  await expect(page.locator('[data-camera="pos-1"]')).toHaveCount(1);
});

test('importing a layout with a camera this machine lacks shows "not found" in that tile', async ({
  openWall,
  page,
}, testInfo) => {
  await openWall();
  const exported = {
    format: 'pantau-layouts',
    version: 1,
    exportedAt: '2026-11-22T10:00:00Z',
    layouts: [
      {
        id: 'gudang',
        name: 'Gudang logistik',
        geometry: {
          cols: 2,
          rows: 1,
          tiles: [
            { x: 0, y: 0, w: 1, h: 1 },
            { x: 1, y: 0, w: 1, h: 1 },
          ],
        },
        cameras: ['demo-1', 'nvr-gudang-07'],
        locked: true,
        updatedAt: 1,
      },
    ],
  };
  const file = testInfo.outputPath('tata-letak.json');
  writeFileSync(file, JSON.stringify(exported));
  await page.setInputFiles('[data-control="layout-file"]', file);
  await expect(page.locator('[data-notice]')).toContainText('1 tata letak diimpor: Gudang logistik');
  await expect(page.locator('[data-notice]')).toContainText('nvr-gudang-07');
  await page.selectOption('[data-control="layout"]', { label: 'Gudang logistik' });
  await expect(page.locator('.tile[data-camera-id="nvr-gudang-07"]')).toHaveAttribute('data-state', 'missing');
  await expect(page.locator('.tile[data-camera-id="nvr-gudang-07"]')).toContainText('Kamera tidak ditemukan');
  await expect(page.locator('.tile[data-camera-id="demo-1"]')).toHaveAttribute('data-state', 'live');

  // A hostile file is refused whole, with the reason.
  writeFileSync(
    file,
    JSON.stringify({ ...exported, layouts: [{ ...exported.layouts[0], cameras: ['../../etc/passwd', null] }] }),
  );
  await page.setInputFiles('[data-control="layout-file"]', file);
  await expect(page.locator('[data-notice]')).toContainText('Impor ditolak');
  await expect(page.locator('[data-notice]')).toContainText('layouts[0].cameras[0]');
});

test('a tour shows layouts in turn, pauses, steps on, and resumes after a restart', async ({ openWall, page }) => {
  const dataDir = newDataDir();
  const first = await openWall({ dataDir });
  const saveAs = async (template: string, name: string) => {
    await pickTemplate(page, template);
    await page.locator('[data-action="layout-save-as"]').click();
    await page.fill('[data-control="layout-name"]', name);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-control="layout"] option:checked')).toHaveText(name);
  };
  await saveAs('2x2', 'Empat');
  await saveAs('1', 'Satu');

  await page.locator('[data-action="tour-edit"]').click();
  for (const name of ['Empat', 'Satu']) {
    const id = await page.locator('[data-control="layout"] option', { hasText: name }).getAttribute('value');
    await page.locator(`[data-tour-layout="${id}"]`).check();
    await page.fill(`[data-tour-dwell="${id}"]`, '3');
  }
  await page.locator('[data-action="tour-start"]').click();
  const wall = page.locator('.wall');
  await expect(wall).toHaveAttribute('data-layout', '2x2');
  await expect(wall).toHaveAttribute('data-layout', '1', { timeout: 6000 }); // after its dwell
  await expect(wall).toHaveAttribute('data-layout', '2x2', { timeout: 6000 });

  await page.locator('[data-action="tour-pause"]').click();
  await expect(page.locator('[data-tour-state]')).toHaveAttribute('data-tour-state', 'paused');
  await page.locator('[data-action="tour-next"]').click();
  await expect(wall).toHaveAttribute('data-layout', '1');
  await page.locator('[data-action="tour-resume"]').click();

  // The host restarts while the tour runs: the wall comes back on the tour, still running.
  await page.goto('about:blank'); // the old page would log its reconnection attempts to a host that is gone
  expect(await first.host.stop('SIGTERM')).toBe(0);
  await openWall({ dataDir });
  await expect(page.locator('[data-tour-state]')).toHaveAttribute('data-tour-state', 'running');
  const layoutNow = await wall.getAttribute('data-layout');
  await expect(wall).not.toHaveAttribute('data-layout', layoutNow!, { timeout: 6000 });

  await page.locator('[data-action="tour-stop"]').click();
  await expect(page.locator('[data-action="tour-edit"]')).toBeVisible();
});

test('the custom layout editor merges cells into a big tile and splits it back', async ({
  openWall,
  page,
}, testInfo) => {
  await openWall();
  await page.locator('[data-action="layout-edit"]').click();
  await page.fill('[data-control="editor-cols"]', '4');
  await page.fill('[data-control="editor-rows"]', '3');
  await expect(page.locator('[data-editor-tile]')).toHaveCount(12);
  for (const i of [1, 2, 5, 6]) await page.locator(`[data-editor-tile="${i}"]`).click(); // the 2×2 block at column 2, row 1
  await page.locator('[data-action="editor-merge"]').click();
  await expect(page.locator('[data-editor-tile]')).toHaveCount(9);
  await testInfo.attach('editor', {
    body: await page.screenshot({ path: testInfo.outputPath('editor.png') }),
    contentType: 'image/png',
  });

  // Top-left and top-right corners: their rectangle cuts through the big tile (index 1), so no.
  await page.locator('[data-editor-tile="0"]').click();
  await page.locator('[data-editor-tile="2"]').click();
  await page.locator('[data-action="editor-merge"]').click();
  await expect(page.locator('.editor-error')).toContainText('memotong petak lain');
  await page.locator('[data-editor-tile="0"]').click();
  await page.locator('[data-editor-tile="2"]').click();
  await page.locator('[data-editor-tile="1"]').click();
  await page.locator('[data-action="editor-split"]').click();
  await expect(page.locator('[data-editor-tile]')).toHaveCount(12);
  for (const i of [1, 2, 5, 6]) await page.locator(`[data-editor-tile="${i}"]`).click();
  await page.locator('[data-action="editor-merge"]').click();
  await page.locator('[data-action="editor-apply"]').click();

  await expect(page.locator('.wall')).toHaveAttribute('data-layout', 'custom');
  await expect(page.locator('.wall .tile')).toHaveCount(9);
  await expect(page.locator('.wall .tile').nth(1)).toHaveAttribute('data-camera-id', 'demo-2');
  const box = await page.locator('.wall .tile').nth(1).boundingBox();
  const small = await page.locator('.wall .tile').nth(0).boundingBox();
  expect(box!.width).toBeGreaterThan(small!.width * 1.8);
  expect(box!.height).toBeGreaterThan(small!.height * 1.8);
  await testInfo.attach('custom wall', {
    body: await page.screenshot({ path: testInfo.outputPath('custom-wall.png') }),
    contentType: 'image/png',
  });
});

test('a camera tour takes turns in the selected tile', async ({ openWall, page }) => {
  await openWall();
  const tile = page.locator('.wall .tile').nth(0);
  await expect(tile).toHaveAttribute('data-camera-id', 'demo-1');
  await tile.click();
  await page.locator('[data-action="tour-edit"]').click();
  await page.selectOption('[data-control="tour-kind"]', 'cameras');
  for (const id of ['demo-3', 'demo-4']) {
    await page.locator(`[data-tour-layout="${id}"]`).check();
    await page.fill(`[data-tour-dwell="${id}"]`, '3');
  }
  await page.locator('[data-action="tour-start"]').click();
  await expect(tile).toHaveAttribute('data-camera-id', 'demo-3');
  await expect(tile).toHaveAttribute('data-state', 'live');
  await expect(tile).toHaveAttribute('data-camera-id', 'demo-4', { timeout: 6000 });
  await expect(page.locator('.wall .tile').nth(1)).toHaveAttribute('data-camera-id', 'demo-2'); // the rest of the wall stays
  await page.locator('[data-action="tour-stop"]').click();
});
