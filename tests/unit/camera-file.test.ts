import { describe, expect, it } from 'vitest';
import { parseCameraFile } from '../../electron/core/cameras/camera-file';
import { CameraRegistry } from '../../electron/core/cameras/camera-registry';
import { CodedError } from '../../shared/errors';

const good = {
  cameras: [
    {
      id: 'smg-tembalang-01',
      name: 'Simpang Tembalang',
      group: 'Kota Semarang/Tembalang/Bulusan/RT 03',
      streams: [
        { profile: 'main', url: 'rtsp://10.0.0.5:554/Streaming/Channels/101', width: 1920, height: 1080 },
        { profile: 'sub', url: 'rtsp://10.0.0.5:554/Streaming/Channels/102', width: 640, height: 360 },
      ],
      username: 'admin',
      password: 'Rahasia123',
    },
  ],
};

function problem(file: unknown): string {
  try {
    parseCameraFile(typeof file === 'string' ? file : JSON.stringify(file), 'cameras.json');
  } catch (error) {
    expect(error).toBeInstanceOf(CodedError);
    expect((error as CodedError).code).toBe('invalid-file');
    return (error as Error).message;
  }
  throw new Error('expected the file to be rejected');
}

const withCamera = (patch: Record<string, unknown>) => ({ cameras: [{ ...good.cameras[0], ...patch }] });

describe('camera file', () => {
  it('accepts a valid file, with or without a UTF-8 BOM', () => {
    expect(parseCameraFile(JSON.stringify(good)).cameras).toHaveLength(1);
    expect(parseCameraFile(`\uFEFF${JSON.stringify(good)}`).cameras[0]!.id).toBe('smg-tembalang-01');
  });

  it('names the field of a non-RTSP URL, and never echoes it', () => {
    const message = problem(withCamera({ streams: [{ profile: 'main', url: 'http://admin:Rahasia123@10.0.0.5/x' }] }));
    expect(message).toContain('cameras[0].streams[0].url');
    expect(message).toContain('only rtsp:// and rtsps://');
    expect(message).not.toContain('Rahasia123');
  });

  it('names missing and unknown fields', () => {
    expect(problem(withCamera({ name: undefined }))).toContain('cameras[0].name');
    expect(problem(withCamera({ colour: 'red' }))).toMatch(/cameras\[0\].*colour/);
    expect(problem(withCamera({ streams: [] }))).toContain('cameras[0].streams: needs at least one stream');
  });

  it('rejects duplicate camera ids and profiles', () => {
    expect(problem({ cameras: [good.cameras[0], good.cameras[0]] })).toContain('cameras[1].id: duplicates camera id');
    const stream = good.cameras[0]!.streams[0];
    expect(problem(withCamera({ streams: [stream, stream] }))).toContain(
      'cameras[0].streams[1].profile: duplicates profile',
    );
  });

  it('says when the file is not JSON at all', () => {
    expect(problem('{ "cameras": [ ')).toContain('cameras.json is not valid JSON');
  });
});

describe('CameraRegistry', () => {
  const registry = CameraRegistry.fromFile(parseCameraFile(JSON.stringify(good)).cameras);

  it('gives the renderer summaries without URLs or credentials', () => {
    const text = JSON.stringify(registry.summaries());
    expect(text).not.toContain('rtsp');
    expect(text).not.toContain('Rahasia123');
    expect(text).not.toContain('admin');
    expect(registry.summaries()[0]!.profiles).toEqual([
      { profile: 'main', width: 1920, height: 1080 },
      { profile: 'sub', width: 640, height: 360 },
    ]);
  });

  it('puts credentials into the source only inside the core', () => {
    const source = registry.sourceFor('smg-tembalang-01', 'sub');
    expect(source).toMatchObject({ kind: 'rtsp', url: 'rtsp://admin:Rahasia123@10.0.0.5:554/Streaming/Channels/102' });
  });

  it('reports unknown cameras and profiles with codes', () => {
    expect(() => registry.sourceFor('nope', 'main')).toThrow(expect.objectContaining({ code: 'camera-not-found' }));
    expect(() => registry.sourceFor('smg-tembalang-01', 'third')).toThrow(
      expect.objectContaining({ code: 'profile-not-found' }),
    );
  });

  it('has four demo cameras drawn by ffmpeg', () => {
    const demo = CameraRegistry.demo();
    expect(demo.isDemo).toBe(true);
    expect(demo.summaries().map((c) => c.id)).toEqual(['demo-1', 'demo-2', 'demo-3', 'demo-4']);
    expect(demo.sourceFor('demo-1', 'main').kind).toBe('demo');
  });
});

describe('input normalised or refused with a sentence', () => {
  it('refuses control characters in a URL instead of letting the parser drop them', () => {
    const message = problem(
      withCamera({ streams: [{ profile: 'main', url: 'rtsp://127.0.0.1:9/a\r\nX-Injected: 1' }] }),
    );
    expect(message).toContain('cameras[0].streams[0].url: contains a line break');
  });

  it('keeps a URL as the parser reads it: a space or "@" in its password percent-encoded', () => {
    const file = parseCameraFile(
      JSON.stringify(withCamera({ streams: [{ profile: 'main', url: 'rtsp://admin:zq 7@xv@10.0.0.5/live' }] })),
    );
    expect(file.cameras[0]!.streams[0]!.url).toBe('rtsp://admin:zq%207%40xv@10.0.0.5/live');
  });

  it('refuses text-direction controls and line breaks in names', () => {
    expect(problem(withCamera({ name: 'Pos \u202Egnp.exe' }))).toContain(
      'cameras[0].name: must not contain text-direction control characters',
    );
    expect(problem(withCamera({ name: 'Pos\nPolisi' }))).toContain('cameras[0].name: must not contain line breaks');
  });
});
