import { describe, expect, it } from 'vitest';
import { parseViewerRate, RateGate, SLOW_EVERY } from '../../electron/core/relay/rate-gate';
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
