/**
 * ONVIF against the device simulator (real SOAP over HTTP, digests checked
 * against a clock an hour off) whose stream URIs point at GStreamer's RTSP
 * server: what we read from a device, how its errors read, and PTZ commands
 * as the device receives them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OnvifClient } from '../../electron/core/onvif/onvif-service';
import { discoverDevices } from '../../electron/core/onvif/discovery';
import { probeCamera } from '../../electron/core/cameras/probe';
import { resolveFfmpeg } from '../../electron/core/ffmpeg/resolve-ffmpeg';
import { withCredentials } from '../../shared/rtsp-url';
import { startOnvifDevice, type OnvifDevice } from '../fixtures/onvif-device';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server';

let rtsp: RtspServer;
let device: OnvifDevice;
let natDevice: OnvifDevice;
let fixedCamera: OnvifDevice;
const credentials = { username: 'admin', password: 'Rahasia123' };
const HOUR = 3_600_000;

beforeAll(async () => {
  rtsp = await startRtspServer(
    [
      { name: 'main', width: 640, height: 360 },
      { name: 'sub', width: 320, height: 180 },
    ],
    { digest: 'admin:Rahasia123' },
  );
  const profiles = [
    // The sub stream listed first, as some cameras do: the client sorts by size.
    { token: 'prof_sub', name: 'SubStream', width: 320, height: 180, fps: 25, uri: rtsp.url('sub') },
    { token: 'prof_main', name: 'MainStream', width: 640, height: 360, fps: 25, uri: rtsp.url('main') },
  ];
  device = await startOnvifDevice({ ...credentials, profiles, ptz: true, clockOffsetMs: HOUR, model: 'SIM-PTZ-2' });
  natDevice = await startOnvifDevice({ ...credentials, profiles, ptz: true, advertisedHost: '10.20.30.40' });
  fixedCamera = await startOnvifDevice({
    ...credentials,
    profiles: profiles.slice(1),
    ptz: false,
    clockOffsetMs: -2 * HOUR,
  });
});

afterAll(async () => {
  await Promise.all([device?.stop(), natDevice?.stop(), fixedCamera?.stop()]);
  await rtsp?.stop();
});

describe('ONVIF device reading', () => {
  it('reads device information and every profile, largest first, through a clock an hour off', async () => {
    const report = await new OnvifClient().inspect(device.address, credentials);
    expect(report).toMatchObject({
      manufacturer: 'Pantau Test',
      model: 'SIM-PTZ-2',
      serial: 'SN0001',
      ptz: true,
      ptzProfileToken: 'prof_sub',
    });
    expect(report.profiles.map((p) => [p.token, p.width, p.height, p.fps, p.encoding])).toEqual([
      ['prof_main', 640, 360, 25, 'H264'],
      ['prof_sub', 320, 180, 25, 'H264'],
    ]);
    expect(report.profiles[0]!.streamUri).toBe(rtsp.url('main'));
    expect(report.profiles[0]!.snapshotUri).toBe(`http://127.0.0.1:${device.port}/snapshot/prof_main.jpg`);
    expect(report.rewrittenFrom).toBeUndefined();
    expect(device.refused).toEqual([]);
  });

  it('the device really checks the clock: a digest made with our own clock is refused', async () => {
    const nonce = randomBytes(16);
    const created = new Date().toISOString();
    const digest = createHash('sha1')
      .update(Buffer.concat([nonce, Buffer.from(created), Buffer.from(credentials.password)]))
      .digest('base64');
    const response = await fetch(`http://${device.address}/onvif/device_service`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/soap+xml' },
      body:
        '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Header><Security xmlns="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><UsernameToken>' +
        `<Username>admin</Username><Password>${digest}</Password><Nonce>${nonce.toString('base64')}</Nonce><Created>${created}</Created>` +
        '</UsernameToken></Security></s:Header><s:Body><GetDeviceInformation xmlns="http://www.onvif.org/ver10/device/wsdl"/></s:Body></s:Envelope>',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('ter:NotAuthorized');
    expect(device.refused.at(-1)?.reason).toMatch(/away from the device clock/);
  });

  it('points stream URIs that name another host (NAT) at the address we reached, and says so', async () => {
    const report = await new OnvifClient().inspect(natDevice.address, credentials);
    expect(report.rewrittenFrom).toBe('10.20.30.40');
    expect(report.profiles.map((p) => p.streamUri)).toEqual([rtsp.url('main'), rtsp.url('sub')]);
  });

  it('the profile URIs it read play: ffmpeg opens them with the same credentials', async () => {
    const report = await new OnvifClient().inspect(device.address, credentials);
    const url = withCredentials(report.profiles[1]!.streamUri, credentials.username, credentials.password);
    const probed = await probeCamera(resolveFfmpeg().path, url);
    expect(probed).toMatchObject({ outcome: 'ok', codec: 'h264', width: 320, height: 180 });
  }, 30_000);

  it('says clearly when the password is wrong, the device is not there, or it cannot PTZ', async () => {
    const client = new OnvifClient({ timeoutMs: 3000 });
    await expect(client.inspect(device.address, { username: 'admin', password: 'salah' })).rejects.toMatchObject({
      code: 'auth-failed',
      message: `The device at ${device.address} refused the username or password.`,
    });
    await expect(client.inspect('127.0.0.1:1', credentials)).rejects.toMatchObject({
      code: 'device-unreachable',
      message: expect.stringContaining('127.0.0.1:1 cannot be reached'),
    });
    const fixed = await client.inspect(fixedCamera.address, credentials);
    expect(fixed.ptz).toBe(false);
    await expect(
      client.ptz({ address: fixedCamera.address, profileToken: 'prof_main', ptz: true }, credentials).stop(),
    ).rejects.toMatchObject({
      code: 'unsupported',
      message: `The camera at ${fixedCamera.address} has no PTZ service.`,
    });
    // Nothing said ever carries the password.
    const messages = await Promise.allSettled([
      client.inspect(device.address, { username: 'admin', password: 'salah' }),
    ]);
    expect(JSON.stringify(messages)).not.toContain('salah');
  });
});

describe('WS-Discovery', () => {
  it('a directed probe finds the device, names it, and tells that it wants credentials', async () => {
    const client = new OnvifClient({ timeoutMs: 3000 });
    const devices = await client.discover({
      timeoutMs: 500,
      targets: [device.discoveryAddress, natDevice.discoveryAddress],
    });
    expect(devices).toHaveLength(2);
    const found = devices.find((d) => d.address === device.address);
    expect(found).toMatchObject({
      model: 'SIM-PTZ-2',
      name: 'Pantau Test',
      needsCredentials: true,
      xaddr: `http://127.0.0.1:${device.port}/onvif/device_service`,
    });
    // Behind NAT it announces its inside address; we list the address that answered.
    expect(devices.map((d) => d.address)).toContain(natDevice.address);
  });

  it('ignores answers to someone else’s probe and refuses a malformed target', async () => {
    expect(await discoverDevices({ timeoutMs: 200, targets: ['127.0.0.1:9'] })).toEqual([]);
    await expect(discoverDevices({ timeoutMs: 100, targets: ['kamera.local'] })).rejects.toMatchObject({
      code: 'invalid-request',
    });
  });
});

describe('PTZ', () => {
  const link = () => ({ address: device.address, profileToken: 'prof_main', ptz: true });

  it('moves and stops, in order, with a safety timeout on the move', async () => {
    const ptz = new OnvifClient().ptz(link(), credentials);
    device.commands.length = 0;
    await ptz.move({ pan: 0.5, tilt: -0.25, zoom: 0 }, 5000);
    await ptz.stop();
    expect(device.commands.map((c) => [c.action, c.profileToken, c.velocity])).toEqual([
      ['ContinuousMove', 'prof_main', { x: 0.5, y: -0.25, zoom: 0 }],
      ['Stop', 'prof_main', undefined],
    ]);
  });

  it('a changed password is used at once: no connection made with the old one is reused', async () => {
    const client = new OnvifClient({ timeoutMs: 3000 });
    await client.ptz(link(), credentials).stop();
    await expect(client.ptz(link(), { username: 'admin', password: 'salah' }).stop()).rejects.toMatchObject({
      code: 'auth-failed',
    });
  });

  it('presets round-trip: save, list, go to, remove; and home', async () => {
    const ptz = new OnvifClient().ptz(link(), credentials);
    expect(await ptz.presets()).toEqual([
      { token: '1', name: 'Gerbang utama' },
      { token: '2', name: 'Parkir' },
    ]);
    const token = await ptz.savePreset('Simpang <Lima> & Tugu');
    expect(token).toBe('3');
    expect((await ptz.presets()).find((p) => p.token === token)?.name).toBe('Simpang <Lima> & Tugu');
    device.commands.length = 0;
    await ptz.gotoPreset(token);
    await ptz.home();
    await ptz.removePreset(token);
    expect(device.commands.map((c) => [c.action, c.presetToken])).toEqual([
      ['GotoPreset', '3'],
      ['GotoHomePosition', undefined],
      ['RemovePreset', '3'],
    ]);
    expect((await ptz.presets()).map((p) => p.token)).toEqual(['1', '2']);
    await expect(ptz.gotoPreset('99')).rejects.toMatchObject({
      code: 'device-error',
      message: expect.stringContaining('preset token does not exist'),
    });
  });
});
