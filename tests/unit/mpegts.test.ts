import { describe, expect, it } from 'vitest';
import { TS_PACKET, TsPacketizer, startsGop } from '../../electron/core/streams/mpegts';

const VIDEO_PID = 0x100;
const PMT_PID = 0x1000;

/** A 188-byte TS packet with `payload` after the header (stuffed with 0xFF). */
function packet(pid: number, payloadStart: boolean, payload: number[]): Buffer {
  const p = Buffer.alloc(TS_PACKET, 0xff);
  p[0] = 0x47;
  p[1] = (payloadStart ? 0x40 : 0) | ((pid >> 8) & 0x1f);
  p[2] = pid & 0xff;
  p[3] = 0x10; // payload only
  Buffer.from(payload).copy(p, 4);
  return p;
}

// PAT: pointer 0, table 0, section length 13, program 1 → PMT PID 0x1000.
const pat = packet(0, true, [0x00, 0x00, 0xb0, 0x0d, 0x00, 0x01, 0xc1, 0x00, 0x00, 0x00, 0x01, 0xf0, 0x00, 0, 0, 0, 0]);
const pmt = packet(PMT_PID, true, [0x00, 0x02, 0xb0, 0x12]);
const pes = (es: number[]) => [
  0x00,
  0x00,
  0x01,
  0xe0,
  0x00,
  0x00,
  0x80,
  0x80,
  0x05,
  0x21,
  0x00,
  0x01,
  0x00,
  0x01,
  ...es,
];
const gopStart = packet(VIDEO_PID, true, pes([0x00, 0x00, 0x01, 0xb3, 0x28, 0x01, 0x68]));
const pFrame = packet(VIDEO_PID, true, pes([0x00, 0x00, 0x01, 0x00, 0x00, 0x0f]));
const continuation = packet(VIDEO_PID, false, [0x00, 0x00, 0x01, 0xb3]); // no PUSI: not a GOP start

describe('startsGop', () => {
  it('finds the MPEG-1 sequence header at the start of a video PES', () => {
    expect(startsGop(gopStart)).toBe(true);
    expect(startsGop(pFrame)).toBe(false);
    expect(startsGop(continuation)).toBe(false);
    expect(startsGop(pat)).toBe(false);
  });
});

describe('TsPacketizer', () => {
  const stream = Buffer.concat([pat, pmt, pFrame, continuation, gopStart, pFrame, continuation, gopStart, pFrame]);

  it('splits chunks so that each picture, and so each GOP, begins a chunk', () => {
    const chunks = new TsPacketizer().push(stream);
    expect(chunks.map((c) => [c.pictureStart, c.gopStart, c.data.length / TS_PACKET])).toEqual([
      [false, false, 2], // PAT and PMT before any picture
      [true, false, 2],
      [true, true, 1],
      [true, false, 2],
      [true, true, 1],
      [true, false, 1],
    ]);
    expect(Buffer.concat(chunks.map((c) => c.data)).equals(stream)).toBe(true);
  });

  it('gives the same packets however stdout happens to cut the bytes', () => {
    for (const cut of [1, 7, 100, 187, 189, 500]) {
      const packetizer = new TsPacketizer();
      const chunks = [];
      for (let at = 0; at < stream.length; at += cut) chunks.push(...packetizer.push(stream.subarray(at, at + cut)));
      expect(Buffer.concat(chunks.map((c) => c.data)).equals(stream)).toBe(true);
      expect(chunks.filter((c) => c.gopStart)).toHaveLength(2);
      expect(chunks.filter((c) => c.pictureStart)).toHaveLength(5);
      expect(chunks.every((c) => c.data.length % TS_PACKET === 0)).toBe(true);
    }
  });

  it('remembers PAT and PMT for viewers that start at a GOP', () => {
    const packetizer = new TsPacketizer();
    packetizer.push(stream);
    expect(packetizer.psi().equals(Buffer.concat([pat, pmt]))).toBe(true);
  });

  it('regains sync after leading garbage', () => {
    const packetizer = new TsPacketizer();
    const chunks = packetizer.push(Buffer.concat([Buffer.from([1, 2, 3]), gopStart]));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.gopStart).toBe(true);
    expect(packetizer.resyncBytes).toBe(3);
  });
});
