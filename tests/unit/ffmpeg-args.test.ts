import { describe, expect, it } from 'vitest';
import { buildFfmpegArgs, fitSize, mpeg1Rate, outputSize, rtspScript } from '../../electron/core/streams/ffmpeg-args';

const valueOf = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe('buildFfmpegArgs for an RTSP camera', () => {
  const url = "rtsp://admin:p%40ss'x@10.1.2.3:554/Streaming/Channels/101";
  const { args, stdin } = buildFfmpegArgs({ kind: 'rtsp', url, width: 1920, height: 1080, fps: 25 });

  it('keeps the URL and its password out of the command line: ffmpeg reads them from stdin', () => {
    expect(args.join(' ')).not.toContain('10.1.2.3');
    expect(args.join(' ')).not.toContain('p%40ss');
    expect(valueOf(args, '-f')).toBe('concat');
    expect(valueOf(args, '-i')).toBe('pipe:0');
    // The quote inside the URL is escaped for the ffconcat script: it cannot start a directive.
    expect(stdin).toBe(rtspScript(url, 'tcp'));
    expect(stdin).toContain("file 'rtsp://admin:p%40ss'\\''x@10.1.2.3:554/Streaming/Channels/101'\n");
    expect(() => rtspScript('rtsp://cam/x\nfile /etc/passwd', 'tcp')).toThrow();
  });

  it('reads RTSP over TCP by default with a protocol whitelist that excludes local files', () => {
    expect(stdin).toContain('option rtsp_transport tcp\n');
    const whitelist = valueOf(args, '-protocol_whitelist')!.split(',');
    expect(whitelist).toContain('rtsp');
    expect(whitelist).not.toContain('file');
    expect(args.indexOf('-protocol_whitelist')).toBeLessThan(args.indexOf('-i'));
  });

  it('decodes frames that arrive in pieces (multi-slice H.264 with SPS/PPS before every IDR slice)', () => {
    expect(args).not.toContain('low_delay');
    expect(valueOf(args, '-flags2:v')).toBe('+chunks');
    expect(args.indexOf('-flags2:v')).toBeLessThan(args.indexOf('-i'));
  });

  it('outputs MPEG-TS with MPEG-1 video, no B-frames, a keyframe every second of time, no audio', () => {
    expect(valueOf(args, '-c:v')).toBe('mpeg1video');
    expect(valueOf(args, '-bf')).toBe('0');
    expect(Number(valueOf(args, '-g'))).toBeLessThanOrEqual(Number(valueOf(args, '-r')));
    expect(valueOf(args, '-force_key_frames')).toBe('expr:gte(t,n_forced*1)');
    expect(valueOf(args, '-f')).toBe('concat');
    expect(args[args.lastIndexOf('-f') + 1]).toBe('mpegts');
    expect(args).toContain('-an');
    expect(args[args.length - 1]).toBe('pipe:1');
  });

  it('fits 1080p into 1280×720 and letterboxes whatever the camera really sends', () => {
    expect(valueOf(args, '-vf')).toBe(
      'scale=1280:720:force_original_aspect_ratio=decrease:force_divisible_by=2,pad=1280:720:(ow-iw)/2:(oh-ih)/2,setsar=1',
    );
  });

  it('uses the whole box when the camera size is unknown', () => {
    expect(outputSize({ kind: 'rtsp', url: 'rtsp://cam/x' }, { maxWidth: 640, maxHeight: 360 })).toEqual({
      width: 640,
      height: 360,
    });
    expect(valueOf(buildFfmpegArgs({ kind: 'rtsp', url: 'rtsp://cam/x' }).args, '-vf')).toContain('pad=1280:720');
  });

  it('uses UDP when a camera asks for it or the session chose it', () => {
    expect(buildFfmpegArgs({ kind: 'rtsp', url: 'rtsp://cam/x', transport: 'udp' }).stdin).toContain(
      'option rtsp_transport udp\n',
    );
    expect(buildFfmpegArgs({ kind: 'rtsp', url: 'rtsp://cam/x', transport: 'auto' }, undefined, 'udp').stdin).toContain(
      'option rtsp_transport udp\n',
    );
    expect(buildFfmpegArgs({ kind: 'rtsp', url: 'rtsp://cam/x', transport: 'http' }).stdin).toContain(
      'option rtsp_transport http\n',
    );
  });
});

describe('buildFfmpegArgs for a demo camera', () => {
  it('draws a moving picture locally at real time, with the label and a clock', () => {
    const { args, stdin } = buildFfmpegArgs({
      kind: 'demo',
      label: "Demo 1 O'Brien, Jl. A:B",
      pattern: 'testsrc2',
      width: 640,
      height: 360,
      fps: 25,
    });
    expect(stdin).toBeUndefined();
    expect(args).toContain('-re');
    expect(valueOf(args, '-f')).toBe('lavfi');
    const graph = valueOf(args, '-i')!;
    expect(graph.startsWith('testsrc2=size=640x360:rate=25,drawtext=')).toBe(true);
    expect(graph).toContain('localtime');
    // The label cannot break out of the quoted filtergraph value.
    expect(graph).toContain("text='Demo 1 O Brien  Jl. A B  %{localtime");
    expect(args).not.toContain('concat');
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
