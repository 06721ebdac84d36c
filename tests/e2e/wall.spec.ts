import { ffmpegProcesses, waitFor } from '../fixtures/processes';
import { expect, test } from './fixtures';
import { pickTemplate } from './pages/wall-page';

test.describe('the wall', () => {
  test('four RTSP cameras go live and their pictures move', async ({ openWall, startCameras }, testInfo) => {
    // Four encoders and four decoders on two cores: ~27 s here, past the default 30 s on a busy CI run.
    test.setTimeout(60_000);
    const rtsp = await startCameras([
      { name: 'cam1', width: 640, height: 360 },
      { name: 'cam2', width: 640, height: 360 },
      { name: 'cam3', width: 320, height: 240 },
      { name: 'cam4', width: 480, height: 270 },
    ]);
    const ids = ['simpang-lima', 'tugu-muda', 'lawang-sewu', 'kota-lama'];
    const cameras = ids.map((id, i) => ({
      id,
      name: `Kamera ${i + 1}`,
      group: 'Kota Semarang',
      streams: [{ profile: 'main', url: rtsp.url(`cam${i + 1}`) }],
    }));
    const { wall } = await openWall({ cameras });

    await expect(wall.tiles).toHaveCount(4);
    await expect(wall.page.locator('.wall')).toHaveAttribute('data-layout', '2x2');
    await wall.expectLive(ids);
    for (const id of ids) await wall.expectMoving(id);

    const shot = await wall.page.screenshot({ path: testInfo.outputPath('wall-rtsp.png') });
    await testInfo.attach('wall', { body: shot, contentType: 'image/png' });
  });

  test('with no camera file, four demo cameras go live', async ({ openWall }, testInfo) => {
    const { wall } = await openWall();
    const ids = ['demo-1', 'demo-2', 'demo-3', 'demo-4'];
    await expect(wall.tiles).toHaveCount(4);
    await wall.expectLive(ids);
    for (const id of ids) await wall.expectMoving(id);
    await expect(wall.page.locator('.toolbar-meta')).toContainText('Kamera demo');
    await testInfo.attach('demo wall', {
      body: await wall.page.screenshot({ path: testInfo.outputPath('wall-demo.png') }),
      contentType: 'image/png',
    });
  });

  test('templates can be switched and the UI speaks Indonesian first, English on request', async ({ openWall }) => {
    const { wall } = await openWall();
    await wall.expectLive(['demo-1']);
    await expect(wall.tile('demo-1').getByRole('status')).toHaveText('Langsung');

    await pickTemplate(wall.page, '3x3');
    await expect(wall.tiles).toHaveCount(9);
    await expect(wall.page.locator('.tile[data-state="empty"]')).toHaveCount(5);
    await wall.expectLive(['demo-1', 'demo-2', 'demo-3', 'demo-4']);

    await pickTemplate(wall.page, '1');
    await expect(wall.tiles).toHaveCount(1);
    await wall.expectLive(['demo-1']);
    await wall.expectMoving('demo-1');

    await wall.page.locator('[data-language="en"]').click();
    await expect(wall.tile('demo-1').getByRole('status')).toHaveText('Live');
    await expect(wall.page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('a camera that cannot be reached says so and retries, the others stay live', async ({
    openWall,
    startCameras,
  }) => {
    const rtsp = await startCameras([{ name: 'cam1', width: 320, height: 240 }]);
    const { wall } = await openWall({
      cameras: [
        { id: 'up', name: 'Hidup', streams: [{ profile: 'main', url: rtsp.url('cam1') }] },
        { id: 'down', name: 'Mati', streams: [{ profile: 'main', url: 'rtsp://127.0.0.1:9/none' }] },
      ],
    });
    await wall.expectLive(['up']);
    await expect(wall.tile('down')).toHaveAttribute('data-state', /reconnecting|offline/);
    await expect(wall.tile('down')).toContainText('Kamera tidak dapat dijangkau');
    await expect(wall.tile('down')).toContainText('Coba lagi dalam');
  });
});

test('a hidden wall decodes nothing and frees its streams; shown again, it is live at once', async ({
  openWall,
  startCameras,
}) => {
  const rtsp = await startCameras([{ name: 'cam', width: 320, height: 240 }]);
  const { wall } = await openWall({
    cameras: [{ id: 'gajahmungkur', name: 'Gajahmungkur', streams: [{ profile: 'main', url: rtsp.url('cam') }] }],
  });
  await wall.expectLive(['gajahmungkur']);
  const setHidden = (hidden: boolean) =>
    wall.page.evaluate((h) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);

  await setHidden(true); // as when the operator minimises the wall window
  await expect(wall.tile('gajahmungkur')).toHaveAttribute('data-state', 'connecting');
  // The core lingers (5 s), then stops the camera's ffmpeg.
  expect(await waitFor(() => ffmpegProcesses(`:${rtsp.port}/cam`).length === 0, 15_000)).toBe(true);

  await setHidden(false);
  await wall.expectLive(['gajahmungkur']);
  await wall.expectMoving('gajahmungkur');
});
