/**
 * Where a camera's stream breaks off, no tile decodes half a picture. The
 * relay says so between binary frames when a session's ffmpeg is replaced
 * (here: a bigger viewer makes it re-scale), and the page's source drops the
 * unfinished picture from JSMpeg's own TS demuxer instead of completing it
 * with the next stream's bytes. A truncated picture decoded in JSMpeg's shared
 * WebAssembly heap once broke every tile of a wall (CI, "memory access out of
 * bounds").
 */
import { spawnSync } from 'node:child_process';
import JSMpeg from '@cycjimmy/jsmpeg-player';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TS_PACKET, TsPacketizer, startsVideoPes } from '../../electron/core/streams/mpegts';
import { RELAY_DISCONTINUITY } from '../../shared/relay-protocol';
import { dropUnfinishedPicture } from '../../renderer/player/jsmpeg-demuxer';
import { hostWithOneCamera, type RunningHost } from '../fixtures/host';

/** ffmpeg's MPEG-1 in MPEG-TS as the core makes it: six pictures of a test pattern. */
function mpeg1Ts(): Buffer {
  const out = spawnSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=320x240:rate=25',
      '-frames:v',
      '6',
      '-c:v',
      'mpeg1video',
      '-bf',
      '0',
    ].concat(['-q:v', '2', '-f', 'mpegts', '-']),
    { maxBuffer: 64 * 1024 * 1024 },
  );
  if (out.status !== 0) throw new Error(`ffmpeg: ${out.stderr.toString()}`);
  return out.stdout;
}

/** The stream's TS packets grouped per picture (a video PES start begins a group), PSI in front of the first. */
function pictures(ts: Buffer): Buffer[][] {
  const groups: Buffer[][] = [[]];
  for (let at = 0; at + TS_PACKET <= ts.length; at += TS_PACKET) {
    const packet = ts.subarray(at, at + TS_PACKET);
    if (startsVideoPes(packet) && groups.at(-1)!.some(startsVideoPes)) groups.push([]);
    groups.at(-1)!.push(packet);
  }
  return groups;
}

/** JSMpeg's real TS demuxer with a recorder where the decoder would be: the length of each picture it hands on. */
function demuxer() {
  const handed: number[] = [];
  const ts = new JSMpeg.Demuxer.TS({});
  ts.connect(JSMpeg.Demuxer.TS.STREAM.VIDEO_1, {
    write: (_pts: number, buffers: Uint8Array[]) => handed.push(buffers.reduce((n, b) => n + b.length, 0)),
  });
  const write = (packets: Buffer[]) => {
    const data = Buffer.concat(packets);
    ts.write(data.buffer.slice(data.byteOffset, data.byteOffset + data.length));
  };
  return { ts, handed, write };
}

describe('the page drops an unfinished picture where the stream breaks off', () => {
  const stream = pictures(mpeg1Ts());
  // What JSMpeg hands its decoder for each whole picture, measured on the unbroken stream.
  const whole = (() => {
    const reference = demuxer();
    for (const picture of stream) reference.write(picture);
    reference.write(stream[0]!); // a next picture start completes the last one
    return reference.handed;
  })();

  it('hands the decoder whole pictures only: three, then the new stream from its first', () => {
    expect(stream.length).toBe(6);
    expect(stream[3]!.length).toBeGreaterThan(2); // a picture of several packets, so it can be cut
    const page = demuxer();
    for (const picture of stream.slice(0, 3)) page.write(picture);
    page.write(stream[3]!.slice(0, 2)); // the old ffmpeg ends inside the fourth picture
    dropUnfinishedPicture(page.ts);
    for (const picture of stream) page.write(picture); // the new ffmpeg, from its start
    page.write(stream[0]!);
    expect(page.handed).toEqual([...whole.slice(0, 3), ...whole]);
  });

  it('without the drop, the truncated picture would reach the decoder (the case this guards)', () => {
    const page = demuxer();
    for (const picture of stream.slice(0, 3)) page.write(picture);
    page.write(stream[3]!.slice(0, 2));
    page.write(stream[0]!);
    expect(page.handed.slice(0, 3)).toEqual(whole.slice(0, 3));
    expect(page.handed[3]).toBeLessThan(whole[3]!);
  });
});

describe('the relay marks where a stream breaks off', () => {
  let running: Awaited<ReturnType<typeof hostWithOneCamera>> | undefined;
  let host: RunningHost;
  beforeAll(async () => {
    running = await hostWithOneCamera({ width: 1280, height: 720, flags: 'pattern=smpte' });
    host = running.host;
  }, 40_000);
  afterAll(async () => {
    await running?.stop();
  });

  const viewer = (width: number) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/stream/cam/main?token=${host.token}&w=${width}`);
    const messages: (Buffer | string)[] = [];
    ws.on('message', (data: Buffer, binary: boolean) => messages.push(binary ? data : data.toString()));
    return { ws, messages, first: new Promise((resolve) => ws.once('message', resolve)) };
  };

  it('a bigger viewer re-scales the session: the small one is told, then gets the new stream from a key picture', async () => {
    const small = viewer(320);
    await small.first;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(small.messages.every((m) => typeof m !== 'string')).toBe(true);
    const big = viewer(1280);
    await big.first;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    small.ws.close();
    big.ws.close();
    const marks = small.messages.flatMap((m, i) => (m === RELAY_DISCONTINUITY ? [i] : []));
    expect(marks).toHaveLength(1);
    // After the mark: the new ffmpeg's first picture is a key picture (a GOP start).
    const after = new TsPacketizer();
    const chunks = small.messages.slice(marks[0]! + 1).flatMap((m) => after.push(m as Buffer));
    expect(chunks.find((c) => c.pictureStart)?.gopStart).toBe(true);
  }, 30_000);
});
