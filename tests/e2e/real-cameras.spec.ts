/**
 * What the operator sees of cameras that broke the wall before: the tile's
 * painted pixels (a screenshot of its canvas) must show the SMPTE bars in
 * their colours and places, and a tile says "live" only for such a picture.
 */
import { barsIn, borderIsBlack, smpteBars } from '../fixtures/picture';
import { expect, test } from './fixtures';
import { WallPage } from './pages/wall-page';

test('multi-slice, 4:3 declared 16:9 and UDP-only cameras paint their true picture; a lossy one says its picture is damaged', async ({
  openWall,
  startCameras,
}, testInfo) => {
  const rtsp = await startCameras([
    { name: 'sliced', width: 640, height: 360, flags: 'pattern=smpte,slices=4,nooverlay' },
    { name: 'four-three', width: 640, height: 480, flags: 'pattern=smpte,nooverlay' },
    { name: 'udp-only', width: 640, height: 360, flags: 'pattern=smpte,udp-only,nooverlay' },
    { name: 'lossy', width: 640, height: 360, flags: 'pattern=smpte,slices=4,loss=0.05,nooverlay' },
  ]);
  const camera = (id: string, mount: string, size: { width: number; height: number }) => ({
    id,
    name: id,
    group: 'Kota Semarang',
    streams: [{ profile: 'main', url: rtsp.url(mount), ...size }],
  });
  const { wall } = await openWall({
    cameras: [
      camera('sliced', 'sliced', { width: 640, height: 360 }),
      // The camera file says 16:9; the camera sends 4:3.
      camera('four-three', 'four-three', { width: 1280, height: 720 }),
      camera('udp-only', 'udp-only', { width: 640, height: 360 }),
      camera('lossy', 'lossy', { width: 640, height: 360 }),
    ],
  });
  await wall.expectLive(['sliced', 'four-three', 'udp-only']);
  await expect(wall.tile('lossy')).toHaveAttribute('data-state', 'degraded');
  await expect(wall.tile('lossy').getByRole('status')).toHaveText('Gambar rusak');

  for (const [id, aspect] of [
    ['sliced', 16 / 9],
    ['four-three', 4 / 3],
    ['udp-only', 16 / 9],
  ] as const) {
    await expect
      .poll(
        async () => {
          const frame = await wall.painted(id);
          const box = WallPage.pictureBox(frame, aspect);
          return { bars: barsIn(frame, box), border: borderIsBlack(frame, box) };
        },
        { message: `${id}: the bars as painted`, timeout: 10_000 },
      )
      .toEqual({ bars: [...smpteBars], border: true });
  }
  // Still live after all that time: nothing concealed, no stall.
  await wall.expectLive(['sliced', 'four-three', 'udp-only']);
  await testInfo.attach('real cameras', {
    body: await wall.page.screenshot({ path: testInfo.outputPath('real-cameras.png') }),
    contentType: 'image/png',
  });
});
