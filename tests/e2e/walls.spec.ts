/**
 * The windows the Electron shell opens, tested where they can run: a wall
 * window (`?wall=2&tabs=3&control=0`) shows the layout meant for its monitor,
 * without the controls, with the walls of missing displays as tabs; a window
 * reloaded after a crash gets its tiles back.
 */
import { ffmpegProcesses } from '../fixtures/processes';
import { expect, test } from './fixtures';
import { pickTemplate } from './pages/wall-page';

test('a wall window shows the layouts meant for its monitors, with tabs for walls whose display is missing', async ({
  openWall,
  page,
}) => {
  const { host } = await openWall();
  const saveFor = async (monitor: string, camera: string, name: string) => {
    await pickTemplate(page, '1');
    await expect(page.locator('.wall .tile')).toHaveCount(1);
    // Select the tile, then click the camera (drag and drop has its own test in layouts.spec.ts).
    await page.locator('.wall .tile').nth(0).click();
    await page.locator(`[data-camera="${camera}"]`).click();
    await expect(page.locator('.wall .tile').nth(0)).toHaveAttribute('data-camera-id', camera);
    await page.locator('[data-action="layout-save-as"]').click();
    await page.fill('[data-control="layout-name"]', name);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-control="layout"] option:checked')).toHaveText(name);
    await page.selectOption('[data-control="layout-monitor"]', monitor);
    await expect(page.locator('[data-control="layout-monitor"]')).toHaveValue(monitor);
  };
  await saveFor('2', 'demo-2', 'Layar kanan');
  await saveFor('3', 'demo-3', 'Layar atas');

  const wallWindow = await page.context().newPage();
  await wallWindow.goto(`${host.url}&wall=2&tabs=3&control=0`);
  await expect(wallWindow.locator('.app')).toHaveAttribute('data-control-surface', 'false');
  await expect(wallWindow.locator('.camera-list')).toHaveCount(0);
  await expect(wallWindow.locator('[data-action="layout-save"]')).toHaveCount(0);
  await expect(wallWindow.locator('[role="tab"]')).toHaveText(['Layar 2', 'Layar 3']);
  const tile = wallWindow.locator('.wall .tile').nth(0);
  await expect(tile).toHaveAttribute('data-camera-id', 'demo-2');
  await expect(tile).toHaveAttribute('data-state', 'live');
  await wallWindow.locator('[role="tab"][data-wall="3"]').click();
  await expect(wallWindow.locator('[role="tab"][data-wall="3"]')).toHaveAttribute('aria-selected', 'true');
  await expect(tile).toHaveAttribute('data-camera-id', 'demo-3');
  await expect(tile).toHaveAttribute('data-state', 'live');
  // The control window shows demo-3 too: both windows are served by the core's one ffmpeg for it.
  await expect(page.locator('.wall .tile').nth(0)).toHaveAttribute('data-camera-id', 'demo-3');
  await expect(page.locator('.wall .tile').nth(0)).toHaveAttribute('data-state', 'live');
  expect(ffmpegProcesses('Demo 3 Lawang Sewu')).toHaveLength(1);
  // Back to wall 2: as it was.
  await wallWindow.locator('[role="tab"][data-wall="2"]').click();
  await expect(tile).toHaveAttribute('data-camera-id', 'demo-2');
  await wallWindow.goto('about:blank');
  await wallWindow.close();
});

test('a window reloaded (as after a renderer crash) gets its unsaved tiles back', async ({ openWall, page }) => {
  await openWall();
  await pickTemplate(page, '3x3');
  await page.locator('[data-camera="demo-4"]').dragTo(page.locator('.wall .tile').nth(8));
  await expect(page.locator('.wall .tile').nth(8)).toHaveAttribute('data-state', 'live');
  const before = await page
    .locator('.wall .tile')
    .evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-camera-id')));
  await page.reload();
  await expect(page.locator('.wall')).toHaveAttribute('data-layout', '3x3');
  const after = await page
    .locator('.wall .tile')
    .evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-camera-id')));
  expect(after).toEqual(before);
  await expect(page.locator('.wall .tile').nth(8)).toHaveAttribute('data-state', 'live');
});
