import { describe, expect, it } from 'vitest';
import { camerasFromCsv, camerasToCsv, parseCsv } from '../../shared/camera-csv';
import { sayRejection } from '../../renderer/field-problems';
import { translate } from '../../renderer/i18n';

describe('camera CSV import', () => {
  it('reads Indonesian headers, ";" separators and a BOM, as a city spreadsheet exports them', () => {
    const text =
      '\uFEFFKode;Nama;Wilayah;URL Utama;URL Sub;Nama Pengguna;Kata Sandi\r\n' +
      'smg-001;Simpang Lima;Kota Semarang/Semarang Tengah;rtsp://10.0.0.5/101;rtsp://10.0.0.5/102;admin;Rahasia;123\r\n' +
      'smg-002;"Jl. Pemuda; depan ""Lawang Sewu""";Kota Semarang;rtsp://10.0.0.6/101;;;\r\n';
    const result = camerasFromCsv(text);
    expect(result.rejected).toEqual([]);
    expect(result.cameras[1]).toEqual({
      id: 'smg-002',
      name: 'Jl. Pemuda; depan "Lawang Sewu"',
      group: 'Kota Semarang',
      streams: [{ profile: 'main', url: 'rtsp://10.0.0.6/101' }],
    });
    expect(result.cameras[0]).toMatchObject({
      username: 'admin',
      password: 'Rahasia',
      streams: [{ profile: 'main' }, { profile: 'sub', url: 'rtsp://10.0.0.5/102' }],
    });
  });

  it('reads English headers with "," and rejects bad rows by line number, keeping the good ones', () => {
    const text =
      'id,name,group,main url,sub url,username,password\n' +
      'a,Camera A,,rtsp://1.2.3.4/a,,,\n' +
      'b,Camera B,,http://1.2.3.4/b,,,\n' +
      ',No id,,rtsp://1.2.3.4/c,,,\n' +
      'a,Again,,rtsp://1.2.3.4/d,,,\n' +
      '"multi\nline",x,,rtsp://1.2.3.4/e,,,\n' +
      'f,Camera F,,rtsp://1.2.3.4/f,,,\n';
    const result = camerasFromCsv(text);
    expect(result.cameras.map((c) => c.id)).toEqual(['a', 'f']);
    expect(result.rejected.map((r) => r.line)).toEqual([3, 4, 5, 6]);
    expect(result.rejected[0]!.reason).toContain('only rtsp:// and rtsps://');
    expect(result.rejected[2]!.reason).toContain('duplicates camera id "a"');
    // What the page says, per cell, with the column as the file spells it.
    expect(result.rejected.map((r) => r.issues)).toEqual([
      [{ field: 'main', column: 'main url', problem: 'not-rtsp' }],
      [{ field: 'id', column: 'id', problem: 'required' }],
      [{ field: 'id', column: 'id', problem: 'duplicate-id' }],
      [{ field: 'id', column: 'id', problem: 'id-characters' }],
    ]);
  });

  it('says each bad cell of a row in the page language, naming the column as the file spells it', () => {
    const { rejected } = camerasFromCsv('Kode;Nama;URL Utama;Transpor\n;Pos 1;ftp://x/1;quic\n');
    expect(sayRejection((k, v) => translate('id', k, v), rejected[0]!)).toBe(
      'Baris 2, kolom Kode: wajib diisi; kolom URL Utama: bukan alamat rtsp:// atau rtsps://; kolom Transpor: harus auto, tcp, udp atau http',
    );
    expect(sayRejection((k, v) => translate('en', k, v), rejected[0]!)).toBe(
      'Line 2, column Kode: is required; column URL Utama: is not an rtsp:// or rtsps:// address; column Transpor: must be auto, tcp, udp or http',
    );
    const header = camerasFromCsv('nama;wilayah\nx;y\n').rejected[0]!;
    expect(sayRejection((k, v) => translate('id', k, v), header)).toBe(
      'Baris 1, kolom wajib tidak ada: kode / id, url utama / main url',
    );
  });

  it('says which required columns a header lacks', () => {
    expect(camerasFromCsv('nama;wilayah\nx;y\n').rejected[0]!.reason).toContain('id, main');
    expect(camerasFromCsv('nama;wilayah\nx;y\n').rejected[0]!.issues).toEqual([
      { problem: 'missing-columns', missing: ['id', 'main'] },
    ]);
    expect(camerasFromCsv('').rejected[0]!.reason).toContain('empty');
  });

  it('exports without passwords unless asked, and round-trips', () => {
    const cameras = [
      {
        id: 'x',
        name: '=cmd',
        group: 'G',
        streams: [{ profile: 'main', url: 'rtsp://h/1' }],
        username: 'u',
        password: 'p4ss',
      },
    ];
    const safe = camerasToCsv(cameras, false);
    expect(safe).not.toContain('p4ss');
    expect(safe).toContain("'=cmd");
    expect(camerasFromCsv(camerasToCsv(cameras, true)).cameras[0]).toMatchObject({ id: 'x', password: 'p4ss' });
  });

  it('reads and writes the transport per camera (empty is auto), and rejects an unknown one', () => {
    const result = camerasFromCsv(
      'id,name,main url,sub url,transport\nu,UDP only,rtsp://h/1,rtsp://h/2,UDP\nt,Plain,rtsp://h/3,,\nbad,Bad,rtsp://h/4,,quic\n',
    );
    expect(result.cameras[0]!.streams.map((s) => s.transport)).toEqual(['udp', 'udp']);
    expect(result.cameras[1]!.streams[0]!.transport).toBeUndefined();
    expect(result.rejected.map((r) => r.line)).toEqual([4]);
    expect(result.rejected[0]!.reason).toContain('transport');
    expect(camerasFromCsv(camerasToCsv(result.cameras, false)).cameras[0]!.streams[0]!.transport).toBe('udp');
  });

  it('parses quoted fields per RFC 4180', () => {
    expect(parseCsv('a,"b,""c""",d\n', ',')).toEqual([{ fields: ['a', 'b,"c"', 'd'], line: 1 }]);
  });
});

describe('camera CSV export read by a spreadsheet that splits on the other separator', () => {
  it('no cell starts with = + - @ whether the reader splits on "," or ";"', () => {
    const cameras = [
      {
        id: 'x',
        name: 'Pos;=HYPERLINK("http://evil")',
        group: 'A,=1+1',
        streams: [{ profile: 'main', url: 'rtsp://h/1' }],
        username: '-u',
      },
    ];
    const text = camerasToCsv(cameras, false).replace(/^\uFEFF/, '');
    for (const separator of [',', ';']) {
      // A naive reader: split every line on the separator, quotes and all.
      const cells = text
        .split(/\r\n/)
        .flatMap((line) => line.split(separator))
        .map((c) => c.replace(/^"/, ''));
      expect(
        cells.filter((c) => /^[=+\-@]/.test(c)),
        `split on "${separator}"`,
      ).toEqual([]);
      // An RFC 4180 reader gets the names back, neutralised only where a formula could start.
      expect(parseCsv(text, ',')[1]!.fields[1]).toBe(`Pos;'=HYPERLINK("http://evil")`);
    }
  });
});
