import { describe, expect, it } from 'vitest';
import { evidenceProfile, safeFileName } from '../../shared/evidence';

describe('evidence file names from camera ids and names', () => {
  it.each([
    ['../../etc/passwd', '_._etc_passwd'],
    ['..\\..\\Windows\\System32', '_._Windows_System32'],
    ['C:\\kamera', 'C_kamera'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['Com1', '_Com1'],
    ['LPT9.mp4', '_LPT9.mp4'],
    ['Console', 'Console'],
    ['  .. ', 'kamera'],
    ['', 'kamera'],
    ['<>:"|?*', 'kamera'],
    ['Pos "1"|?*. ', 'Pos _1_'],
    ['a\u0000b\u001fc\u007fd', 'a_b_c_d'],
    ['Simpang Lima — Utara', 'Simpang Lima — Utara'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('is never longer than asked, and never ends in a dot or a space', () => {
    const name = safeFileName(`${'x'.repeat(58)}. y`, 60);
    expect(name.length).toBeLessThanOrEqual(60);
    expect(name).not.toMatch(/[. ]$/);
  });
});

describe('the stream evidence is taken from', () => {
  it('is the one with the most pixels, whatever it is called; main, else the first, when sizes are unknown', () => {
    const sub = { profile: 'sub', width: 640, height: 360 };
    const main = { profile: 'main', width: 1920, height: 1080 };
    const fourK = { profile: 'ch1-4k', width: 3840, height: 2160 };
    expect(evidenceProfile([sub, main])).toBe('main');
    expect(evidenceProfile([sub, main, fourK])).toBe('ch1-4k');
    expect(evidenceProfile([{ profile: 'sub' }, { profile: 'main' }])).toBe('main');
    expect(evidenceProfile([{ profile: 'a' }, { profile: 'b' }])).toBe('a');
    expect(evidenceProfile([])).toBeUndefined();
  });
});
