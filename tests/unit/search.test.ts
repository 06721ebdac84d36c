import { describe, expect, it } from 'vitest';
import { fold, matchesQuery } from '../../shared/search';

describe('camera search', () => {
  it('ignores case and diacritics', () => {
    expect(fold('Jalan Pemuda – Gedung ÉLYSÉE')).toBe('jalan pemuda – gedung elysee');
    expect(matchesQuery('kelurahan BULUSAN', 'Pos RT 03', 'Kota Semarang/Tembalang/Kelurahan Bulusan')).toBe(true);
    expect(matchesQuery('sémarang', 'x', 'Kota Semarang')).toBe(true);
  });

  it('needs every word, in any field', () => {
    expect(matchesQuery('tembalang rt 03', 'Pos RT 03', 'Kota Semarang/Tembalang')).toBe(true);
    expect(matchesQuery('tembalang rt 04', 'Pos RT 03', 'Kota Semarang/Tembalang')).toBe(false);
    expect(matchesQuery('smg-07', 'Pos', undefined, 'smg-07')).toBe(true);
    expect(matchesQuery('   ', 'anything')).toBe(true);
  });
});
