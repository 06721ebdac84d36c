/** A city's directory: 20,000 cameras, found by search, dragged onto the wall. */
import { writeFileSync } from 'node:fs';
import { cityCameras } from '../fixtures/city';
import { expect, test } from './fixtures';
import { pickTemplate } from './pages/wall-page';

test('search finds a camera among 20,000 and dragging it onto a tile makes it live', async ({
  openWall,
  startCameras,
  page,
}) => {
  // The city's cameras fill the first wall; a 3×3 of them at 10 fps leaves this two-core machine
  // room for the one the test drags in (the test is about the directory: a 4×4 of transcodes beside
  // seventeen encoding cameras once made the dragged camera miss its start time-out in CI).
  const rtsp = await startCameras([{ name: 'cam', width: 320, height: 240, fps: 10 }], { copies: 17, keepAlive: true });
  const city = cityCameras(20_000, (i) => rtsp.url(`cam/${(i % 16) + 1}`));
  city.push({
    id: 'pos-ronda',
    name: 'Pos Ronda Bulusan',
    group: 'Kota Semarang/Tembalang/Bulusan/RT 03',
    streams: [{ profile: 'main', url: rtsp.url('cam/17') }],
  });
  await openWall({ cameras: city });
  await pickTemplate(page, '3x3');

  const list = page.locator('.camera-list');
  await expect(list.locator('.camera-count')).toHaveText('20001');
  // A city's directory starts folded: one row per top-level region, not 20,001 rows.
  await expect(list.locator('[data-group="Kota Semarang"]')).toBeVisible();
  expect(await list.locator('li').count()).toBeLessThan(60);

  await page.keyboard.press('/');
  await page.keyboard.type('pos RONDA bulusán');
  await expect(list.locator('[data-camera]')).toHaveCount(1);
  await expect(list.locator('[data-group="Kota Semarang/Tembalang/Bulusan/RT 03"]')).toBeVisible();

  const tile = page.locator('.wall .tile').nth(5);
  await list.locator('[data-camera="pos-ronda"]').dragTo(tile);
  await expect(tile).toHaveAttribute('data-camera-id', 'pos-ronda');
  await expect(tile).toHaveAttribute('data-state', 'live');

  // Scrolling the whole, unfolded city renders only the rows in view.
  await page.fill('[data-control="camera-search"]', 'kamera');
  await expect(list).toHaveAttribute('data-rows', /^2\d{4}$/);
  expect(await list.locator('li').count()).toBeLessThan(120);
  await list.locator('.directory-view').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  // The last region in the tree is Semarang Timur: its cameras are now the rows in view.
  await expect(list.locator('[data-camera]').last()).toContainText('Kamera Semarang Timur');
  expect(await list.locator('li').count()).toBeLessThan(120);
});

test('a city spreadsheet of 20,000 rows imports through the UI with a report, and the tree is usable at once', async ({
  openWall,
  page,
}, testInfo) => {
  await openWall();
  // What a city's spreadsheet exports: Indonesian headers, ";" separated, a BOM,
  // and a few bad rows among the good ones.
  const city = cityCameras(20_000, (i) => `rtsp://127.0.0.1:8554/kamera/${i + 1}`);
  const lines = ['\uFEFFKode;Nama;Wilayah;URL Utama;URL Sub;Nama Pengguna;Kata Sandi'];
  city.forEach((c, i) => {
    lines.push(`${c.id};${c.name};${c.group};${c.streams[0]!.url};;operator;Rahasia${i}`);
    if (i === 999) lines.push('smg-bad-1;Tanpa URL;Kota Semarang;;;;'); // line 1002
    if (i === 14_999) lines.push('smg-bad-2;Berkas lokal;Kota Semarang;file:///etc/passwd;;;'); // line 15003
  });
  const file = testInfo.outputPath('kamera-kota.csv');
  writeFileSync(file, lines.join('\r\n') + '\r\n');

  await page.setInputFiles('[data-control="csv-file"]', file);
  const report = page.locator('[data-control="csv-report"]');
  await expect(report.locator('[data-count="added"]')).toHaveText('20000 kamera baru', { timeout: 30_000 });
  await expect(report.locator('[data-count="rejected"]')).toHaveText('2 baris ditolak');
  await expect(report).toContainText('Baris 1002');
  await expect(report).toContainText('Baris 15003');
  await expect(page.locator('.camera-count')).toHaveText('4'); // nothing written before Apply

  await page.locator('[data-action="csv-apply"]').click();
  await expect(page.locator('[data-notice]')).toContainText('Impor selesai: 20000 baru, 0 diperbarui, 2 ditolak', {
    timeout: 30_000,
  });
  const list = page.locator('.camera-list');
  await expect(list.locator('.camera-count')).toHaveText('20004'); // and the four demo cameras
  await expect(list.locator('[data-group="Kota Semarang"]')).toContainText('20000');
  expect(await list.locator('li').count()).toBeLessThan(60);
  await page.keyboard.press('/');
  await page.keyboard.type('smg-19999');
  await expect(list.locator('[data-camera]')).toHaveCount(1);
  await expect(list.locator('[data-camera="smg-19999"]')).toContainText('Kamera Semarang Selatan 19999');
  // The passwords went to the core, not into the page.
  expect(await page.evaluate(() => document.body.innerHTML.includes('Rahasia'))).toBe(false);
});
