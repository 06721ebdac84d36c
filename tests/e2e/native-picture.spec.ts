/**
 * The native picture (issue #13) as the operator sees it: with `?decoder=native`
 * the camera's own H.264 is decoded by the browser (WebCodecs) in a worker and
 * painted into the tile; a screenshot of the tile must show the SMPTE bars in
 * their colours and places, for a multi-slice camera, a B-frame camera and a
 * portrait one — all three served by one worker of the pool (`native-workers=1`),
 * each in its own canvas. An H.265 camera, which this browser cannot take on that path,
 * falls back to MPEG-1 and still shows its bars.
 */
import { barsIn, borderIsBlack, smpteBars } from '../fixtures/picture';
import { expect, test } from './fixtures';
import { WallPage } from './pages/wall-page';

test('native path: the browser decodes the camera’s own H.264 in a worker and paints the true picture', async ({
  openWall,
  startCameras,
}, testInfo) => {
  const rtsp = await startCameras([
    { name: 'sliced', width: 640, height: 360, flags: 'pattern=smpte,slices=4,nooverlay' },
    { name: 'bframes', width: 640, height: 360, flags: 'pattern=smpte,bframes=2,nooverlay' },
    { name: 'portrait', width: 360, height: 640, flags: 'pattern=smpte,nooverlay' },
    { name: 'hevc', width: 640, height: 360, flags: 'pattern=smpte,codec=h265,nooverlay' },
  ]);
  const camera = (id: string, size: { width: number; height: number }) => ({
    id,
    name: id,
    group: 'Kota Semarang',
    streams: [{ profile: 'main', url: rtsp.url(id), ...size }],
  });
  const { wall } = await openWall({
    query: 'decoder=native&native-workers=1',
    cameras: [
      camera('sliced', { width: 640, height: 360 }),
      camera('bframes', { width: 640, height: 360 }),
      camera('portrait', { width: 360, height: 640 }),
      camera('hevc', { width: 640, height: 360 }),
    ],
  });
  await wall.expectLive(['sliced', 'bframes', 'portrait', 'hevc']);
  for (const id of ['sliced', 'bframes', 'portrait']) await expect(wall.tile(id)).toHaveAttribute('data-video', 'h264');
  await expect(wall.tile('hevc')).toHaveAttribute('data-video', 'mpeg1');

  for (const [id, aspect, stream] of [
    ['sliced', 16 / 9, 16 / 9],
    ['bframes', 16 / 9, 16 / 9],
    ['portrait', 9 / 16, 9 / 16], // native: the camera's own shape, fitted by the worker
    ['hevc', 16 / 9, 16 / 9],
  ] as const) {
    await expect
      .poll(
        async () => {
          const frame = await wall.painted(id);
          const box = WallPage.pictureBox(frame, aspect, stream);
          return { bars: barsIn(frame, box), border: borderIsBlack(frame, box) };
        },
        { message: `${id}: the bars as painted`, timeout: 10_000 },
      )
      .toEqual({ bars: [...smpteBars], border: true });
  }
  await wall.expectLive(['sliced', 'bframes', 'portrait', 'hevc']);
  // Three native tiles, one worker: the pool shares its workers among tiles.
  expect(wall.page.workers().filter((worker) => worker.url().includes('h264-worker')).length).toBe(1);
  // The health panel says which path each camera's picture takes.
  await wall.page.getByRole('button', { name: 'Kesehatan' }).click();
  const panel = wall.page.getByRole('complementary', { name: 'Kesehatan kamera' });
  await expect(panel.locator('tr[data-camera-id="sliced"] td[data-video]')).toHaveText('main · H.264 (asli kamera)');
  await expect(panel.locator('tr[data-camera-id="hevc"] td[data-video]').last()).toHaveText(
    'main · MPEG-1 (transkode)',
  );
  await testInfo.attach('native picture', {
    body: await wall.page.screenshot({ path: testInfo.outputPath('native-picture.png') }),
    contentType: 'image/png',
  });
});
