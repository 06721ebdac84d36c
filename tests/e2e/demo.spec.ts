/**
 * The demo cameras on a fresh machine (issue #22): they say they are a demo,
 * stay beside the operator's first own camera (a restart included), and go
 * only with "Hapus kamera demo", which also empties the tiles that showed them.
 */
import { newDataDir } from '../fixtures/host';
import { expect, test } from './fixtures';

test('adding a first camera keeps the demo cameras until the operator removes them', async ({
  openWall,
  page,
}, testInfo) => {
  const dataDir = newDataDir();
  const first = await openWall({ dataDir });
  const notice = page.locator('[data-control="demo-notice"]');
  await expect(notice).toContainText('4 kamera demo ditampilkan');
  await first.wall.expectLive(['demo-1', 'demo-2']);

  await page.locator('[data-action="camera-add-menu"]').click();
  await page.locator('[data-action="camera-add"]').click();
  await page.fill('[data-control="camera-id"]', 'pos-1');
  await page.fill('[data-control="camera-name"]', 'Pos 1');
  await page.fill('[data-control="camera-main"]', 'rtsp://127.0.0.1:9/pos-1');
  await page.locator('[data-action="camera-save"]').click();
  await expect(page.locator('[data-camera="pos-1"]')).toHaveCount(1);
  // The wall did not empty: the demo cameras still play beside the new one.
  await first.wall.expectLive(['demo-1', 'demo-2']);
  await expect(page.locator('[data-camera="demo-1"]')).toHaveCount(1);
  await testInfo.attach('demo beside the first camera', {
    body: await page.screenshot({ path: testInfo.outputPath('demo-notice.png') }),
    contentType: 'image/png',
  });

  // A restart keeps them too.
  await page.goto('about:blank');
  expect(await first.host.stop('SIGTERM')).toBe(0);
  const second = await openWall({ dataDir });
  await expect(notice).toContainText('4 kamera demo ditampilkan');
  await second.wall.expectLive(['demo-1']);

  await page.locator('[data-action="demo-remove"]').click();
  await expect(notice).toBeHidden();
  await expect(page.locator('[data-camera="demo-1"]')).toHaveCount(0);
  await expect(page.locator('[data-camera="pos-1"]')).toHaveCount(1);
  // The tiles that showed them are empty, not "camera not found".
  await expect(page.locator('.tile[data-camera-id^="demo-"]')).toHaveCount(0);
  await expect(page.locator('.tile[data-state="missing"]')).toHaveCount(0);

  // And they stay gone after a restart.
  await page.goto('about:blank');
  expect(await second.host.stop('SIGTERM')).toBe(0);
  await openWall({ dataDir });
  await expect(page.locator('[data-camera="pos-1"]')).toHaveCount(1);
  await expect(notice).toBeHidden();
});
