/**
 * Digital zoom (issue #13) on the painted picture: the wheel zooms about the
 * pointer, so the bar under it grows to cover its neighbours' places; a map in
 * the corner shows the part in view; Ctrl+0 returns to the whole picture. Read
 * off screenshots of the tile, on the native path (the camera's own pixels).
 * Two fingers pinch it on a touch screen (real touch events, through the
 * browser's own pointer events).
 */
import { colourAt, decodePng, fittedBox } from '../fixtures/picture';
import { expect, test, type Fixtures } from './fixtures';

/**
 * One camera of colour bars on the wall (native path), and where on the tile its red bar is and a
 * point right of it (blue until the picture is zoomed about the red bar), read off the glass.
 */
async function barsTile({ openWall, startCameras }: Pick<Fixtures, 'openWall' | 'startCameras'>) {
  const rtsp = await startCameras([{ name: 'bars', width: 640, height: 360, flags: 'pattern=smpte,nooverlay' }]);
  const { wall } = await openWall({
    query: 'decoder=native',
    cameras: [
      { id: 'bars', name: 'Bars', streams: [{ profile: 'main', url: rtsp.url('bars'), width: 640, height: 360 }] },
    ],
  });
  await wall.expectLive(['bars']);
  const tile = wall.tile('bars');
  const bounds = (await tile.boundingBox())!;
  const picture = fittedBox(16 / 9, bounds.width / bounds.height);
  // The red bar (sixth of seven), a third of the way down; and where the blue one is, to its right.
  const at = (fx: number, fy: number) => ({
    x: (picture.left + fx * picture.width) * bounds.width,
    y: (picture.top + fy * picture.height) * bounds.height,
  });
  const colour = async (point: { x: number; y: number }) =>
    colourAt(decodePng(await tile.screenshot()), point.x, point.y);
  return { wall, tile, bounds, red: at(5.5 / 7, 1 / 3), right: at(5.5 / 7 + 0.12, 1 / 3), colour };
}

test('the wheel zooms the picture about the pointer; the map shows where; Ctrl+0 shows it whole again', async ({
  openWall,
  startCameras,
}, testInfo) => {
  const { wall, tile, bounds, red, right, colour } = await barsTile({ openWall, startCameras });
  expect(await colour(right)).toBe('blue');

  await wall.page.mouse.move(bounds.x + red.x, bounds.y + red.y);
  for (let i = 0; i < 6; i++) await wall.page.mouse.wheel(0, -100);
  await expect(tile).toHaveAttribute('data-zoom', '3.81');
  await expect(tile.getByLabel('Diperbesar 3.8×')).toBeVisible();
  // Zoomed about the red bar: it now covers where the blue one was; the pointer's point stays red.
  await expect.poll(() => colour(right)).toBe('red');
  expect(await colour(red)).toBe('red');
  await expect(tile).toHaveAttribute('data-state', 'live');
  await testInfo.attach('zoomed tile', {
    body: await tile.screenshot({ path: testInfo.outputPath('zoomed.png') }),
    contentType: 'image/png',
  });

  await tile.click();
  await wall.page.keyboard.press('Control+0');
  await expect(tile).not.toHaveAttribute('data-zoom', /.*/);
  await expect.poll(() => colour(right)).toBe('blue');
});

test('two fingers on a touch screen pinch the picture open about the point between them', async ({
  openWall,
  startCameras,
}) => {
  const { wall, tile, bounds, red, right, colour } = await barsTile({ openWall, startCameras });
  expect(await colour(right)).toBe('blue');

  // Real touches, as the screen sends them: two fingers either side of the red bar, spreading from 20 to 80 px apart.
  const cdp = await wall.page.context().newCDPSession(wall.page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 2 });
  const centre = { x: bounds.x + red.x, y: bounds.y + red.y };
  const fingers = (spread: number) => [
    { x: centre.x - spread / 2, y: centre.y, id: 1 },
    { x: centre.x + spread / 2, y: centre.y, id: 2 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(20) });
  for (const spread of [30, 45, 60, 80])
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(spread) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });

  await expect(tile).toHaveAttribute('data-zoom', '4.00');
  await expect.poll(() => colour(right)).toBe('red');
  expect(await colour(red)).toBe('red');
  await expect(tile).toHaveAttribute('data-state', 'live');
});
