/**
 * MPEG-1 tiles decode in workers (issue #13): the page's own thread can be
 * busy — a long React render, a search over 20,000 cameras, a slow extension —
 * and the pictures keep their rate. Read off the glass: the replayed camera's
 * picture numbers on two screenshots, and its colour bars where they belong.
 * `?mpeg1=page` (JSMpeg on the page's thread, as before) fails this test: its
 * pictures stop while the thread is busy.
 */
import { barsIn, decodePng, smpteBars } from '../fixtures/picture';
import { frameNumberIn, pictureBoxes, replayClip } from '../fixtures/replay-clip';
import { expect, test } from './fixtures';

test.use({ trace: 'off' });

test('with the page thread busy, an MPEG-1 tile keeps painting its camera at its rate', async ({
  openWall,
  startCameras,
}) => {
  const rtsp = await startCameras([{ name: 'cam', width: 640, height: 360, flags: `replay=${replayClip()}` }]);
  const { wall } = await openWall({
    query: `decoder=mpeg1${process.env.PANTAU_MPEG1 ? `&mpeg1=${process.env.PANTAU_MPEG1}` : ''}`,
    cameras: [
      {
        id: 'cam',
        name: 'Simpang Lima',
        streams: [{ profile: 'main', url: rtsp.url('cam'), width: 640, height: 360 }],
      },
    ],
  });
  const page = wall.page;
  await wall.expectLive(['cam']);
  await expect(wall.tile('cam')).toHaveAttribute('data-video', 'mpeg1');
  const box = (await pictureBoxes(page))[0]!;
  const shot = async () => {
    const at = Date.now();
    const frame = decodePng(await page.screenshot());
    return { at, frame, number: frameNumberIn(frame, box) };
  };
  // The page's thread works 300 ms at a time with 10 ms between, for 5 s.
  await page.evaluate(() => {
    const end = performance.now() + 5000;
    const spin = () => {
      const from = performance.now();
      while (performance.now() - from < 300) {
        // busy
      }
      if (performance.now() < end) setTimeout(spin, 10);
    };
    setTimeout(spin, 0);
  });
  // A rate is measured over time: these two waits are the measurement's window, not a guess.
  // eslint-disable-next-line no-restricted-properties
  await page.waitForTimeout(500);
  const first = await shot();
  // eslint-disable-next-line no-restricted-properties
  await page.waitForTimeout(3000);
  const second = await shot();
  expect(first.number, 'a picture number on the first screenshot').toBeDefined();
  expect(second.number, 'a picture number on the second screenshot').toBeDefined();
  const seconds = (second.at - first.at) / 1000;
  const rate = (second.number! - first.number!) / seconds;
  // The camera sends 25 pictures a second; with JSMpeg on the page's thread this read 6.6.
  expect(rate, `pictures painted per second over ${seconds.toFixed(1)} s`).toBeGreaterThan(15);
  // And they are the camera's picture: its bars in their colours, in order, on the screen.
  const { frame } = second;
  expect(
    barsIn(frame, {
      left: box.left / frame.width,
      top: box.top / frame.height,
      width: box.width / frame.width,
      height: box.height / frame.height,
    }),
  ).toEqual(smpteBars);
});
