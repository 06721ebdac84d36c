/**
 * A wall that bends (issue #23), in Chromium against GStreamer cameras:
 * - past the machine's capacity (a 5×5 wall of 25 distinct cameras, which this
 *   two-core machine cannot paint at full rate) tiles go to economy — the
 *   camera's key pictures only — and say so with a badge and the rate they
 *   hold, the status bar counts them, and the selected tile keeps its full
 *   rate; with fewer tiles the wall climbs back to full by itself, and the big
 *   wall opened again starts its extra tiles on key pictures at once;
 * - the layout's own choice ("key pictures only") and a tile's "keep full
 *   rate" pin are kept with the saved layout, and an economy tile's picture
 *   is the camera's true picture (bars in their colours on the screen).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { barsIn, smpteBars } from '../fixtures/picture';
import { replayClip } from '../fixtures/replay-clip';
import { expect, test } from './fixtures';
import { pickTemplate, WallPage } from './pages/wall-page';

// The trace's screencast paints every frame a second time: it would be part of the load measured.
test.use({ trace: 'off' });

const economyTiles = '.tile[data-mode="keyframes"], .tile[data-mode="keyframes-slow"]';

test('past capacity the small tiles go to economy and say so; the selected tile keeps full rate; fewer tiles climb back', async ({
  openWall,
  startCameras,
}, testInfo) => {
  test.setTimeout(150_000);
  // Replayed, not encoded: 25 cameras that cost the machine nothing, so the load is Pantau's own.
  const rtsp = await startCameras([{ name: 'cam', width: 640, height: 360, flags: `replay=${replayClip()}` }], {
    copies: 25,
  });
  const ids = Array.from({ length: 25 }, (_, i) => `cam-${i + 1}`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pantau-economy-'));
  writeFileSync(
    path.join(dataDir, 'layouts.json'),
    JSON.stringify({
      version: 1,
      defaultLayoutId: 'kota',
      layouts: [
        {
          id: 'kota',
          name: 'Kota 5×5',
          geometry: {
            cols: 5,
            rows: 5,
            tiles: Array.from({ length: 25 }, (_, i) => ({ x: i % 5, y: Math.floor(i / 5), w: 1, h: 1 })),
          },
          cameras: ids,
          locked: false,
          updatedAt: 1,
        },
      ],
    }),
  );
  const { wall } = await openWall({
    economy: true,
    dataDir,
    cameras: ids.map((id, i) => ({
      id,
      name: `Simpang ${i + 1}`,
      streams: [{ profile: 'main', url: rtsp.url(`cam/${i + 1}`), width: 640, height: 360 }],
    })),
  });
  const page = wall.page;
  await expect(wall.tiles).toHaveCount(25);
  // The operator watches the middle tile.
  await wall.tile('cam-13').click();
  await expect
    .poll(() => page.locator(economyTiles).count(), { timeout: 60_000, message: 'tiles on economy' })
    .toBeGreaterThan(0);
  const economy = page.locator(economyTiles).first();
  await expect(economy.locator('[data-economy]')).toContainText(/Hemat/);
  await expect(page.locator('[data-figure="economy"]')).toContainText('petak hemat');
  // Served last, never first: the selected tile stays at full rate and live.
  await expect(wall.tile('cam-13')).toHaveAttribute('data-mode', 'full');
  await expect
    .poll(() => page.locator('.tile[data-state="live"]').count(), { timeout: 20_000, message: 'tiles live' })
    .toBeGreaterThanOrEqual(20);
  await testInfo.attach('5x5 past capacity', {
    body: await page.screenshot({ path: testInfo.outputPath('economy-5x5.png') }),
    contentType: 'image/png',
  });

  // Fewer tiles: the machine has room again and every tile climbs back to full.
  await pickTemplate(page, '2x2');
  await expect(wall.tiles).toHaveCount(4);
  await expect
    .poll(() => page.locator(economyTiles).count(), { timeout: 30_000, message: 'tiles still on economy' })
    .toBe(0);
  await expect(page.locator('[data-figure="economy"]')).toHaveCount(0);

  // The big wall again: past what the machine was just measured to carry, it starts its extra
  // tiles on key pictures at once — before the load meter could have shed anything (a new wall's
  // tiles count in it only after 6 s on their camera, and it sheds after two measurements behind).
  // Once the meter has measured the 2×2 at full rate (its four cameras' 100 pictures a second counted):
  const sentFps = async () =>
    Number(/\/\s*(\d+)/.exec((await page.locator('[data-figure="pictures"]').textContent()) ?? '')?.[1] ?? 0);
  await expect.poll(sentFps, { timeout: 20_000, message: 'the 2×2 measured at full rate' }).toBeGreaterThanOrEqual(90);
  await pickTemplate(page, '5x5');
  await expect(wall.tiles).toHaveCount(25);
  await expect
    .poll(() => page.locator(economyTiles).count(), { timeout: 1500, message: 'tiles starting on key pictures' })
    .toBeGreaterThan(0);
});

test('the layout’s “key pictures only” and a tile’s pin are saved with it; an economy tile shows the true picture', async ({
  openWall,
  startCameras,
}) => {
  const rtsp = await startCameras([{ name: 'cam', width: 640, height: 360, flags: 'pattern=smpte,nooverlay' }], {
    copies: 4,
    keepAlive: true,
  });
  const ids = ['a', 'b', 'c', 'd'];
  const { wall } = await openWall({
    economy: true,
    cameras: ids.map((id, i) => ({
      id,
      name: `Gudang ${id}`,
      streams: [{ profile: 'main', url: rtsp.url(`cam/${i + 1}`), width: 640, height: 360 }],
    })),
  });
  const page = wall.page;
  await pickTemplate(page, '2x2');
  await wall.expectLive(ids);
  await page.locator('[data-control="layout-rate"]').selectOption('keyframes');
  // Tile a keeps its full rate: pinned.
  await wall.tile('a').hover();
  await wall.tile('a').getByRole('button', { name: 'Tetap laju penuh' }).click();
  await expect(wall.tile('a').getByRole('button', { name: 'Tetap laju penuh' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.locator('body').click({ position: { x: 2, y: 2 } });

  await expect.poll(() => page.locator(economyTiles).count(), { timeout: 15_000, message: 'tiles on economy' }).toBe(3);
  await expect(wall.tile('a')).toHaveAttribute('data-mode', 'full');
  await expect(page.locator('[data-figure="economy"]')).toContainText('diatur tata letak');
  // The economy tile paints the camera's own key pictures: the bars, in their places, about one a second.
  await wall.expectLive(['b']);
  await expect
    .poll(async () => barsIn(await wall.painted('b'), WallPage.pictureBox(await wall.painted('b'), 16 / 9)), {
      timeout: 10_000,
      message: 'bars on the economy tile',
    })
    .toEqual([...smpteBars]);
  await expect(wall.tile('b').locator('[data-economy]')).toHaveText(/Hemat · (0,[5-9]|1|1,\d) fps/, {
    timeout: 10_000,
  });

  // Saved with the layout: a reload brings back the rate choice and the pin.
  await page.locator('[data-action="layout-save-as"]').click();
  await page.locator('[data-control="layout-name"]').fill('Gudang hemat');
  await page.locator('[data-control="layout-name"]').press('Enter');
  await expect(page.locator('[data-control="layout"] option:checked')).toHaveText('Gudang hemat');
  await page.reload();
  await page.locator('[data-control="layout"]').selectOption({ label: 'Gudang hemat' });
  await expect(page.locator('[data-control="layout-rate"]')).toHaveValue('keyframes');
  await expect(wall.tile('a').getByRole('button', { name: 'Tetap laju penuh' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect
    .poll(() => page.locator(economyTiles).count(), { timeout: 15_000, message: 'tiles on economy after reload' })
    .toBe(3);
});
