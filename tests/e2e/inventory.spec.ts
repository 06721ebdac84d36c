/** The camera inventory from a city's spreadsheet: CSV import with a report, export without passwords. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newDataDir } from '../fixtures/host';
import { expect, test } from './fixtures';

test('a CSV import reports first, writes nothing when cancelled, and adds cameras when applied', async ({
  openWall,
  startCameras,
  page,
}, testInfo) => {
  const rtsp = await startCameras([{ name: 'cam', width: 320, height: 240 }], { copies: 2, keepAlive: true });
  const dataDir = newDataDir();
  await openWall({ dataDir });
  await expect(page.locator('.camera-count')).toHaveText('4'); // the demo cameras

  const csv = testInfo.outputPath('kamera.csv');
  writeFileSync(
    csv,
    '\uFEFFKode;Nama;Wilayah;URL Utama;URL Sub;Nama Pengguna;Kata Sandi\r\n' +
      `smg-001;Simpang Lima;Kota Semarang/Semarang Tengah;${rtsp.url('cam/1')};;operator;Rahasia123\r\n` +
      `smg-002;Tugu Muda;Kota Semarang/Semarang Tengah;${rtsp.url('cam/2')};;;\r\n` +
      'smg-003;Berkas lokal;Kota Semarang;file:///etc/passwd;;;\r\n',
  );
  await page.setInputFiles('[data-control="csv-file"]', csv);
  const report = page.locator('[data-control="csv-report"]');
  await expect(report.locator('[data-count="added"]')).toHaveText('2 kamera baru');
  await expect(report.locator('[data-count="rejected"]')).toHaveText('1 baris ditolak');
  await expect(report).toContainText('Baris 4, kolom URL Utama: bukan alamat rtsp:// atau rtsps://');
  await page.locator('[data-action="csv-cancel"]').click();
  await expect(page.locator('.camera-count')).toHaveText('4');
  expect(() => readFileSync(path.join(dataDir, 'cameras.json'))).toThrow();

  await page.setInputFiles('[data-control="csv-file"]', csv);
  await page.locator('[data-action="csv-apply"]').click();
  await expect(page.locator('[data-notice]')).toContainText('Impor selesai: 2 baru, 0 diperbarui, 1 ditolak');
  // The two imported, beside the four demo cameras (which stay until removed).
  await expect(page.locator('.camera-count')).toHaveText('6');
  await expect(page.locator('[data-control="demo-notice"]')).toBeVisible();
  const tile = page.locator('.wall .tile').nth(0);
  await page.locator('[data-camera="smg-001"]').dragTo(tile);
  await expect(tile).toHaveAttribute('data-state', 'live');
  const saved = JSON.parse(readFileSync(path.join(dataDir, 'cameras.json'), 'utf8'));
  expect(saved.cameras.map((c: { id: string }) => c.id)).toEqual(['smg-001', 'smg-002']);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .locator('[data-action="csv-export-menu"]')
      .click()
      .then(() => page.locator('[data-action="csv-export"]').click()),
  ]);
  const exported = readFileSync((await download.path())!, 'utf8');
  expect(exported).toContain('smg-001,Simpang Lima');
  expect(exported).not.toContain('Rahasia123');
});

test('the NVR helper adds its channels, grouped under the NVR, through the checked import', async ({
  openWall,
  page,
}) => {
  await openWall();
  await page.locator('[data-action="camera-add-menu"]').click();
  await page.locator('[data-action="nvr-add"]').click();
  await page.fill('[data-control="nvr-name"]', 'Gudang KPU Genuk');
  await page.fill('[data-control="nvr-host"]', '127.0.0.1'); // loopback: nothing here may reach another address
  await page.fill('[data-control="nvr-channels"]', '16');
  await page.fill('[data-control="nvr-username"]', 'admin');
  await page.fill('[data-control="nvr-password"]', 'Rahasia123');
  await page.locator('[data-action="nvr-check"]').click();
  await expect(page.locator('[data-control="csv-report"] [data-count="added"]')).toHaveText('16 kamera baru');
  await page.locator('[data-action="csv-apply"]').click();
  await expect(page.locator('.camera-count')).toHaveText('20'); // and the four demo cameras
  await expect(page.locator('[data-group="Gudang KPU Genuk"]')).toContainText('16');
  await expect(page.locator('[data-camera="gudang-kpu-genuk-ch16"]')).toContainText('Gudang KPU Genuk · CH16');
});

test('adding a camera by hand: test connection says what the camera answered, then it goes live', async ({
  openWall,
  startCameras,
  page,
}) => {
  const locked = await startCameras([{ name: 'cam', width: 320, height: 240 }], { digest: 'operator:Rahasia123' });
  const { host } = await openWall();
  // From the keyboard: the dialog opens with the first field focused, and Esc closes it.
  await page.locator('[data-action="camera-add-menu"]').click();
  await page.locator('[data-action="camera-add"]').click();
  await expect(page.locator('[data-control="camera-id"]')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.locator('[data-action="camera-add-menu"]').click();
  await page.locator('[data-action="camera-add"]').click();
  await page.fill('[data-control="camera-id"]', 'pos-polisi-1');
  await page.fill('[data-control="camera-name"]', 'Pos Polisi Simpang Lima');
  await page.fill('[data-control="camera-group"]', 'Kota Semarang/Semarang Tengah');
  await page.fill('[data-control="camera-main"]', 'http://127.0.0.1/x');
  await page.locator('[data-action="camera-probe"]').click();
  await expect(page.locator('[data-control="probe-result"]')).toHaveText(
    'Bukan alamat RTSP (harus rtsp:// atau rtsps://)',
  );
  // The camera's web port typed instead of RTSP's (here: Pantau's own web server answers).
  await page.fill('[data-control="camera-main"]', `rtsp://127.0.0.1:${host.port}/`);
  await page.locator('[data-action="camera-probe"]').click();
  await expect(page.locator('[data-control="probe-result"]')).toHaveText(
    'Alamat ini menjawab sebagai server web (HTTP), bukan RTSP: biasanya itu halaman web kamera. RTSP kamera biasanya di port 554.',
  );

  await page.fill('[data-control="camera-main"]', locked.url('cam'));
  await page.fill('[data-control="camera-username"]', 'operator');
  await page.fill('[data-control="camera-password"]', 'salah');
  await page.locator('[data-action="camera-probe"]').click();
  await expect(page.locator('[data-control="probe-result"]')).toHaveText(
    'Kamera menolak nama pengguna atau kata sandi',
  );
  await page.fill('[data-control="camera-password"]', 'Rahasia123');
  await page.locator('[data-action="camera-probe"]').click();
  await expect(page.locator('[data-control="probe-result"]')).toHaveText('Terjangkau: h264 320×240, 25 fps');

  await page.locator('[data-action="camera-save"]').click();
  await expect(page.locator('[data-notice]')).toContainText('Kamera Pos Polisi Simpang Lima ditambahkan');
  const tile = page.locator('.wall .tile').nth(0);
  await page.locator('[data-camera="pos-polisi-1"]').dragTo(tile);
  await expect(tile).toHaveAttribute('data-state', 'live');
  // Once saved, the page shows neither the password nor the camera's URL anywhere.
  const html = await page.evaluate(() => document.body.innerHTML);
  expect(html).not.toContain('Rahasia123');
  expect(html).not.toContain(`:${locked.port}/cam`);
});

test('editing a camera never shows its password, tests with the stored one, and keeps it', async ({
  openWall,
  startCameras,
  page,
}) => {
  const locked = await startCameras([{ name: 'cam', width: 320, height: 240 }], { digest: 'operator:Rahasia123' });
  const received: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => received.push(String(payload))));
  const [host, port] = [`127.0.0.1`, locked.port];
  await openWall({
    cameras: [
      {
        id: 'pos-1',
        name: 'Pos Polisi',
        group: 'Kota Semarang',
        streams: [{ profile: 'main', url: `rtsp://operator:Rahasia123@${host}:${port}/cam` }],
        username: 'operator',
        password: 'Rahasia123',
      },
    ],
  });
  // The browser host has no OS key store: the page says passwords are kept unencrypted.
  await expect(page.locator('[data-control="secrets-plain"]')).toHaveText(
    'Kata sandi kamera disimpan tanpa enkripsi di mesin ini.',
  );
  await page.locator('[data-camera="pos-1"]').hover();
  await page.locator('[data-action="camera-edit"]').click();
  const dialog = page.getByRole('dialog', { name: 'Ubah kamera' });
  await expect(dialog.locator('form')).toHaveAttribute('data-loaded', 'true');
  await expect(dialog.locator('[data-control="camera-main"]')).toHaveValue(`rtsp://${host}:${port}/cam`);
  await expect(dialog.locator('[data-control="camera-password"]')).toHaveValue('');
  await expect(dialog.locator('[data-control="camera-password"]')).toHaveAttribute(
    'placeholder',
    'tersimpan — kosongkan agar tetap',
  );
  await expect(dialog.locator('[data-control="camera-id"]')).toHaveAttribute('readonly', '');

  // The empty password field means "the stored one": the core uses it for the test.
  await dialog.locator('[data-action="camera-probe"]').click();
  await expect(dialog.locator('[data-control="probe-result"]')).toHaveText('Terjangkau: h264 320×240, 25 fps');
  await dialog.locator('[data-control="camera-name"]').fill('Pos Polisi Simpang Lima');
  await dialog.locator('[data-action="camera-save"]').click();
  await expect(page.locator('[data-notice]')).toContainText('Kamera Pos Polisi Simpang Lima disimpan');
  await expect(page.locator('[data-camera="pos-1"]')).toContainText('Pos Polisi Simpang Lima');

  const tile = page.locator('.wall .tile').nth(0);
  await page.locator('[data-camera="pos-1"]').dragTo(tile);
  await expect(tile).toHaveAttribute('data-state', 'live'); // the stored password still opens it
  expect(received.filter((f) => f.includes('Rahasia123'))).toEqual([]);
  expect(received.some((f) => f.includes('"hasPassword":true'))).toBe(true);

  // Removing asks first.
  page.once('dialog', (d) => void d.accept());
  await page.locator('[data-camera="pos-1"]').hover();
  await page.locator('[data-action="camera-edit"]').click();
  await page.locator('[data-action="camera-remove"]').click();
  await expect(page.locator('[data-notice]')).toContainText('Kamera Pos Polisi Simpang Lima dihapus');
  await expect(page.locator('.camera-count')).toHaveText('0');
  // Nothing left: the list and the health panel say what to do next.
  await expect(page.locator('[data-control="cameras-empty"]')).toHaveText(
    'Belum ada kamera: tambahkan (Tambah kamera, Tambah ONVIF, Tambah NVR) atau impor CSV.',
  );
  await page.getByRole('button', { name: 'Kesehatan' }).click();
  await expect(page.locator('[data-control="health-empty"]')).toContainText('Belum ada kamera untuk dilaporkan');
});
