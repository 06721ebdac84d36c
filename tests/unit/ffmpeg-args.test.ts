import { describe, expect, it } from 'vitest';
import { buildFfmpegArgs, fitSize, mpeg1Rate } from '../../electron/core/streams/ffmpeg-args';

const valueOf = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe('buildFfmpegArgs for an RTSP camera', () => {
  const url = 'rtsp://admin:p%40ss@10.1.2.3:554/Streaming/Channels/101';
  const args = buildFfmpegArgs({ kind: 'rtsp', url, width: 1920, height: 1080, fps: 25 });

  it('reads RTSP over TCP with a protocol whitelist that excludes local files', () => {
    expect(valueOf(args, '-rtsp_transport')).toBe('tcp');
    const whitelist = valueOf(args, '-protocol_whitelist')!.split(',');
    expect(whitelist).toContain('rtsp');
    expect(whitelist).not.toContain('file');
    expect(args.indexOf('-protocol_whitelist')).toBeLessThan(args.indexOf('-i'));
  });

  it('passes the URL as one argument, never through a shell', () => {
    expect(valueOf(args, '-i')).toBe(url);
    expect(args.filter((a) => a.includes(url))).toHaveLength(1);
  });

  it('outputs MPEG-TS with MPEG-1 video, no B-frames, GOP of at most one second, no audio', () => {
    expect(valueOf(args, '-c:v')).toBe('mpeg1video');
    expect(valueOf(args, '-bf')).toBe('0');
    expect(Number(valueOf(args, '-g'))).toBeLessThanOrEqual(Number(valueOf(args, '-r')));
    expect(valueOf(args, '-f')).toBe('mpegts');
    expect(args).toContain('-an');
    expect(args[args.length - 1]).toBe('pipe:1');
  });

  it('scales 1080p down to 1280×720', () => {
    expect(valueOf(args, '-vf')).toBe('scale=1280:720');
  });

  it('uses a size expression capped at 1280×720 when the camera size is unknown', () => {
    const unknown = buildFfmpegArgs({ kind: 'rtsp', url: 'rtsp://cam/x' });
    expect(valueOf(unknown, '-vf')).toContain("min(1280,iw)");
    expect(valueOf(unknown, '-vf')).toContain("min(720,ih)");
  });

  it('can use UDP when a camera asks for it', () => {
    expect(valueOf(buildFfmpegArgs({ kind: 'rtsp', url: 'rtsp://cam/x', transport: 'udp' }), '-rtsp_transport')).toBe('udp');
  });
});

describe('buildFfmpegArgs for a demo camera', () => {
  it('draws a moving picture locally at real time, with the label and a clock', () => {
    const args = buildFfmpegArgs({ kind: 'demo', label: "Demo 1 O'Brien, Jl. A:B", pattern: 'testsrc2', width: 640, height: 360, fps: 25 });
    expect(args).toContain('-re');
    expect(valueOf(args, '-f')).toBe('lavfi');
    const graph = valueOf(args, '-i')!;
    expect(graph.startsWith('testsrc2=size=640x360:rate=25,drawtext=')).toBe(true);
    expect(graph).toContain('localtime');
    // The label cannot break out of the quoted filtergraph value.
    expect(graph).toContain("text='Demo 1 O Brien  Jl. A B  %{localtime");
    expect(args).not.toContain('-rtsp_transport');
  });
});

describe('sizes and rates', () => {
  it('fits into the box keeping aspect ratio with even sizes, never upscaling', () => {
    expect(fitSize(1920, 1080, { maxWidth: 1280, maxHeight: 720 })).toEqual({ width: 1280, height: 720 });
    expect(fitSize(640, 360, { maxWidth: 1280, maxHeight: 720 })).toEqual({ width: 640, height: 360 });
    expect(fitSize(2560, 1920, { maxWidth: 1280, maxHeight: 720 })).toEqual({ width: 960, height: 720 });
    expect(fitSize(705, 577, { maxWidth: 1280, maxHeight: 720 })).toEqual({ width: 706, height: 578 });
  });

  it('maps camera frame rates onto the rates MPEG-1 allows', () => {
    expect(mpeg1Rate(undefined)).toBe(25);
    expect(mpeg1Rate(12.5)).toBe(24);
    expect(mpeg1Rate(25)).toBe(25);
    expect(mpeg1Rate(29.97)).toBe(30);
    expect(mpeg1Rate(120)).toBe(60);
  });
});
