import { describe, expect, it } from 'vitest';
import { CameraFileEntrySchema } from '../../shared/model';
import { nvrCameras } from '../../shared/nvr';

describe('NVR channels', () => {
  it('uses the Hikvision pattern for main and sub streams, grouped under the NVR', () => {
    const cams = nvrCameras({
      brand: 'hikvision',
      name: 'Gudang KPU Genuk',
      host: '10.8.0.20',
      channels: 16,
      username: 'admin',
      password: 'x',
    });
    expect(cams).toHaveLength(16);
    expect(cams[0]).toEqual({
      id: 'gudang-kpu-genuk-ch01',
      name: 'Gudang KPU Genuk · CH1',
      group: 'Gudang KPU Genuk',
      streams: [
        { profile: 'main', url: 'rtsp://10.8.0.20:554/Streaming/Channels/101' },
        { profile: 'sub', url: 'rtsp://10.8.0.20:554/Streaming/Channels/102' },
      ],
      username: 'admin',
      password: 'x',
    });
    expect(cams[15]!.streams[1]!.url).toBe('rtsp://10.8.0.20:554/Streaming/Channels/1602');
    for (const c of cams) expect(CameraFileEntrySchema.safeParse(c).success).toBe(true);
  });

  it('uses the Dahua pattern, with a custom port', () => {
    const [cam] = nvrCameras({ brand: 'dahua', name: 'Pos Polisi', host: 'nvr.local', port: 8554, channels: 1 });
    expect(cam!.streams.map((s) => s.url)).toEqual([
      'rtsp://nvr.local:8554/cam/realmonitor?channel=1&subtype=0',
      'rtsp://nvr.local:8554/cam/realmonitor?channel=1&subtype=1',
    ]);
  });
});
