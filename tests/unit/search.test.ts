import { describe, expect, it } from 'vitest';
import { fold, queryMatcher, searchText } from '../../shared/search';

const finds = (query: string, camera: { name: string; group?: string; id: string }) =>
  queryMatcher(query)(searchText(camera));

describe('camera search', () => {
  it('ignores case and diacritics', () => {
    expect(fold('Jalan Pemuda – Gedung ÉLYSÉE')).toBe('jalan pemuda – gedung elysee');
    expect(
      finds('kelurahan BULUSAN', { name: 'Pos RT 03', group: 'Kota Semarang/Tembalang/Kelurahan Bulusan', id: 'x' }),
    ).toBe(true);
    expect(finds('sémarang', { name: 'x', group: 'Kota Semarang', id: 'y' })).toBe(true);
  });

  it('needs every word, in any field', () => {
    expect(finds('tembalang rt 03', { name: 'Pos RT 03', group: 'Kota Semarang/Tembalang', id: 'a' })).toBe(true);
    expect(finds('tembalang rt 04', { name: 'Pos RT 03', group: 'Kota Semarang/Tembalang', id: 'a' })).toBe(false);
    expect(finds('smg-07', { name: 'Pos', id: 'smg-07' })).toBe(true);
    expect(finds('   ', { name: 'anything', id: 'b' })).toBe(true);
  });
});
