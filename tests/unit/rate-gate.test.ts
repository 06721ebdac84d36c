import { describe, expect, it } from 'vitest';
import { parseViewerRate, RateGate, rateInMessage } from '../../electron/core/relay/rate-gate';
import { SLOW_EVERY } from '../../shared/shedding-policy';
import type { ViewerRate } from '../../shared/api';
import type { TsChunk } from '../../electron/core/streams/mpegts';

/** A stream of pictures as chunks: K = key picture start, P = other picture start, c = the picture continuing. */
function chunks(pattern: string): TsChunk[] {
  return [...pattern].map((letter, i) => ({
    data: Buffer.from(`${letter}${i}|`),
    gopStart: letter === 'K',
    pictureStart: letter !== 'c',
  }));
}

function taken(rate: ViewerRate, stream: TsChunk[]): string {
  const gate = new RateGate(rate);
  return stream.map((chunk) => gate.pass(chunk)?.toString() ?? '').join('');
}

describe('RateGate: what an economy viewer takes', () => {
  const gops = chunks('KcPPcPKPPPKcPP');

  it.each([
    ['full', 'K0|c1|P2|P3|c4|P5|K6|P7|P8|P9|K10|c11|P12|P13|'],
    ['key', 'K0|c1|K6|K10|c11|'],
    ['key-slow', 'K0|c1|'],
  ] as const)('%s takes %s', (rate, expected) => {
    expect(taken(rate, gops)).toBe(expected);
  });

  it(`on key-slow takes one key picture in ${SLOW_EVERY}`, () => {
    const many = chunks('KPP'.repeat(SLOW_EVERY * 3));
    expect(taken('key-slow', many).match(/K/g)).toHaveLength(3);
  });

  it('joining with a whole GOP, takes its key picture only and nothing until the next key picture', () => {
    const joined: TsChunk = {
      data: Buffer.from('psi|KEY|P|P|'),
      gopStart: true,
      pictureStart: true,
      keyPictureEnd: 'psi|KEY|'.length,
    };
    const gate = new RateGate('key');
    expect(gate.pass(joined)?.toString()).toBe('psi|KEY|');
    const after = chunks('cPK');
    expect(after.map((c) => gate.pass(c)?.toString() ?? '-')).toEqual(['-', '-', 'K2|']);
  });

  it('a joiner while the key picture is still arriving takes it all, then its continuation', () => {
    const gate = new RateGate('key');
    expect(gate.pass({ data: Buffer.from('psi|KE'), gopStart: true, pictureStart: true })?.toString()).toBe('psi|KE');
    const after = chunks('cP');
    expect(after.map((c) => gate.pass(c)?.toString() ?? '-')).toEqual(['c0|', '-']);
  });

  it('changed to key pictures mid-picture, finishes that picture and takes only key pictures after it', () => {
    const gate = new RateGate('full');
    const [k, p, c, p2, k2, p3] = chunks('KPcPKP');
    expect(gate.pass(k!)?.toString()).toBe('K0|');
    expect(gate.pass(p!)?.toString()).toBe('P1|');
    gate.change('key');
    expect(gate.current).toBe('key');
    expect([c, p2, k2, p3].map((x) => gate.pass(x!)?.toString() ?? '-')).toEqual(['c2|', '-', 'K4|', '-']);
  });

  it('changed back to full rate, waits for the next GOP: the pictures before it refer to ones never sent', () => {
    const gate = new RateGate('key');
    const stream = chunks('KPPKPcP');
    expect(gate.pass(stream[0]!)?.toString()).toBe('K0|');
    gate.change('full');
    expect(stream.slice(1).map((x) => gate.pass(x)?.toString() ?? '-')).toEqual(['-', '-', 'K3|', 'P4|', 'c5|', 'P6|']);
  });

  it('reads a rate from the page’s text message, and nothing from anything else', () => {
    expect(['rate:key', 'rate:key-slow', 'rate:full', 'rate:fast', 'key', ''].map(rateInMessage)).toEqual([
      'key',
      'key-slow',
      'full',
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reads the rate from the link, anything unknown as full', () => {
    expect(['key', 'key-slow', 'full', null, 'fast'].map(parseViewerRate)).toEqual([
      'key',
      'key-slow',
      'full',
      'full',
      'full',
    ]);
  });
});
