/**
 * The cameras this launch knows, with their secrets. Only the core holds
 * URLs and credentials; the renderer gets `summaries()`.
 */
import { CodedError, cameraNotFound } from '../../../shared/errors';
import type { CameraFileEntry, CameraSummary } from '../../../shared/model';
import { withCredentials } from '../../../shared/rtsp-url';
import type { StreamSource } from '../streams/stream-source';

interface Profile {
  profile: string;
  width?: number;
  height?: number;
  source: StreamSource;
}

interface Camera {
  id: string;
  name: string;
  group?: string;
  demo: boolean;
  ptz: boolean;
  profiles: Profile[];
}

function fromFileEntry(entry: CameraFileEntry): Camera {
  return {
    id: entry.id,
    name: entry.name,
    ...(entry.group ? { group: entry.group } : {}),
    demo: false,
    ptz: entry.onvif?.ptz ?? false,
    profiles: entry.streams.map((stream) => ({
      profile: stream.profile,
      ...(stream.width ? { width: stream.width } : {}),
      ...(stream.height ? { height: stream.height } : {}),
      source: {
        kind: 'rtsp',
        url: withCredentials(stream.url, entry.username, entry.password),
        ...(stream.width ? { width: stream.width } : {}),
        ...(stream.height ? { height: stream.height } : {}),
        ...(stream.fps ? { fps: stream.fps } : {}),
        ...(stream.transport ? { transport: stream.transport } : {}),
      },
    })),
  };
}

/** Built-in cameras that ffmpeg draws locally: a moving test picture with the camera name and a clock. */
export function demoCameras(count = 4): Camera[] {
  const places = [
    'Simpang Lima',
    'Tugu Muda',
    'Lawang Sewu',
    'Kota Lama',
    'Pandanaran',
    'Tembalang',
    'Banyumanik',
    'Gajahmungkur',
    'Candisari',
  ];
  return Array.from({ length: count }, (_, i) => {
    const place = places[i % places.length]!;
    const name = `Demo ${i + 1} · ${place}`;
    return {
      id: `demo-${i + 1}`,
      name,
      group: 'Demo/Kota Semarang',
      demo: true,
      ptz: false,
      profiles: [
        {
          profile: 'main',
          width: 640,
          height: 360,
          source: {
            kind: 'demo',
            label: `Demo ${i + 1} ${place}`,
            pattern: i % 2 ? 'testsrc' : 'testsrc2',
            width: 640,
            height: 360,
            fps: 25,
          },
        },
      ],
    };
  });
}

/** What the renderer may know of a camera: no URL, no credentials. */
function toSummary(camera: Camera): CameraSummary {
  return {
    id: camera.id,
    name: camera.name,
    ...(camera.group ? { group: camera.group } : {}),
    demo: camera.demo,
    ...(camera.ptz ? { ptz: true } : {}),
    profiles: camera.profiles.map((p) => ({
      profile: p.profile,
      ...(p.width ? { width: p.width } : {}),
      ...(p.height ? { height: p.height } : {}),
    })),
  };
}

export class CameraRegistry {
  private readonly cameras = new Map<string, Camera>();
  /** The operator's own cameras (the inventory's entries). */
  private own: Camera[];
  private readonly demo: Camera[];
  /**
   * The built-in demo cameras are shown beside the operator's own until the
   * operator removes them ("Hapus kamera demo"): adding a first camera or
   * importing a CSV must not empty the wall without a word.
   */
  private demoShown: boolean;

  private constructor(own: Camera[], demoShown: boolean) {
    this.own = own;
    this.demo = demoCameras();
    this.demoShown = demoShown;
    this.rebuild();
  }

  /** Replaces the operator's cameras (after an import or an edit). Running streams keep their source until they restart. */
  replace(entries: readonly CameraFileEntry[]): void {
    this.own = entries.map(fromFileEntry);
    this.rebuild();
  }

  /** Shows or hides the demo cameras; returns the ids of those that were hidden. */
  showDemo(on: boolean): string[] {
    const hidden = this.demoShown && !on ? this.demo.map((c) => c.id) : [];
    this.demoShown = on;
    this.rebuild();
    return hidden;
  }

  get demoVisible(): boolean {
    return this.demoShown;
  }

  private rebuild(): void {
    this.cameras.clear();
    // An own camera with a demo camera's id wins.
    if (this.demoShown) for (const camera of this.demo) this.cameras.set(camera.id, camera);
    for (const camera of this.own) this.cameras.set(camera.id, camera);
  }

  static fromFile(entries: readonly CameraFileEntry[]): CameraRegistry {
    return new CameraRegistry(entries.map(fromFileEntry), false);
  }

  static demo(): CameraRegistry {
    return new CameraRegistry([], true);
  }

  /** Only demo cameras: the operator has none of their own. */
  get isDemo(): boolean {
    return this.own.length === 0;
  }

  summaries(): CameraSummary[] {
    return [...this.cameras.values()].map(toSummary);
  }

  /** One camera's summary, straight from the map: stream:open calls this for every tile. */
  summary(cameraId: string): CameraSummary {
    return toSummary(this.find(cameraId));
  }

  private find(cameraId: string): Camera {
    const camera = this.cameras.get(cameraId);
    if (!camera) throw cameraNotFound(cameraId);
    return camera;
  }

  sourceFor(cameraId: string, profile: string): StreamSource {
    const camera = this.find(cameraId);
    const found = camera.profiles.find((p) => p.profile === profile);
    if (!found) throw new CodedError('profile-not-found', `Camera "${cameraId}" has no "${profile}" stream.`);
    return found.source;
  }
}
