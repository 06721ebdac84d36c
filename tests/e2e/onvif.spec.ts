/**
 * ONVIF from the operator's side: find a device, add it, watch it; steer it
 * with the pad, the keyboard and a gamepad, and check every command against
 * what the simulated device received (real SOAP over HTTP; its streams come
 * from GStreamer's RTSP server).
 */
import type { Page } from '@playwright/test';
import { startOnvifDevice, type OnvifDevice } from '../fixtures/onvif-device';
import type { RtspServer } from '../fixtures/rtsp-server';
import { expect, test } from './fixtures';
import { pickTemplate } from './pages/wall-page';

const login = { username: 'admin', password: 'Rahasia123' };
const HOUR = 3_600_000;
const devices: OnvifDevice[] = [];

test.afterEach(async () => {
  await Promise.all(devices.splice(0).map((d) => d.stop()));
});

async function simulator(rtsp: RtspServer, options: { ptz?: boolean } = {}): Promise<OnvifDevice> {
  const device = await startOnvifDevice({
    ...login,
    ptz: options.ptz ?? true,
    clockOffsetMs: HOUR,
    model: 'SIM-PTZ-2',
    profiles: [
      { token: 'prof_main', name: 'MainStream', width: 640, height: 360, fps: 25, uri: rtsp.url('main') },
      { token: 'prof_sub', name: 'SubStream', width: 320, height: 180, fps: 25, uri: rtsp.url('sub') },
    ],
  });
  devices.push(device);
  return device;
}

/** A PTZ camera already in the inventory (as "add from ONVIF" writes it). */
function ptzCamera(rtsp: RtspServer, device: OnvifDevice) {
  return {
    id: 'ptz-simpang',
    name: 'PTZ Simpang Lima',
    group: 'Kota Semarang',
    streams: [
      { profile: 'main', url: rtsp.url('main'), width: 640, height: 360 },
      { profile: 'sub', url: rtsp.url('sub'), width: 320, height: 180 },
    ],
    ...login,
    onvif: { address: device.address, profileToken: 'prof_main', ptz: true },
  };
}

async function openPtz(page: Page) {
  const tile = page.locator('.tile[data-camera-id="ptz-simpang"]');
  await tile.locator('[data-action="ptz-toggle"]').click();
  const pad = tile.locator('[data-control="ptz"]');
  await expect(pad).toBeVisible();
  await expect(pad.locator('[data-control="ptz-preset"] option')).toHaveCount(2);
  return { tile, pad };
}

const actions = (device: OnvifDevice) => device.commands.map((c) => c.action);

test('a camera found and added over ONVIF plays with its main and sub profiles', async ({
  openWall,
  startCameras,
  page,
}) => {
  const rtsp = await startCameras(
    [
      { name: 'main', width: 640, height: 360 },
      { name: 'sub', width: 320, height: 180 },
    ],
    { digest: 'admin:Rahasia123' },
  );
  const device = await simulator(rtsp);
  const { wall } = await openWall();
  await page.locator('[data-action="camera-add-menu"]').click();
  await page.locator('[data-action="onvif-open"]').click();
  const dialog = page.getByRole('dialog', { name: 'Tambah kamera lewat ONVIF' });
  // A directed probe to the device's discovery port (tests reach loopback only).
  await dialog.locator('[data-control="onvif-targets"]').fill(device.discoveryAddress);
  await dialog.locator('[data-action="onvif-discover"]').click();
  const found = dialog.locator(`[data-device="${device.address}"]`);
  await expect(found).toContainText('SIM-PTZ-2');
  await expect(found).toContainText('perlu login');
  await found.click();
  await expect(dialog.locator('[data-control="onvif-address"]')).toHaveValue(device.address);

  await dialog.locator('[data-control="onvif-username"]').fill('admin');
  await dialog.locator('[data-control="onvif-password"]').fill('salah');
  await dialog.locator('[data-action="onvif-read"]').click();
  await expect(dialog.locator('[data-control="onvif-error"]')).toHaveText(
    `The device at ${device.address} refused the username or password.`,
  );

  await dialog.locator('[data-control="onvif-password"]').fill('Rahasia123');
  await dialog.locator('[data-action="onvif-read"]').click();
  const report = dialog.locator('[data-control="onvif-report"]');
  await expect(report).toContainText('Pantau Test SIM-PTZ-2');
  await expect(report.locator('li')).toHaveText([
    'main: MainStream — H264 640×360, 25 fps',
    'sub: SubStream — H264 320×180, 25 fps',
  ]);
  await expect(report.locator('[data-control="onvif-ptz"]')).toHaveText('PTZ: ya — kamera dapat digerakkan');
  await dialog.locator('[data-control="onvif-id"]').fill('ptz-simpang');
  await dialog.locator('[data-control="onvif-name"]').fill('PTZ Simpang Lima');
  await dialog.locator('[data-control="onvif-group"]').fill('Kota Semarang/Semarang Tengah');
  await dialog.locator('[data-action="onvif-add"]').click();
  await expect(page.locator('[data-notice]')).toContainText('Kamera PTZ Simpang Lima ditambahkan');

  const tile = page.locator('.wall .tile').nth(0);
  await page.locator('[data-camera="ptz-simpang"]').dragTo(tile);
  await expect(tile).toHaveAttribute('data-state', 'live');
  await wall.expectMoving('ptz-simpang');
  // Maximised: the main profile; in a 4×4 tile: the sub profile.
  await tile.dblclick();
  await expect(tile).toHaveAttribute('data-profile', 'main');
  await tile.dblclick();
  await pickTemplate(page, '4x4');
  await expect(tile).toHaveAttribute('data-profile', 'sub');
  await expect(tile).toHaveAttribute('data-state', 'live');
  // PTZ controls appear on the PTZ camera only.
  await expect(tile.locator('[data-action="ptz-toggle"]')).toHaveCount(1);
  await expect(page.locator('.tile[data-camera-id="demo-2"] [data-action="ptz-toggle"]')).toHaveCount(0);
  // The camera just added steers: hold the pad, let go.
  await tile.locator('[data-action="ptz-toggle"]').click();
  const circle = tile.locator('[data-control="ptz-pad"]');
  const box = (await circle.boundingBox())!;
  device.commands.length = 0;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.9);
  await page.mouse.down();
  await expect
    .poll(() => device.commands.map((c) => [c.action, c.profileToken, c.velocity?.y]))
    .toEqual([['ContinuousMove', 'prof_main', -0.8]]);
  await page.mouse.up();
  await expect.poll(() => actions(device)).toEqual(['ContinuousMove', 'Stop']);
  // The page never saw the password, nor a URL with one.
  expect(await page.evaluate(() => document.body.innerHTML.includes('Rahasia123'))).toBe(false);
});

test('holding the PTZ pad moves the camera and letting go stops it, also when the pointer leaves the window', async ({
  openWall,
  startCameras,
  page,
}) => {
  const rtsp = await startCameras(
    [
      { name: 'main', width: 640, height: 360 },
      { name: 'sub', width: 320, height: 180 },
    ],
    { digest: 'admin:Rahasia123' },
  );
  const device = await simulator(rtsp);
  await openWall({ cameras: [ptzCamera(rtsp, device)] });
  const { pad } = await openPtz(page);
  const circle = pad.locator('[data-control="ptz-pad"]');
  const box = (await circle.boundingBox())!;

  // Right of the centre, three quarters out: pan right at 0.75.
  await page.mouse.move(box.x + box.width * 0.875, box.y + box.height / 2);
  await page.mouse.down();
  await expect.poll(() => actions(device)).toEqual(['ContinuousMove']);
  expect(device.commands[0]!.velocity).toEqual({ x: 0.75, y: 0, zoom: 0 });
  await expect(pad).toHaveAttribute('data-ptz-state', 'moving');
  await expect(pad.locator('[data-control="ptz-status"]')).toHaveText('Bergerak');
  await page.mouse.up();
  await expect.poll(() => actions(device)).toEqual(['ContinuousMove', 'Stop']);
  await expect(pad).toHaveAttribute('data-ptz-state', 'still');
  await expect(pad.locator('[data-control="ptz-status"]')).toHaveText('Diam');

  // Held, then the pointer leaves the window with the button still down: Stop.
  device.commands.length = 0;
  await page.mouse.move(box.x + box.width / 2, box.y + 2);
  await page.mouse.down();
  await expect.poll(() => device.commands.map((c) => [c.action, c.velocity?.y])).toEqual([['ContinuousMove', 0.96]]);
  await page.mouse.move(box.x + box.width / 2, -20);
  await expect.poll(() => actions(device)).toContain('Stop');
  expect(actions(device).at(-1)).toBe('Stop');
  await page.mouse.up();

  // Touch (a tablet or a touch screen on the desk): hold a finger left of the centre, lift it.
  device.commands.length = 0;
  const cdp = await page.context().newCDPSession(page);
  const finger = { x: box.x + box.width * 0.25, y: box.y + box.height / 2 };
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [finger] });
  await expect.poll(() => device.commands.map((c) => [c.action, c.velocity?.x])).toEqual([['ContinuousMove', -0.5]]);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect.poll(() => actions(device)).toEqual(['ContinuousMove', 'Stop']);

  // Zoom: hold +, let go.
  device.commands.length = 0;
  await pad.locator('[data-action="ptz-zoom-in"]').hover();
  await page.mouse.down();
  await expect.poll(() => device.commands.map((c) => [c.action, c.velocity?.zoom])).toEqual([['ContinuousMove', 0.5]]);
  await page.mouse.up();
  await expect.poll(() => actions(device)).toEqual(['ContinuousMove', 'Stop']);
});

test('keyboard PTZ and presets: Shift+arrows move while held, + zooms, Alt+digit goes to a preset; presets round-trip', async ({
  openWall,
  startCameras,
  page,
}) => {
  const rtsp = await startCameras(
    [
      { name: 'main', width: 640, height: 360 },
      { name: 'sub', width: 320, height: 180 },
    ],
    { digest: 'admin:Rahasia123' },
  );
  const device = await simulator(rtsp);
  await openWall({ cameras: [ptzCamera(rtsp, device)] });
  const { pad } = await openPtz(page);
  await page.locator('.tile[data-camera-id="ptz-simpang"]').focus();

  await page.keyboard.down('Shift');
  await page.keyboard.down('ArrowLeft');
  await expect
    .poll(() => device.commands.map((c) => [c.action, c.velocity?.x, c.velocity?.y]))
    .toEqual([['ContinuousMove', -0.5, 0]]);
  await page.keyboard.down('ArrowUp');
  await expect
    .poll(() => device.commands.map((c) => [c.action, c.velocity?.x, c.velocity?.y]).at(-1))
    .toEqual(['ContinuousMove', -0.5, 0.5]);
  await page.keyboard.up('ArrowUp');
  await page.keyboard.up('ArrowLeft');
  await expect.poll(() => actions(device).at(-1)).toBe('Stop');
  await page.keyboard.up('Shift');
  // The selection did not move while steering.
  await expect(page.locator('.tile-selected')).toHaveAttribute('data-camera-id', 'ptz-simpang');

  device.commands.length = 0;
  await page.keyboard.down('+');
  await expect.poll(() => device.commands.map((c) => [c.action, c.velocity?.zoom])).toEqual([['ContinuousMove', 0.5]]);
  await page.keyboard.up('+');
  await expect.poll(() => actions(device)).toEqual(['ContinuousMove', 'Stop']);

  device.commands.length = 0;
  await page.keyboard.press('Alt+Digit2');
  await expect.poll(() => device.commands.map((c) => [c.action, c.presetToken])).toEqual([['GotoPreset', '2']]);

  // Presets from the pad: save the position, go to it, remove it; home.
  await pad.locator('[data-action="ptz-save"]').click();
  await pad.locator('[data-control="ptz-preset-name"]').fill('Halte BRT');
  await pad.locator('[data-action="ptz-save-confirm"]').click();
  await expect(pad.locator('[data-control="ptz-preset"] option')).toHaveText([
    '1. Gerbang utama',
    '2. Parkir',
    '3. Halte BRT',
  ]);
  await pad.locator('[data-control="ptz-preset"]').selectOption({ label: '3. Halte BRT' });
  await pad.locator('[data-action="ptz-goto"]').click();
  await pad.locator('[data-action="ptz-forget"]').click();
  await expect(pad.locator('[data-control="ptz-preset"] option')).toHaveCount(2);
  await pad.locator('[data-action="ptz-home"]').click();
  await expect
    .poll(() => device.commands.map((c) => [c.action, c.presetToken ?? c.presetName ?? null]))
    .toEqual([
      ['GotoPreset', '2'],
      ['SetPreset', '3'],
      ['GotoPreset', '3'],
      ['RemovePreset', '3'],
      ['GotoHomePosition', null],
    ]);
  expect(device.commands[1]!.presetName).toBe('Halte BRT');

  // P turns PTZ mode off: the pad goes, and arrows move the selection again.
  await page.keyboard.press('p');
  await expect(pad).toHaveCount(0);
});

test('a gamepad moves the camera with its stick and goes to presets with its buttons', async ({
  openWall,
  startCameras,
  page,
}) => {
  const rtsp = await startCameras(
    [
      { name: 'main', width: 640, height: 360 },
      { name: 'sub', width: 320, height: 180 },
    ],
    { digest: 'admin:Rahasia123' },
  );
  const device = await simulator(rtsp);
  // A fake gamepad through the real Gamepad API entry point.
  await page.addInitScript(() => {
    const state = { axes: [0, 0, 0, 0], buttons: Array.from({ length: 16 }, () => false), polls: 0 };
    (window as unknown as { fakePad: typeof state }).fakePad = state;
    navigator.getGamepads = () => (
      state.polls++,
      [
        {
          id: 'Pantau test joystick',
          index: 0,
          connected: true,
          mapping: 'standard',
          timestamp: performance.now(),
          axes: [...state.axes],
          buttons: state.buttons.map((pressed) => ({ pressed, touched: pressed, value: pressed ? 1 : 0 })),
        },
      ] as unknown as (Gamepad | null)[]
    );
  });
  await openWall({ cameras: [ptzCamera(rtsp, device)] });
  await openPtz(page);
  const setPad = (axes: number[], buttons: number[] = []) =>
    page.evaluate(
      ([a, b]) => {
        const pad = (window as unknown as { fakePad: { axes: number[]; buttons: boolean[] } }).fakePad;
        pad.axes = a;
        pad.buttons = pad.buttons.map((_, i) => b.includes(i));
      },
      [axes, buttons] as const,
    );

  await setPad([0.1, 0.05, 0, 0]); // drift inside the dead zone: nothing, over several polls
  const polls = () => page.evaluate(() => (window as unknown as { fakePad: { polls: number } }).fakePad.polls);
  const from = await polls();
  await expect.poll(polls).toBeGreaterThan(from + 5);
  expect(device.commands).toEqual([]);
  await setPad([1, -1, 0, 0]); // full right, stick pushed up
  await expect
    .poll(() => device.commands.map((c) => [c.action, c.velocity?.x, c.velocity?.y]))
    .toEqual([['ContinuousMove', 1, 1]]);
  await setPad([0, 0, 0, 0]);
  await expect.poll(() => actions(device)).toEqual(['ContinuousMove', 'Stop']);
  await setPad([0, 0, 0, 0], [5]); // right shoulder: zoom in
  await expect
    .poll(() => device.commands.map((c) => [c.action, c.velocity?.zoom]).at(-1))
    .toEqual(['ContinuousMove', 0.5]);
  await setPad([0, 0, 0, 0], []);
  await expect.poll(() => actions(device).at(-1)).toBe('Stop');
  await setPad([0, 0, 0, 0], [1]); // B: preset 2
  await expect.poll(() => device.commands.map((c) => [c.action, c.presetToken]).at(-1)).toEqual(['GotoPreset', '2']);
});

test('a PTZ device that stops answering shows why on the tile and never claims the camera is still', async ({
  openWall,
  startCameras,
  page,
}) => {
  const rtsp = await startCameras(
    [
      { name: 'main', width: 640, height: 360 },
      { name: 'sub', width: 320, height: 180 },
    ],
    { digest: 'admin:Rahasia123' },
  );
  const device = await simulator(rtsp);
  await openWall({ cameras: [ptzCamera(rtsp, device)] });
  const { pad } = await openPtz(page);
  await device.stop();
  devices.splice(devices.indexOf(device), 1);
  const box = (await pad.locator('[data-control="ptz-pad"]').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
  await page.mouse.down();
  await expect(pad).toHaveAttribute('data-ptz-state', 'unknown');
  await expect(pad.locator('[data-control="ptz-status"]')).toContainText(
    `Gerakan tidak diketahui — The device at ${device.address} cannot be reached`,
  );
  await page.mouse.up();
});
