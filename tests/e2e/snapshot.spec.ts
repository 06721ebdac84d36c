/** Evidence snapshots: a PNG at stream resolution and a sidecar whose hash matches it. */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { newDataDir } from '../fixtures/host';
import { expect, test } from './fixtures';

test('a tile snapshot is a PNG at stream resolution whose SHA-256 matches its sidecar', async ({
  openWall,
  page,
}, testInfo) => {
  const dataDir = newDataDir();
  await openWall({ dataDir });
  const tile = page.locator('.tile[data-camera-id="demo-2"]');
  await expect(tile).toHaveAttribute('data-state', 'live');
  await tile.hover();
  await tile.locator('[data-action="snapshot"]').click();
  const notice = page.locator('[data-notice]');
  await expect(notice).toContainText('Gambar disimpan');
  const text = (await notice.textContent())!;
  const file = /Gambar disimpan: (\S+\.png)/.exec(text)![1]!;
  expect(path.dirname(file)).toBe(path.join(dataDir, 'snapshots'));

  const png = readFileSync(file);
  const sidecar = JSON.parse(readFileSync(file.replace(/\.png$/, '.json'), 'utf8'));
  const sha256 = createHash('sha256').update(png).digest('hex');
  expect(sidecar).toMatchObject({
    cameraId: 'demo-2',
    cameraName: 'Demo 2 · Tugu Muda',
    file: path.basename(file),
    sha256,
    width: 640,
    height: 360,
  });
  expect(text).toContain(sha256);
  expect(png.readUInt32BE(16)).toBe(640); // IHDR width
  expect(png.readUInt32BE(20)).toBe(360);
  expect(new Date(sidecar.takenAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  // The browser host says where the evidence folder is and how to choose another (Electron shows a chooser).
  await notice.locator('button').click();
  await page.locator('[data-action="snapshot-folder"]').click();
  await expect(notice).toContainText(
    `Snapshot bukti disimpan di ${path.join(dataDir, 'snapshots')}. Untuk folder lain, jalankan Pantau dengan --snapshot-dir FOLDER.`,
  );
  await testInfo.attach('snapshot', { body: png, contentType: 'image/png' });
  await page.screenshot({ path: testInfo.outputPath('wall-after-snapshot.png') });
  copyFileSync(file, testInfo.outputPath('snapshot.png'));
});
