/** A city's directory: 20,000 cameras, found by search, dragged onto the wall. */
import { cityCameras } from '../fixtures/city';
import { expect, test } from './fixtures';

test('search finds a camera among 20,000 and dragging it onto a tile makes it live', async ({ openWall, startCameras, page }) => {
  const rtsp = await startCameras([{ name: 'cam', width: 320, height: 240 }], { copies: 17, keepAlive: true });
  const city = cityCameras(20_000, (i) => rtsp.url(`cam/${(i % 16) + 1}`));
  city.push({ id: 'pos-ronda', name: 'Pos Ronda Bulusan', group: 'Kota Semarang/Tembalang/Bulusan/RT 03', streams: [{ profile: 'main', url: rtsp.url('cam/17') }] });
  await openWall({ cameras: city });

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
