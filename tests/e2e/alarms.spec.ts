/**
 * Alarms (issue #14) in the browser host: a watch list on a group ("Gudang
 * logistik KPU"); the real camera server dies, the sweep finds its cameras
 * down, one alarm each is raised (not for the camera nobody watches), the
 * camera pops onto the chosen tile, the operator acknowledges with a note,
 * the camera comes back and the alarm ends; the log survives a reload and
 * exports as CSV.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { expectNoSeriousViolations } from './pages/axe';
import { screenshot } from './pages/screenshots';

const JALAN_NAME = 'Jalan Pemuda';
test('a watched camera that goes down raises one alarm, pops onto its tile, and is acknowledged with a note', async ({
  openWall,
  startCameras,
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const warehouse = await startCameras([
    { name: 'a', width: 320, height: 180, fps: 5 },
    { name: 'b', width: 320, height: 180, fps: 5 },
  ]);
  const street = await startCameras([{ name: 'c', width: 320, height: 180, fps: 5 }]);
  const { wall } = await openWall({
    cameras: [
      {
        id: 'jalan-1',
        name: JALAN_NAME,
        group: 'Kota Semarang/Tembalang',
        streams: [{ profile: 'main', url: street.url('c') }],
      },
      {
        id: 'gudang-1',
        name: 'Gudang KPU Pintu',
        group: 'Gudang logistik KPU',
        streams: [{ profile: 'main', url: warehouse.url('a') }],
      },
      {
        id: 'gudang-2',
        name: 'Gudang KPU Rak',
        group: 'Gudang logistik KPU',
        streams: [{ profile: 'main', url: warehouse.url('b') }],
      },
    ],
  });
  await wall.expectLive(['jalan-1', 'gudang-1', 'gudang-2']);

  // A watch list on the warehouse group, popping onto tile 4 of screen 1, with sound.
  await page.locator('[data-panel-button="alarms"]').click();
  const drawer = page.locator('[data-control="alarm-drawer"]');
  await expect(drawer.locator('[data-control="alarm-empty"]')).toContainText('Belum ada daftar pantau');
  await drawer.locator('[data-action="watch-new"]').click();
  await drawer.locator('[data-control="watch-name"]').fill('Gudang KPU');
  await drawer.locator('[data-control="watch-group"]').fill('Gudang logistik KPU');
  await drawer.locator('[data-action="watch-group-add"]').click();
  // Cameras are picked by name (offered as the operator types); a name not in the list is refused.
  await drawer.locator('[data-control="watch-camera"]').fill('Kamera Tidak Ada');
  await drawer.locator('[data-control="watch-camera"]').press('Enter');
  await expect(drawer.locator('.field-problem')).toHaveText('Tidak ada di daftar kamera: Kamera Tidak Ada');
  // Two cameras have "Gudang" in their name: the operator is asked to pick one.
  await drawer.locator('[data-control="watch-camera"]').fill('Gudang');
  await drawer.locator('[data-action="watch-camera-add"]').click();
  await expect(drawer.locator('.field-problem')).toHaveText('2 kamera cocok dengan “Gudang”: pilih satu dari daftar');
  // A part of one camera's name is enough.
  await drawer.locator('[data-control="watch-camera"]').fill('pemuda');
  await drawer.locator('[data-action="watch-camera-add"]').click();
  await expect(drawer.locator('[data-chip="jalan-1"]')).toHaveText(`${JALAN_NAME} (jalan-1) ×`);
  await expect(drawer.locator('.field-problem')).toHaveCount(0);
  await drawer.locator('[data-control="watch-pop-wall"]').selectOption('1');
  await drawer.locator('[data-control="watch-pop-tile"]').fill('4');
  await drawer.locator('[data-action="watch-save"]').click();
  await expect(drawer.locator('[data-watch-id="gudang-kpu"]')).toContainText('layar 1, petak 4');

  // The warehouse's server dies; the operator asks the fleet to check now.
  const port = warehouse.port;
  await warehouse.stop();
  await page.locator('[data-panel-button="fleet"]').click();
  await page.locator('[data-action="fleet-sweep"]').click();
  await expect(page.locator('[data-control="alarm-count"]')).toHaveText('2', { timeout: 20_000 });
  await expect(page.locator('[data-panel-button="alarms"]')).toHaveAttribute('aria-label', 'Alarm: 2 belum diakui');
  // Sound was asked for (whether the browser let it play is its autoplay policy's call).
  await expect(page.locator('html')).toHaveAttribute('data-alarm-sound', /played|blocked/);
  // The alarming camera is popped onto tile 4.
  await expect(page.locator('.tile[data-tile-index="3"]')).toHaveAttribute('data-camera-id', /gudang-[12]/);

  await page.locator('[data-panel-button="alarms"]').click();
  const rows = drawer.locator('[data-alarm-id]');
  await expect(rows).toHaveCount(2);
  await expect(drawer.locator('[data-camera-id="jalan-1"]')).toHaveCount(0);
  const first = drawer.locator('[data-alarm-id][data-camera-id="gudang-1"]');
  await expect(first).toContainText('Kamera mati');
  await expect(first).toContainText('masih berlangsung');
  await first.locator('[data-control="alarm-note"]').fill('Petugas gudang dihubungi, listrik padam');
  await first.locator('[data-action="alarm-ack"]').click();
  await expect(first).toHaveAttribute('data-acked', 'true');
  await expect(first.locator('[data-control="alarm-ack-note"]')).toContainText(
    'Petugas gudang dihubungi, listrik padam',
  );
  await expect(page.locator('[data-control="alarm-count"]')).toHaveText('1');
  await screenshot(page, testInfo, 'alarms-1366x768-id');
  await expectNoSeriousViolations(page, 'the alarm drawer');

  // The warehouse comes back: its alarms end (acknowledged or not).
  const back = await startCameras(
    [
      { name: 'a', width: 320, height: 180, fps: 5 },
      { name: 'b', width: 320, height: 180, fps: 5 },
    ],
    { port },
  );
  void back;
  await page.locator('[data-panel-button="fleet"]').click();
  await page.locator('[data-action="fleet-sweep"]').click();
  await page.locator('[data-panel-button="alarms"]').click();
  await expect(first).toContainText('selesai', { timeout: 20_000 });

  // Kept in the database: still there after a reload, and exported with the note.
  await page.reload();
  await page.locator('[data-panel-button="alarms"]').click();
  await expect(page.locator('[data-control="alarm-drawer"] [data-alarm-id]')).toHaveCount(2);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action="alarm-export"]').click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFWaktu,ID kamera,Nama,Kejadian,Daftar pantau,Selesai,Diakui,Oleh,Catatan');
  expect(csv).toContain('Petugas gudang dihubungi, listrik padam');
  expect(csv).toContain('Gudang KPU');
});
