import { describe, expect, it } from 'vitest';
import {
  outagesCsv,
  reportHtml,
  reportWords,
  sharedPrefix,
  uptimeBand,
  uptimeCsv,
  type ReportInput,
} from '../../shared/fleet-report';
import type { CameraSummary } from '../../shared/model';

const cam = (id: string, name: string, group: string): CameraSummary => ({
  id,
  name,
  group,
  profiles: [{ profile: 'main' }],
  demo: false,
});
const words = Object.fromEntries(reportWords.map((w) => [w, w.toUpperCase()])) as ReportInput['words'];
const now = Date.parse('2026-12-01T12:00:00');
const input = (region?: string): ReportInput => ({
  data: {
    now,
    days: [{ start: Date.parse('2026-12-01T00:00:00'), end: Date.parse('2026-12-02T00:00:00') }],
    regions: [
      { region: 'Kota/A', cameras: 1, up: 0, down: 1, perDay: [50], percent: 50, downMs: 6 * 3_600_000 },
      { region: 'Kota/B', cameras: 1, up: 1, down: 0, perDay: [100], percent: 100, downMs: 0 },
    ],
    cameras: [
      { cameraId: 'a1', region: 'Kota/A', percent: 50, downMs: 6 * 3_600_000, outages: 1 },
      { cameraId: 'b1', region: 'Kota/B', percent: 100, downMs: 0, outages: 0 },
    ],
    outages: [{ cameraId: 'a1', start: Date.parse('2026-12-01T06:00:00'), reason: 'rtsp-no-answer' }],
    outagesLeftOut: 0,
  },
  cameras: [cam('a1', '=HYPERLINK("x") <b>Pos</b>', 'Kota/A/RT 1'), cam('b1', 'Simpang', 'Kota/B')],
  region,
  words,
  reasonWords: (code) => `reason:${code}`,
  timeZone: 'Asia/Jakarta',
});

describe('the maintenance report', () => {
  it('lists cameras worst first as CSV a spreadsheet cannot be tricked by', () => {
    const lines = uptimeCsv(input()).split('\r\n');
    expect(lines[0]).toBe('\uFEFFCAMERAID,NAME,REGION,UPTIME %,DOWNTIME (min),OUTAGES');
    // The name starting with "=" is neutralised, and quoted for its quotes.
    expect(lines[1]).toBe(`a1,"'=HYPERLINK(""x"") <b>Pos</b>",Kota/A,50.00,360,1`);
    expect(lines[2]).toBe('b1,Simpang,Kota/B,100.00,0,0');
  });

  it('lists outages with start, end (or still down), minutes and the reason in words', () => {
    const lines = outagesCsv(input()).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      `a1,"'=HYPERLINK(""x"") <b>Pos</b>",Kota/A,2026-12-01 06:00:00,STILLDOWN,360,reason:rtsp-no-answer`,
    );
  });

  it('narrows to a region and everything under it', () => {
    expect(uptimeCsv(input('Kota/B')).trim().split('\r\n')).toHaveLength(2);
    expect(outagesCsv(input('Kota/B')).trim().split('\r\n')).toHaveLength(1);
    expect(uptimeCsv(input('Kota')).trim().split('\r\n')).toHaveLength(3);
  });

  it('prints to A4 with every name escaped and no script', () => {
    const html = reportHtml(input(), 'id');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('&#60;b&#62;Pos&#60;/b&#62;');
    expect(html).not.toContain('<b>Pos');
    expect(html).not.toMatch(/<script|https?:/);
    expect(html).toContain('50.00 %');
  });

  it('bands uptime as a contract names it, and says a shared region prefix once', () => {
    expect([100, 99, 97, 85, 10, null, undefined].map(uptimeBand)).toEqual([
      'good',
      'good',
      'fair',
      'poor',
      'bad',
      'none',
      'none',
    ]);
    expect(sharedPrefix(['Kota Semarang/Tembalang', 'Kota Semarang/Mijen'])).toBe('Kota Semarang/');
    expect(sharedPrefix(['Kota Semarang/Tembalang', 'Kabupaten Demak/Mranggen'])).toBe('');
    expect(sharedPrefix(['Kota Semarang'])).toBe('');
  });
});
