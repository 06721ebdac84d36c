/**
 * ONVIF behind our own small interface. The `onvif` package (agsh, 0.8.3)
 * does the SOAP, WS-UsernameToken digests and the device clock offset; this
 * file decides what we ask, turns its answers into our types, and its errors
 * into sentences an operator can act on. See docs/decisions.md for why this
 * library and not node-onvif-ts.
 */
import { Cam } from 'onvif';
import { CodedError } from '../../../shared/errors';
import { type Credentials, credentialsOf, type OnvifLink } from '../../../shared/model';
import { redact, withoutUserInfo } from '../../../shared/rtsp-url';
import type { DeviceProfile, DeviceReport, DiscoveredDevice, PtzPreset, PtzVelocity } from '../../../shared/onvif';
import { discoverDevices } from './discovery';

/** PTZ on one device, one profile. */
export interface PtzControl {
  move(velocity: PtzVelocity, timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
  presets(): Promise<PtzPreset[]>;
  gotoPreset(token: string): Promise<void>;
  savePreset(name: string): Promise<string>;
  removePreset(token: string): Promise<void>;
  home(): Promise<void>;
}

export interface OnvifService {
  discover(options: { timeoutMs: number; targets?: string[] }): Promise<DiscoveredDevice[]>;
  inspect(address: string, credentials: Credentials): Promise<DeviceReport>;
  ptz(link: OnvifLink, credentials: Credentials): PtzControl;
}

/** The parts of the library's Cam we use, typed as it behaves (its callbacks run with `this` = cam). */
interface CamHandle {
  connect(cb: (err: Error | null) => void): void;
  getDeviceInformation(cb: (err: Error | null, info?: Record<string, unknown>) => void): void;
  getStreamUri(
    options: { protocol: string; profileToken: string },
    cb: (err: Error | null, value?: { uri?: unknown }) => void,
  ): void;
  getSnapshotUri(options: { profileToken: string }, cb: (err: Error | null, value?: { uri?: unknown }) => void): void;
  continuousMove(options: Record<string, unknown>, cb: (err: Error | null) => void): void;
  stop(options: Record<string, unknown>, cb: (err: Error | null) => void): void;
  getPresets(options: { profileToken: string }, cb: (err: Error | null) => void): void;
  gotoPreset(options: { profileToken: string; preset: string }, cb: (err: Error | null) => void): void;
  setPreset(
    options: { profileToken: string; presetName: string },
    cb: (err: Error | null, value?: unknown) => void,
  ): void;
  removePreset(options: { profileToken: string; presetToken: string }, cb: (err: Error | null) => void): void;
  gotoHomePosition(options: { profileToken: string }, cb: (err: Error | null) => void): void;
  profiles?: RawProfile[];
  presets?: Record<string, { name?: unknown }>;
  uri?: Record<string, unknown>;
}

interface RawProfile {
  $?: { token?: unknown };
  name?: unknown;
  videoEncoderConfiguration?: {
    encoding?: unknown;
    resolution?: { width?: unknown; height?: unknown };
    rateControl?: { frameRateLimit?: unknown };
  };
  PTZConfiguration?: unknown;
}

const call = <T>(fn: (cb: (err: Error | null, value?: T) => void) => void): Promise<T | undefined> =>
  new Promise((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));

export function splitAddress(address: string): { hostname: string; port: number } {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(address.trim());
  if (!match) throw new CodedError('invalid-request', `"${address}" is not a host or host:port.`);
  return { hostname: match[1]!.replace(/^\[|\]$/g, ''), port: match[2] ? Number(match[2]) : 80 };
}

/** Turns what the library threw into a coded error naming the device, never a credential. */
export function classifyOnvifError(error: unknown, address: string): CodedError {
  if (error instanceof CodedError) return error;
  const message = redact(error instanceof Error ? error.message : String(error));
  const code = (error as { code?: string } | null)?.code ?? '';
  if (/ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|ECONNRESET/.test(code + message)) {
    return new CodedError('device-unreachable', `The device at ${address} cannot be reached (${code || message}).`);
  }
  if (/timeout|ETIMEDOUT/i.test(code + message))
    return new CodedError('device-timeout', `The device at ${address} did not answer in time.`);
  if (/NotAuthorized|not authori[sz]ed|Digest authentication failed|\b401\b/i.test(message)) {
    return new CodedError('auth-failed', `The device at ${address} refused the username or password.`);
  }
  if (/ActionNotSupported|Not Implemented|NoPTZProfile|not supported/i.test(message)) {
    return new CodedError(
      'unsupported',
      `The device at ${address} does not support this (${message.replace(/^ONVIF SOAP Fault: /, '')}).`,
    );
  }
  if (/Wrong ONVIF SOAP response|Non-whitespace|Unexpected|Invalid character/i.test(message)) {
    return new CodedError('device-error', `The device at ${address} does not answer as an ONVIF device.`);
  }
  return new CodedError(
    'device-error',
    `The device at ${address} answered with an error: ${message.replace(/^ONVIF SOAP Fault: /, '')}`,
  );
}

const num = (value: unknown): number | undefined => {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

/**
 * The stream URI to store: without user info (credentials are stored apart),
 * and on the host we reached when the device named another one.
 */
export function reachableUri(uri: string, reachedHost: string): { uri: string; rewrittenFrom?: string } {
  const url = new URL(withoutUserInfo(uri));
  const named = url.hostname.replace(/^\[|\]$/g, '');
  if (named === reachedHost) return { uri: url.toString() };
  url.hostname = reachedHost.includes(':') ? `[${reachedHost}]` : reachedHost;
  return { uri: url.toString(), rewrittenFrom: named };
}

export class OnvifClient implements OnvifService {
  /** Connected devices, by address and credentials: a PTZ command must not pay for a new connection. */
  private readonly connected = new Map<string, Promise<CamHandle>>();

  constructor(private readonly options: { timeoutMs?: number } = {}) {}

  discover(options: { timeoutMs: number; targets?: string[] }): Promise<DiscoveredDevice[]> {
    return discoverDevices({ ...options, checkCredentials: (address) => this.needsCredentials(address) });
  }

  async inspect(address: string, credentials: Credentials): Promise<DeviceReport> {
    const cam = await this.connect(address, credentials, true);
    try {
      const info = (await call<Record<string, unknown>>((cb) => cam.getDeviceInformation(cb))) ?? {};
      const { hostname } = splitAddress(address);
      const profiles: DeviceProfile[] = [];
      let rewrittenFrom: string | undefined;
      for (const raw of cam.profiles ?? []) {
        const token = String(raw.$?.token ?? '');
        if (!token || !raw.videoEncoderConfiguration) continue;
        const stream = await call<{ uri?: unknown }>((cb) =>
          cam.getStreamUri({ protocol: 'RTSP', profileToken: token }, cb),
        );
        if (typeof stream?.uri !== 'string') continue;
        const reached = reachableUri(stream.uri, hostname);
        rewrittenFrom ??= reached.rewrittenFrom;
        const snapshot = await call<{ uri?: unknown }>((cb) => cam.getSnapshotUri({ profileToken: token }, cb)).catch(
          () => undefined,
        );
        const vec = raw.videoEncoderConfiguration;
        const width = num(vec.resolution?.width);
        const height = num(vec.resolution?.height);
        const fps = num(vec.rateControl?.frameRateLimit);
        profiles.push({
          token,
          name: String(raw.name ?? token),
          ...(typeof vec.encoding === 'string' ? { encoding: vec.encoding } : {}),
          ...(width ? { width } : {}),
          ...(height ? { height } : {}),
          ...(fps ? { fps } : {}),
          streamUri: reached.uri,
          ...(typeof snapshot?.uri === 'string' ? { snapshotUri: reachableUri(snapshot.uri, hostname).uri } : {}),
        });
      }
      if (profiles.length === 0)
        throw new CodedError('unsupported', `The device at ${address} offers no video stream profiles.`);
      profiles.sort((a, b) => (b.width ?? 0) * (b.height ?? 0) - (a.width ?? 0) * (a.height ?? 0));
      const ptzRaw = (cam.profiles ?? []).find((p) => p.PTZConfiguration && p.videoEncoderConfiguration);
      const ptz = Boolean(cam.uri?.['ptz']) && ptzRaw !== undefined;
      return {
        address,
        manufacturer: String(info['manufacturer'] ?? ''),
        model: String(info['model'] ?? ''),
        firmware: String(info['firmwareVersion'] ?? ''),
        serial: String(info['serialNumber'] ?? ''),
        profiles,
        ptz,
        ...(ptz ? { ptzProfileToken: String(ptzRaw!.$?.token) } : {}),
        ...(rewrittenFrom ? { rewrittenFrom } : {}),
      };
    } catch (error) {
      throw classifyOnvifError(error, address);
    }
  }

  ptz(link: OnvifLink, credentials: Credentials): PtzControl {
    const profileToken = link.profileToken;
    const withCam = async <T>(fn: (cam: CamHandle) => Promise<T>): Promise<T> => {
      const cam = await this.connect(link.address, credentials, false);
      if (!cam.uri?.['ptz']) throw new CodedError('unsupported', `The camera at ${link.address} has no PTZ service.`);
      try {
        return await fn(cam);
      } catch (error) {
        const coded = classifyOnvifError(error, link.address);
        // A broken connection is made again on the next command.
        if (coded.code !== 'unsupported') this.connected.delete(this.key(link.address, credentials));
        throw coded;
      }
    };
    return {
      move: (v, timeoutMs) =>
        withCam(async (cam) => {
          await call((cb) =>
            cam.continuousMove(
              { profileToken, x: round(v.pan), y: round(v.tilt), zoom: round(v.zoom), timeout: timeoutMs },
              cb,
            ),
          );
        }),
      stop: () =>
        withCam(async (cam) => void (await call((cb) => cam.stop({ profileToken, panTilt: true, zoom: true }, cb)))),
      presets: () =>
        withCam(async (cam) => {
          await call((cb) => cam.getPresets({ profileToken }, cb));
          // Keyed by token on the cam; the library turns token "1" into 1, so tokens are made strings again.
          return Object.entries(cam.presets ?? {}).map(([token, preset]) => ({
            token: String(token),
            name: String(preset.name ?? token),
          }));
        }),
      gotoPreset: (token) =>
        withCam(async (cam) => void (await call((cb) => cam.gotoPreset({ profileToken, preset: token }, cb)))),
      savePreset: (name) =>
        withCam(async (cam) => {
          const result = await call<unknown>((cb) => cam.setPreset({ profileToken, presetName: escapeXml(name) }, cb));
          const token = findPresetToken(result);
          if (token === undefined)
            throw new CodedError(
              'device-error',
              `The camera at ${link.address} saved the preset but did not say its number.`,
            );
          return token;
        }),
      removePreset: (token) =>
        withCam(async (cam) => void (await call((cb) => cam.removePreset({ profileToken, presetToken: token }, cb)))),
      home: () => withCam(async (cam) => void (await call((cb) => cam.gotoHomePosition({ profileToken }, cb)))),
    };
  }

  /** An unauthenticated GetDeviceInformation: does this device want credentials? null when it is unclear. */
  private async needsCredentials(address: string): Promise<boolean | null> {
    try {
      const cam = await this.connect(address, {}, true, 3000);
      await call((cb) => cam.getDeviceInformation(cb));
      return false;
    } catch (error) {
      return classifyOnvifError(error, address).code === 'auth-failed' ? true : null;
    }
  }

  /** In memory only: a changed password must not reuse a connection made with the old one. */
  private key(address: string, credentials: Credentials): string {
    return `${address}\n${credentials.username ?? ''}\n${credentials.password ?? ''}`;
  }

  private connect(
    address: string,
    credentials: Credentials,
    fresh: boolean,
    timeoutMs = this.options.timeoutMs ?? 8000,
  ): Promise<CamHandle> {
    const key = this.key(address, credentials);
    const cached = this.connected.get(key);
    if (cached && !fresh) return cached;
    const { hostname, port } = splitAddress(address);
    const connecting = new Promise<CamHandle>((resolve, reject) => {
      const cam = new Cam({
        hostname,
        port,
        ...credentialsOf(credentials),
        timeout: timeoutMs,
        // Service addresses the device reports are used on the host and port we reached (NAT).
        preserveAddress: true,
        autoconnect: false,
      }) as unknown as CamHandle;
      cam.connect((err) => (err ? reject(classifyOnvifError(err, address)) : resolve(cam)));
    });
    if (!fresh) {
      this.connected.set(key, connecting);
      connecting.catch(() => this.connected.delete(key));
    }
    return connecting;
  }
}

const round = (value: number) => Math.round(Math.max(-1, Math.min(1, value)) * 1000) / 1000;
const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** SetPreset's answer as the library hands it back (parsed XML): the value under a PresetToken element. */
function findPresetToken(value: unknown, under = false): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return under ? String(value) : undefined;
  if (Array.isArray(value)) return value.map((v) => findPresetToken(v, under)).find((t) => t !== undefined);
  if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findPresetToken(inner, under || /^presetToken$/i.test(key));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
