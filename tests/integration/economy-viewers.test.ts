/**
 * Economy viewers (issue #23) through the real host, relay and ffmpeg against
 * GStreamer's RTSP server: a viewer that asks `rate=key` gets the key picture
 * of each GOP and nothing else — on the MPEG-1 path (ffmpeg's I-pictures) and
 * on the native path (the camera's own IDR frames, copied) — each of which
 * decodes on its own to the camera's bars, while a full-rate viewer of the
 * same camera keeps every picture; a viewer told to change rate on its open
 * socket does so without the stream being broken off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TsPacketizer } from '../../electron/core/streams/mpegts';
import { NAL_IDR, framedUnits, nalType, splitNalUnits } from '../../shared/h264';
import { rateMessage } from '../../shared/relay-protocol';
import { hostWithOneCamera, type RunningHost } from '../fixtures/host';
import { barsIn, decodeFrames, smpteBars } from '../fixtures/picture';

let running: Awaited<ReturnType<typeof hostWithOneCamera>> | undefined;
let host: RunningHost;
beforeAll(async () => {
  running = await hostWithOneCamera({ width: 640, height: 360, flags: 'pattern=smpte,nooverlay' });
  host = running.host;
}, 40_000);
afterAll(async () => {
  await running?.stop();
});

/** Every message a viewer of `query` receives for `ms`, with the time of the first. */
async function view(query: string, ms: number): Promise<Buffer[]> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/stream/cam/main?token=${host.token}&w=640${query}`);
  const messages: Buffer[] = [];
  ws.on('message', (data: Buffer) => messages.push(data));
  await new Promise((resolve) => ws.once('message', resolve));
  await new Promise((resolve) => setTimeout(resolve, ms));
  ws.close();
  return messages;
}

describe('economy viewers get key pictures only', () => {
  it('on the MPEG-1 path: one picture a second, each a whole I-picture that decodes to the bars', async () => {
    const [full, key] = await Promise.all([view('', 4000), view('&rate=key', 4000)]);
    const pictures = (messages: Buffer[]) => {
      const counter = new TsPacketizer();
      for (const m of messages) counter.push(m);
      return counter.frames;
    };
    expect(pictures(full)).toBeGreaterThan(80); // 25 fps for 4 s
    // Ffmpeg's GOP is one second: four or five key pictures in 4 s, and no other picture.
    expect(pictures(key)).toBeGreaterThanOrEqual(4);
    expect(pictures(key)).toBeLessThanOrEqual(6);
    const frames = decodeFrames(Buffer.concat(key), 640, 360, 'mpegts');
    expect(frames.length).toBeGreaterThanOrEqual(1);
    for (const frame of frames) expect(barsIn(frame)).toEqual(smpteBars);
  }, 30_000);

  it('on the native path: the camera’s own IDR frames, copied, and nothing else', async () => {
    const [full, key] = await Promise.all([view('&video=h264', 4000), view('&video=h264&rate=key', 4000)]);
    const pictures = (messages: Buffer[]) => [...framedUnits(new Uint8Array(Buffer.concat(messages)))];
    const isKey = (picture: Uint8Array) => splitNalUnits(picture).units.some((nal) => nalType(nal) === NAL_IDR);
    expect(pictures(full).length).toBeGreaterThan(80);
    const keys = pictures(key);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    expect(keys.length).toBeLessThanOrEqual(6);
    expect(keys.every(isKey)).toBe(true);
    const frames = decodeFrames(Buffer.concat(keys.map((k) => Buffer.from(k))), 640, 360, 'h264');
    for (const frame of frames) expect(barsIn(frame)).toEqual(smpteBars);
  }, 30_000);

  it('a viewer told on its open socket to change rate: key pictures only, then every picture again from a key picture, the stream never broken off', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/stream/cam/main?token=${host.token}&w=640&video=h264`);
    const texts: string[] = [];
    const pictures: { at: number; picture: Uint8Array }[] = [];
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) texts.push(data.toString());
      else for (const picture of framedUnits(new Uint8Array(data))) pictures.push({ at: Date.now(), picture });
    });
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    while (!pictures.length) await sleep(50);
    const between = (from: number, to: number) =>
      pictures.filter((p) => p.at >= from && p.at < to).map((p) => p.picture);
    await sleep(2000);
    const toKey = Date.now();
    ws.send(rateMessage('key'));
    await sleep(3300);
    const toFull = Date.now();
    ws.send(rateMessage('full'));
    await sleep(2000);
    ws.close();
    const full = between(0, toKey);
    // A picture already on its way when the message left is still the old rate's.
    const key = between(toKey + 300, toFull);
    const back = between(toFull, Infinity);
    const isKey = (picture: Uint8Array) => splitNalUnits(picture).units.some((nal) => nalType(nal) === NAL_IDR);
    expect(full.length).toBeGreaterThan(35); // 25 fps for 2 s
    // Three seconds of a 1 s GOP: its key pictures and nothing else.
    expect(key.length).toBeGreaterThanOrEqual(2);
    expect(key.length).toBeLessThanOrEqual(4);
    expect(key.every(isKey)).toBe(true);
    // Back to full: every picture, the first of them a key picture (the ones before it refer to pictures never sent).
    expect(back.length).toBeGreaterThan(25);
    expect(isKey(back[0]!)).toBe(true);
    // Same stream throughout: no new ffmpeg, so no break in it.
    expect(texts).toEqual([]);
  }, 30_000);

  it('a key viewer joining a running stream starts with the last key picture alone', async () => {
    // The full viewer above left the session running in its linger time, or this one starts it.
    await view('', 1500);
    const joined = await view('&rate=key', 300);
    const counter = new TsPacketizer();
    counter.push(joined[0]!);
    expect(counter.frames).toBe(1);
  }, 30_000);
});
