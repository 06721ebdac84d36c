/**
 * The channels of an NVR as cameras, from the RTSP URL patterns the two
 * common families use (each channel has a main and a sub stream):
 * - Hikvision-style: rtsp://host:554/Streaming/Channels/<ch>01 (main), <ch>02 (sub)
 * - Dahua-style:     rtsp://host:554/cam/realmonitor?channel=<ch>&subtype=0 (main), 1 (sub)
 */
import { type CameraFileEntry, credentialsOf } from './model';
import { slug } from './search';

export type NvrBrand = 'hikvision' | 'dahua';

export interface NvrSpec {
  brand: NvrBrand;
  /** Shown as the group, and the base of the camera ids. */
  name: string;
  host: string;
  port?: number;
  channels: number;
  username?: string;
  password?: string;
}

export function nvrCameras(spec: NvrSpec): CameraFileEntry[] {
  const base = `rtsp://${spec.host.includes(':') && !spec.host.startsWith('[') ? `[${spec.host}]` : spec.host}:${spec.port ?? 554}`;
  const url = (channel: number, sub: boolean) =>
    spec.brand === 'hikvision'
      ? `${base}/Streaming/Channels/${channel}0${sub ? 2 : 1}`
      : `${base}/cam/realmonitor?channel=${channel}&subtype=${sub ? 1 : 0}`;
  return Array.from({ length: spec.channels }, (_, i) => {
    const channel = i + 1;
    return {
      id: `${slug(spec.name, 'nvr')}-ch${String(channel).padStart(2, '0')}`,
      name: `${spec.name} · CH${channel}`,
      group: spec.name,
      streams: [
        { profile: 'main', url: url(channel, false) },
        { profile: 'sub', url: url(channel, true) },
      ],
      ...credentialsOf(spec),
    };
  });
}
