/**
 * Fleet watch (issue #14) in the browser host: the sweep checks every camera of
 * the inventory against real servers (GStreamer with Digest, a closed port, a
 * listener that never answers), the directory badges and rolls them up, the
 * broken list says since when and why and puts one on the wall, the uptime
 * chart and table show a week of history, and the reports download.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cityCameras } from '../fixtures/city';
import { seedFleetHistory } from '../fixtures/fleet-seed';
import { localDayStart } from '../../shared/fleet';
import { expect, test } from './fixtures';
import { expectNoSeriousViolations } from './pages/axe';
import { screenshot } from './pages/screenshots';
import { pickTemplate } from './pages/wall-page';

const DAY = 86_400_000;
const HOUR = 3_600_000;

test('the fleet sweep finds the broken cameras of the whole inventory, and reports their uptime', async ({
  openWall,
  startCameras,
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const rtsp = await startCameras([{ name: 'cam', width: 320, height: 180, fps: 5 }], { digest: 'operator:Rahasia#1' });
  // A camera or NVR under load: accepts the connection, never answers (on an address of its own).
  const silent = net.createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.3', resolve));
  const silentPort = (silent.address() as AddressInfo).port;
  const cameras = cityCameras(16, (i) =>
    i === 4 || i === 9 ? 'rtsp://127.0.0.5:9/x' : i === 13 ? `rtsp://127.0.0.3:${silentPort}/x` : rtsp.url('cam'),
  ).map((c, i) => ({ ...c, username: 'operator', password: i === 6 ? 'salah' : 'Rahasia#1' }));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pantau-fleet-e2e-'));
  const now = Date.now();
  // Local days, as the page counts them (its zone is this machine's).
  const today = localDayStart(now, Intl.DateTimeFormat().resolvedOptions().timeZone);
  const twoDaysAgo = localDayStart(today - 2 * DAY + HOUR, Intl.DateTimeFormat().resolvedOptions().timeZone);
  const fiveDaysAgo = localDayStart(today - 5 * DAY + HOUR, Intl.DateTimeFormat().resolvedOptions().timeZone);
  seedFleetHistory(
    dataDir,
    cameras.map((c) => c.id),
    [
      // 20:00–04:00 across the midnight two days ago: four hours on each side.
      { cameraId: 'smg-00002', start: twoDaysAgo - 4 * HOUR, end: twoDaysAgo + 4 * HOUR, reason: 'rtsp-no-answer' },
      // 10:00–13:00 five days ago.
      {
        cameraId: 'smg-00003',
        start: fiveDaysAgo + 10 * HOUR,
        end: fiveDaysAgo + 13 * HOUR,
        reason: 'rtsp-unreachable',
      },
    ],
    now - 8 * DAY,
  );
  try {
    const { wall } = await openWall({ cameras, dataDir });
    // Four cameras on the wall: the other twelve are known only through the sweep.
    await pickTemplate(wall.page, '2x2');
    await wall.page.locator('[data-panel-button="fleet"]').click();
    const drawer = wall.page.locator('[data-control="fleet-drawer"]');
    await expect(drawer).toBeVisible();
    // The browser host on a server sweeps by default; the operator need not wait for the schedule.
    await expect(drawer.locator('[data-control="fleet-enabled"]')).toBeChecked();
    await drawer.locator('[data-action="fleet-sweep"]').click();
    await expect(drawer.locator('[data-control="fleet-sweep-status"]')).toContainText('16 diperiksa · 4 rusak', {
      timeout: 30_000,
    });
    await expect(drawer.locator('[data-control="fleet-broken-count"]')).toHaveText('4 dari 16 kamera rusak');
    const row = (id: string) => drawer.locator(`tr[data-camera-id="${id}"]`);
    await expect(row('smg-00005')).toContainText('Kota Semarang/Semarang Tengah');
    await expect(row('smg-00005').locator('[data-reason]')).toHaveAttribute('data-reason', 'rtsp-unreachable');
    await expect(row('smg-00007').locator('[data-reason]')).toHaveAttribute('data-reason', 'auth-failed');
    await expect(row('smg-00007')).toContainText('Kata sandi kamera salah');
    await expect(row('smg-00014').locator('[data-reason]')).toHaveAttribute('data-reason', 'rtsp-no-answer');
    await expect(drawer.locator('tbody tr')).toHaveCount(4);
    // Nothing the page holds carries a camera's password.
    expect(await wall.page.content()).not.toContain('Rahasia#1');

    // Filtered by a word of the region, or by the region itself.
    await drawer.locator('[data-control="fleet-filter"]').fill('mijen');
    await expect(drawer.locator('tbody tr')).toHaveCount(1);
    await expect(drawer.locator('tbody tr')).toHaveAttribute('data-camera-id', 'smg-00010');
    await drawer.locator('[data-control="fleet-filter"]').fill('');
    await screenshot(wall.page, testInfo, 'fleet-broken-1366x768-id');
    await expectNoSeriousViolations(wall.page, "the fleet drawer's broken list");

    // The directory badges every camera, not only those on the wall, and rolls regions up.
    const list = wall.page.locator('.camera-list');
    await expect(list.locator('[data-group="Kota Semarang"] [data-rollup]')).toHaveText('12/16');
    await expect(list.locator('[data-camera="smg-00005"] [data-dot]')).toHaveAttribute('data-dot', 'broken');
    await expect(list.locator('[data-camera="smg-00005"] [data-dot]')).toHaveAttribute(
      'aria-label',
      'Rusak: Kamera tidak dapat dijangkau',
    );
    await expect(list.locator('[data-camera="smg-00006"] [data-dot]')).toHaveAttribute('data-dot', 'reachable');

    // One click puts a broken camera on the wall; the tile then tells its own truth.
    await wall.page.locator('[data-tile-index="0"]').click();
    await row('smg-00007').locator('[data-action="fleet-to-wall"]').click();
    await expect(wall.tile('smg-00007')).toHaveAttribute('data-state', 'auth-failed', { timeout: 15_000 });

    // Uptime: a week of days per region, the seeded outages where they fell, and the reports.
    await drawer.locator('[data-tab="uptime"]').click();
    const chart = drawer.locator('[data-control="fleet-chart"]');
    // One camera per district here: each region's row is that camera's week, a cell a local day.
    await expect(chart.locator('.fleet-chart-row')).toHaveCount(16);
    const cells = (region: string) =>
      chart
        .locator(`.fleet-chart-row[data-region="Kota Semarang/${region}"] .fleet-cell`)
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-percent')));
    expect(await cells('Banyumanik')).toEqual(['100.00', '100.00', '100.00', '83.33', '83.33', '100.00', '100.00']);
    expect(await cells('Gajahmungkur')).toEqual(['100.00', '87.50', '100.00', '100.00', '100.00', '100.00', '100.00']);
    // Per camera on screen too, worst first, filterable.
    const perCamera = drawer.locator('[data-control="fleet-camera-table"]');
    await expect(perCamera.locator('tr[data-camera-id="smg-00002"] [data-uptime]')).toHaveAttribute(
      'data-uptime',
      /^9\d\./,
    );
    const uptimes = await perCamera.locator('[data-uptime]').evaluateAll((els) =>
      els
        .map((e) => e.getAttribute('data-uptime'))
        .filter(Boolean)
        .map(Number),
    );
    expect(uptimes.length).toBeGreaterThan(10);
    expect(uptimes).toEqual([...uptimes].sort((a, b) => a - b));
    await perCamera.locator('[data-control="fleet-camera-filter"]').fill('Gajahmungkur');
    await expect(perCamera.locator('tr[data-camera-id]')).toHaveCount(1);
    await perCamera.locator('[data-control="fleet-camera-filter"]').fill('');
    await drawer.locator('[data-control="fleet-report-region"]').selectOption('Kota Semarang/Banyumanik');
    const [csv] = await Promise.all([
      wall.page.waitForEvent('download'),
      drawer.locator('[data-action="fleet-report-outages"]').click(),
    ]);
    const outages = readFileSync((await csv.path())!, 'utf8');
    expect(outages.split('\r\n')[0]).toBe('\uFEFFID kamera,Nama,Wilayah,Mulai,Selesai,Lama (min),Sebab');
    const lines = outages.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^smg-00002,Kamera Banyumanik 2,Kota Semarang\/Banyumanik,\d{4}-\d\d-\d\d 20:00:00,\d{4}-\d\d-\d\d 04:00:00,480,/,
    );
    const [html] = await Promise.all([
      wall.page.waitForEvent('download'),
      drawer.locator('[data-action="fleet-report-html"]').click(),
    ]);
    const report = readFileSync((await html.path())!, 'utf8');
    expect(report).toContain('@page { size: A4;');
    expect(report).toContain('Laporan uptime kamera');
    expect(report).not.toContain('<script');
    await screenshot(wall.page, testInfo, 'fleet-uptime-1366x768-id');
    await expectNoSeriousViolations(wall.page, 'the uptime chart and table');

    // Turned off, it stays off after a reload (kept by the core, not the page).
    await drawer.locator('[data-control="fleet-enabled"]').uncheck();
    await wall.page.reload();
    await wall.page.locator('[data-panel-button="fleet"]').click();
    await expect(wall.page.locator('[data-control="fleet-enabled"]')).not.toBeChecked();
  } finally {
    silent.close();
  }
});
