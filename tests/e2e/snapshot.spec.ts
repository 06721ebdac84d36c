/** Evidence snapshots: a PNG at stream resolution and a sidecar whose hash matches it. */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
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
  // "Bukti" lists it: thumbnail, camera, time, hash, intact; and where the folder is (the browser host
  // cannot open it on the operator's screen: it offers the path to copy and says how to change it).
  await notice.locator('button').click();
  await page.locator('[data-panel-button="evidence"]').click();
  const drawer = page.locator('[data-control="evidence-drawer"]');
  await expect(drawer.locator('[data-control="evidence-folder"]')).toHaveText(path.join(dataDir, 'snapshots'));
  const item = drawer.locator(`[data-evidence-file="${path.basename(file)}"]`);
  await expect(item).toContainText('Demo 2 · Tugu Muda');
  await expect(item).toContainText(sidecar.localTime);
  await expect(item).toContainText(`SHA-256 ${sha256.slice(0, 16)}`);
  await expect(item).toHaveAttribute('data-intact', 'true');
  // The thumbnail is the picture itself, scaled: as wide as the JPEG ffmpeg made, not a broken image.
  expect(await item.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
  await expect(drawer.locator('[data-action="evidence-copy-folder"]')).toBeVisible();
  await expect(drawer).toContainText('--evidence-dir FOLDER');
  await testInfo.attach('evidence drawer', {
    body: await page.screenshot({ path: testInfo.outputPath('evidence-drawer.png') }),
    contentType: 'image/png',
  });

  // A file changed after the fact is called changed.
  writeFileSync(file, Buffer.concat([png, Buffer.from('x')]));
  await page.locator('[data-panel-button="evidence"]').click();
  await page.locator('[data-panel-button="evidence"]').click();
  await expect(item).toHaveAttribute('data-intact', 'false');
  await expect(item).toContainText('berubah');
  await testInfo.attach('snapshot', { body: png, contentType: 'image/png' });
  await page.screenshot({ path: testInfo.outputPath('wall-after-snapshot.png') });
  copyFileSync(file, testInfo.outputPath('snapshot-changed.png'));
});
