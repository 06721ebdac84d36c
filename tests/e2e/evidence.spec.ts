/**
 * Evidence clips (issue #15) from the operator's side, in the browser host
 * against GStreamer's RTSP server: the tile's Record button asks the
 * operator's name once, shows a running REC badge, and saves a signed clip
 * on Stop; "Simpan 5 detik terakhir" saves without asking again; the evidence
 * log lists both, finds them by search, and "Periksa bukti" says every file
 * and the signature hold.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { newDataDir } from '../fixtures/host';
import { expect, test } from './fixtures';
import { expectNoSeriousViolations } from './pages/axe';
import { screenshot } from './pages/screenshots';

test('record and save-last from a tile, then find and verify both in the evidence log', async ({
  openWall,
  startCameras,
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const server = await startCameras([{ name: 'pos', width: 320, height: 180, fps: 10, flags: 'pattern=smpte' }]);
  const evidenceDir = newDataDir();
  const { wall } = await openWall({
    cameras: [
      {
        id: 'pos-1',
        name: 'Pos Polisi Tugu Muda',
        group: 'Semarang',
        streams: [{ profile: 'main', url: server.url('pos') }],
      },
    ],
    hostArgs: ['--prebuffer', '5', '--evidence-dir', evidenceDir],
  });
  await wall.expectLive(['pos-1']);
  const tile = wall.tile('pos-1');

  // Record: the name is asked the first time, then the badge runs.
  await tile.hover();
  await tile.locator('[data-action="record"]').click();
  const dialog = page.locator('[data-control="operator-dialog"]');
  await expect(dialog).toContainText('Siapa yang menyimpan bukti ini?');
  await dialog.locator('[data-control="operator-name"]').fill('Bripka Sari');
  await dialog.locator('button[type="submit"]').click();
  await expect(dialog).toHaveCount(0);
  const badge = tile.locator('[data-recording]');
  await expect(badge).toContainText(/REKAM 0:0[2-9]/, { timeout: 10_000 });
  await screenshot(page, testInfo, 'evidence-recording');
  await tile.hover();
  await tile.locator('[data-action="record"]').click();
  await expect(page.locator('[data-notice]')).toContainText('Klip tersimpan', { timeout: 15_000 });
  await expect(badge).toHaveCount(0);

  // Save the last 5 s: no question this time.
  await tile.hover();
  await tile.locator('[data-action="save-clip"]').click();
  await expect(page.locator('[data-notice]')).toContainText(/Klip tersimpan \(\d+ detik/, { timeout: 15_000 });
  await expect(dialog).toHaveCount(0);
  const exports = readdirSync(evidenceDir).filter((name) => !name.startsWith('.'));
  expect(exports.map((name) => name.replace(/^\d{8}-\d{6}_/, '')).sort()).toEqual(['pos-1_rekaman', 'pos-1_terakhir']);
  for (const folder of exports) expect(readdirSync(path.join(evidenceDir, folder))).toContain('manifest.sig');

  // The log: both exports, a search, and a verification in words.
  await page.locator('[data-panel-button="evidence"]').click();
  const log = page.locator('[data-control="clip-log"]');
  await expect(log.locator('[data-clip]')).toHaveCount(2);
  await log.locator('[data-control="clip-search"]').fill('rekaman');
  await expect(log.locator('[data-clip]')).toHaveCount(1);
  await log.locator('[data-control="clip-search"]').fill('Bripka');
  await expect(log.locator('[data-clip]')).toHaveCount(2);
  const first = log.locator('[data-clip]').first();
  await first.locator('[data-action="clip-verify"]').click();
  await expect(first.locator('[data-verified="true"]')).toContainText('Kunci penanda tangan adalah kunci tepercaya');
  await expectNoSeriousViolations(page, '[data-control="evidence-drawer"]');
  await screenshot(page, testInfo, 'evidence-log');
});
