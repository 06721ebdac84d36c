/**
 * The camera inventory on disk: the camera file (given with --cameras, or
 * cameras.json in the data folder), changed by CSV imports. Written like
 * every store here: atomically, with the previous good copy kept.
 */
import { CodedError, cameraNotFound } from '../../../shared/errors';
import { camerasToCsv, csvImportSteps, type CsvRejection } from '../../../shared/camera-csv';
import {
  type CameraEditView,
  type CameraFile,
  type CameraFileEntry,
  CameraFileSchema,
  credentialsOf,
} from '../../../shared/model';
import { withoutUserInfo } from '../../../shared/rtsp-url';
import { existsSync } from 'node:fs';
import type { StoreNotice } from '../../../shared/saved-layouts';
import type { Logger } from '../log';
import { JsonFileStore } from '../store/json-file-store';
import { checkedCameraList, stepAside } from './in-steps';
import { OneWriter } from '../store/one-writer';
import { CAMERA_FILE_VERSION, migrateCameraFile } from './camera-file';
import { CameraRegistry } from './camera-registry';
import { noSealer, type SecretSealer } from './secrets';

/** What a write changed: cameras whose streams or credentials differ (a rename is not a change here) and cameras removed. */
export interface InventoryChange {
  changed: string[];
  removed: string[];
}

export interface ImportReport {
  added: string[];
  updated: string[];
  rejected: CsvRejection[];
  /** Cameras whose address moved to another host without a new password: the stored one was not carried there. */
  passwordsDropped: string[];
}

export class CameraInventory {
  private readonly store: JsonFileStore<CameraFile>;
  private entries: CameraFileEntry[] = [];
  private readonly listeners = new Set<(change: InventoryChange) => void>();
  /** The file as loaded holds a password in clear (written before sealing existed, or on a machine without it). */
  private plainOnDisk = false;
  /** Every mutation reads and writes the latest entries, one after another. */
  private readonly writer = new OneWriter();
  /** What start-up had to recover (shown once). */
  private notice: StoreNotice | undefined;

  /**
   * The inventory from its file, through the same never-lost store as every
   * other file: a damaged camera file starts from its last good copy with a
   * notice, a missing one from its backup. `required` (a file named on the
   * command line): neither the file nor its backup existing is an error, not
   * an empty inventory. The registry is this inventory's view for streams and
   * the page; with no camera at all it shows the demo cameras.
   */
  static async open(
    file: string,
    options: { required: boolean; logger: Logger; sealer?: SecretSealer },
  ): Promise<CameraInventory> {
    if (options.required && !existsSync(file) && !existsSync(`${file}.bak`)) {
      throw new CodedError('invalid-file', `Cannot read camera file ${file}: it does not exist`);
    }
    const inventory = new CameraInventory(file, [], CameraRegistry.demo(), options.logger, options.sealer);
    const loaded = await inventory.store.load();
    inventory.adopt(loaded.value.cameras);
    inventory.notice = loaded.notice;
    return inventory;
  }

  constructor(
    file: string,
    initial: readonly CameraFileEntry[],
    readonly registry: CameraRegistry,
    private readonly logger: Logger,
    private readonly sealer: SecretSealer = noSealer,
  ) {
    this.store = new JsonFileStore({
      file,
      schema: CameraFileSchema,
      defaults: () => ({ version: CAMERA_FILE_VERSION, cameras: [] }),
      migrate: migrateCameraFile,
      whenUnrecoverable: 'throw',
      // Passwords are in it (sealed where the OS has a key store, else as typed).
      secret: true,
      logger,
    });
    if (initial.length > 0) this.adopt(initial);
  }

  private adopt(loaded: readonly CameraFileEntry[]): void {
    this.plainOnDisk = loaded.some(
      (e) => e.password !== undefined || e.streams.some((s) => new URL(s.url).password !== ''),
    );
    this.entries = loaded.map((entry) => this.unseal(entry));
    if (this.entries.length > 0) this.registry.replace(this.entries);
  }

  /** What start-up had to recover the camera file from, for this whole launch. */
  get startupNotice(): StoreNotice | undefined {
    return this.notice;
  }

  /** Cameras whose stored password this machine cannot decrypt (kept as it is, never dropped). */
  unreadable(): string[] {
    return this.entries.filter((c) => c.password === undefined && c.passwordSealed !== undefined).map((c) => c.id);
  }

  /** How passwords are kept on this machine. */
  get secretStorage(): 'encrypted' | 'plain' {
    return this.sealer.kind === 'os' ? 'encrypted' : 'plain';
  }

  private unseal(entry: CameraFileEntry): CameraFileEntry {
    if (entry.passwordSealed === undefined || entry.password !== undefined) return entry;
    try {
      const { passwordSealed, ...rest } = entry;
      return { ...rest, password: this.sealer.open(passwordSealed) };
    } catch (error) {
      this.logger.warn(
        `camera ${entry.id}: its stored password cannot be decrypted here (${(error as Error).message}); it is kept, enter it again to use the camera`,
      );
      return entry;
    }
  }

  /** The entry as written to disk: the password sealed when the OS can, the URLs without passwords then. */
  private sealed(entry: CameraFileEntry): CameraFileEntry {
    if (this.sealer.kind !== 'os') return entry;
    let next: CameraFileEntry = entry;
    const inUrls = [...new Set(entry.streams.map((s) => decodeURIComponent(new URL(s.url).password)).filter(Boolean))];
    if (inUrls.length > 0) {
      if (entry.username !== undefined) {
        // The camera's own credentials replace a URL's user info when it is opened: the URL's is dead weight.
        next = { ...next, streams: strippedStreams(entry) };
      } else if (inUrls.length === 1) {
        // The one password inside the URLs moves to the sealed field.
        const user = entry.streams.map((s) => decodeURIComponent(new URL(s.url).username)).find(Boolean);
        next = { ...next, ...(user ? { username: user } : {}), password: inUrls[0]!, streams: strippedStreams(entry) };
      } else {
        this.logger.warn(
          `camera ${entry.id}: its stream URLs carry different passwords; they stay in the URLs, unencrypted`,
        );
      }
    }
    if (next.password === undefined) return next;
    const { password, ...rest } = next;
    return { ...rest, passwordSealed: this.sealer.seal(password) };
  }

  /**
   * Seals passwords a camera file holds in clear, when this machine can.
   * Written twice, so that the kept previous copy (.bak) holds no clear
   * password either. Call once at start.
   */
  sealAtRest(): Promise<void> {
    return this.writer.run(async () => {
      if (this.sealer.kind !== 'os' || !this.plainOnDisk) return;
      const sealed = { version: CAMERA_FILE_VERSION, cameras: this.entries.map((c) => this.sealed(c)) } as const;
      await this.store.save(sealed);
      await this.store.save(sealed);
      this.logger.info('camera passwords found in clear in the camera file are now sealed');
    });
  }

  /** Cameras that left the registry without a write (the demo cameras, removed): viewers and pages are told. */
  announce(change: InventoryChange): void {
    this.listeners.forEach((l) => l(change));
  }

  onChange(listener: (change: InventoryChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Reads the CSV and says what it would do; with `apply`, does it. Nothing
   * is written unless applied, and rejected rows never are.
   */
  importCsv(text: string, apply: boolean): Promise<ImportReport> {
    return this.writer.run(async () => {
      const parsed = await stepAside(csvImportSteps(text));
      const rejected = parsed.rejected;
      const cameras = parsed.cameras.map(liftUrlCredentials);
      const known = new Map(this.entries.map((c) => [c.id, c]));
      const report: ImportReport = {
        added: cameras.filter((c) => !known.has(c.id)).map((c) => c.id),
        updated: cameras.filter((c) => known.has(c.id)).map((c) => c.id),
        rejected,
        passwordsDropped: cameras.filter((c) => secretWouldMove(known.get(c.id), c)).map((c) => c.id),
      };
      if (!apply || cameras.length === 0) return report;
      // A CSV exported without passwords and read back must not wipe them.
      const incoming = new Map(cameras.map((c) => [c.id, keepSecrets(known.get(c.id), c)]));
      await this.write([
        ...this.entries.map((c) => incoming.get(c.id) ?? c),
        ...cameras.filter((c) => !known.has(c.id)),
      ]);
      return report;
    });
  }

  /** Adds one camera; an id already in the inventory is refused. */
  add(camera: CameraFileEntry): Promise<void> {
    return this.writer.run(async () => {
      if (this.entries.some((c) => c.id === camera.id))
        throw new CodedError('invalid-request', `A camera with id "${camera.id}" already exists.`);
      await this.write([...this.entries, liftUrlCredentials(camera)]);
    });
  }

  /** A camera as the edit dialog may see it: URLs without user info, whether a password is stored, never the password. */
  get(id: string): CameraEditView {
    const camera = this.find(id);
    return {
      id: camera.id,
      name: camera.name,
      ...(camera.group !== undefined ? { group: camera.group } : {}),
      streams: strippedStreams(camera),
      ...(camera.username !== undefined ? { username: camera.username } : {}),
      hasPassword:
        camera.password !== undefined ||
        camera.passwordSealed !== undefined ||
        camera.streams.some((s) => new URL(s.url).password !== ''),
    };
  }

  /**
   * Replaces a camera from the edit dialog. What the page never saw is kept:
   * an empty password keeps the stored one (unless `clearPassword`), and a URL
   * sent back without user info keeps the stored URL's.
   */
  update(camera: CameraFileEntry, clearPassword = false): Promise<{ passwordDropped: boolean }> {
    return this.writer.run(async () => {
      const stored = this.find(camera.id);
      // Moved to another host without a new password: the stored one stays behind (keepSecrets), and the dialog says so.
      const passwordDropped = !clearPassword && secretWouldMove(stored, camera);
      const next = keepSecrets(stored, liftUrlCredentials(camera));
      // The dialog shows the username, so an empty one means "no credentials".
      if (clearPassword || camera.username === undefined) {
        delete next.password;
        delete next.passwordSealed;
      }
      if (camera.username === undefined) delete next.username;
      await this.write(this.entries.map((c) => (c.id === camera.id ? next : c)));
      return { passwordDropped };
    });
  }

  remove(id: string): Promise<void> {
    return this.writer.run(async () => {
      this.find(id);
      await this.write(this.entries.filter((c) => c.id !== id));
    });
  }

  /**
   * What "test connection" in the edit dialog opens: the typed URL and
   * username with the stored password (and URL user info) filled in — but
   * only towards a host this camera's streams are on, so a page cannot send
   * a stored password anywhere else.
   */
  probeTarget(
    cameraId: string,
    url: string,
    username: string | undefined,
  ): { url: string; username?: string; password?: string } {
    const stored = this.find(cameraId);
    const typed = { url, ...(username !== undefined ? { username } : {}) };
    const host = (value: string) => {
      try {
        return new URL(value).host;
      } catch {
        return null;
      }
    };
    const wanted = host(url);
    if (wanted === null || !stored.streams.some((s) => host(s.url) === wanted)) return typed;
    const filled = keepSecrets(stored, {
      id: cameraId,
      name: stored.name,
      streams: [{ profile: 'probe', url }],
      ...typed,
    });
    return { url: filled.streams[0]!.url, ...credentialsOf(filled) };
  }

  /** The stored entry, credentials and all: for the core's own use (probing with stored credentials). */
  find(id: string): CameraFileEntry {
    const camera = this.entries.find((c) => c.id === id);
    if (!camera) throw cameraNotFound(id);
    return camera;
  }

  private async write(next: CameraFileEntry[]): Promise<void> {
    const cameras = await stepAside(checkedCameraList(next));
    if (!cameras)
      throw new CodedError('invalid-file', 'The change would make the camera list invalid; nothing was written.');
    // Checked just above, in steps; sealing only moves a password into passwordSealed.
    await this.store.save(
      { version: CAMERA_FILE_VERSION, cameras: cameras.map((c) => this.sealed(c)) },
      { checked: true },
    );
    const before = new Map(this.entries.map((c) => [c.id, streamIdentity(c)]));
    const after = new Set(cameras.map((c) => c.id));
    const change: InventoryChange = {
      changed: cameras.filter((c) => before.has(c.id) && before.get(c.id) !== streamIdentity(c)).map((c) => c.id),
      removed: [...before.keys()].filter((id) => !after.has(id)),
    };
    this.entries = cameras;
    this.registry.replace(this.entries);
    this.listeners.forEach((l) => l(change));
  }

  exportCsv(includePasswords: boolean): string {
    return camerasToCsv(this.entries, includePasswords);
  }
}

/** A camera's streams with no user info in their URLs. */
function strippedStreams(camera: CameraFileEntry): CameraFileEntry['streams'] {
  return camera.streams.map((s) => ({ ...s, url: withoutUserInfo(s.url) }));
}

/**
 * `incoming` with the secrets it could not have carried taken from `stored`:
 * the password when none was given (and the username is unchanged or absent),
 * URL user info when the URL came back stripped of it, and the ONVIF link.
 */
export function keepSecrets(stored: CameraFileEntry | undefined, incoming: CameraFileEntry): CameraFileEntry {
  if (!stored) return incoming;
  const next: CameraFileEntry = { ...incoming };
  // A stored password goes only to the hosts it was entered for.
  if (!sameHosts(stored, incoming)) return next;
  const sameUser = incoming.username === undefined || incoming.username === stored.username;
  // The stored password, or one this machine could not decrypt (kept sealed until a new one is typed).
  const storedSecret =
    stored.password !== undefined
      ? { password: stored.password }
      : stored.passwordSealed !== undefined
        ? { passwordSealed: stored.passwordSealed }
        : undefined;
  if (next.password === undefined && next.passwordSealed === undefined && storedSecret && sameUser) {
    Object.assign(next, storedSecret);
    if (next.username === undefined && stored.username !== undefined) next.username = stored.username;
  }
  // A CSV row or the edit dialog does not carry the ONVIF link: keep it.
  if (next.onvif === undefined && stored.onvif !== undefined) next.onvif = stored.onvif;
  next.streams = incoming.streams.map((s) => {
    const before = stored.streams.find((b) => b.url !== s.url && withoutUserInfo(b.url) === s.url);
    return before ? { ...s, url: before.url } : s;
  });
  return next;
}

/** Where a camera's credentials are sent: the hosts of its stream URLs and its ONVIF address. */
function hostsOf(camera: CameraFileEntry): Set<string> {
  const hosts = new Set<string>();
  for (const stream of camera.streams)
    hosts.add(URL.canParse(stream.url) ? new URL(stream.url).hostname.toLowerCase() : stream.url);
  if (camera.onvif)
    hosts.add(
      camera.onvif.address
        .replace(/:\d+$/, '')
        .replace(/^\[|\]$/g, '')
        .toLowerCase(),
    );
  return hosts;
}

/** Every host the incoming camera names was already one of the stored camera's (an ONVIF link not sent is the stored one). */
function sameHosts(stored: CameraFileEntry, incoming: CameraFileEntry): boolean {
  const before = hostsOf(stored);
  const after = hostsOf(incoming.onvif || !stored.onvif ? incoming : { ...incoming, onvif: stored.onvif });
  return [...after].every((host) => before.has(host));
}

const hasUrlPassword = (camera: CameraFileEntry) =>
  camera.streams.some((s) => URL.canParse(s.url) && new URL(s.url).password !== '');

/** The incoming entry brings no password of its own, the stored one has one, and the hosts changed. */
export function secretWouldMove(stored: CameraFileEntry | undefined, incoming: CameraFileEntry): boolean {
  if (!stored) return false;
  const typed = incoming.password !== undefined || hasUrlPassword(incoming);
  const kept = stored.password !== undefined || stored.passwordSealed !== undefined || hasUrlPassword(stored);
  return !typed && kept && !sameHosts(stored, incoming);
}

/**
 * Credentials typed inside URLs moved into the username and password fields
 * (when those are empty and every URL carries the same ones): the URL then
 * holds no secret to leak into a message, and the password is sealed and
 * redacted like any other.
 */
export function liftUrlCredentials(entry: CameraFileEntry): CameraFileEntry {
  if (entry.username !== undefined) return entry;
  const infos = new Set(
    entry.streams
      .map((s) => new URL(s.url))
      .filter((u) => u.username !== '')
      .map((u) => `${u.username}:${u.password}`),
  );
  if (infos.size !== 1) return entry;
  const [user, password] = [...infos][0]!.split(':') as [string, string];
  return {
    ...entry,
    username: decodeURIComponent(user),
    ...(password ? { password: decodeURIComponent(password) } : {}),
    streams: strippedStreams(entry),
  };
}

/** Runs a stepped computation, letting the event loop serve streams and pages between its steps. */
/** What a running stream depends on: its URLs, transports and credentials (not the name or group). */
function streamIdentity(camera: CameraFileEntry): string {
  return JSON.stringify([camera.streams, camera.username, camera.password, camera.passwordSealed]);
}
