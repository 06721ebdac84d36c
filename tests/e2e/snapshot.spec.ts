/**
 * Evidence snapshots: a PNG at stream resolution in a signed export folder (issue #15), whose
 * manifest's hash matches it; the operator's name is asked the first time.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newDataDir } from '../fixtures/host';
import { expect, test } from './fixtures';

test('a tile snapshot is a PNG at stream resolution whose SHA-256 matches its signed manifest', async ({
  openWall,
  page,
}, testInfo) => {
  const dataDir = newDataDir();
  await openWall({ dataDir });
  const tile = page.locator('.tile[data-camera-id="demo-2"]');
  await expect(tile).toHaveAttribute('data-state', 'live');
  await tile.hover();
  await tile.locator('[data-action="snapshot"]').click();
  const dialog = page.locator('[data-control="operator-dialog"]');
  await dialog.locator('[data-control="operator-name"]').fill('Brigadir Wulan');
  await dialog.locator('button[type="submit"]').click();
  const notice = page.locator('[data-notice]');
  await expect(notice).toContainText('Gambar disimpan');
  const text = (await notice.textContent())!;
  const file = /Gambar disimpan: (.+\.png) \(/.exec(text)![1]!;
  const exportDir = path.dirname(file);
  expect(path.dirname(exportDir)).toBe(path.join(dataDir, 'snapshots'));
  expect(path.basename(exportDir)).toMatch(/^\d{8}-\d{6}_demo-2_gambar$/);
  expect(readdirSync(exportDir).sort()).toEqual([path.basename(file), 'manifest.json', 'manifest.sig'].sort());

  const png = readFileSync(file);
  const manifest = JSON.parse(readFileSync(path.join(exportDir, 'manifest.json'), 'utf8'));
  const sha256 = createHash('sha256').update(png).digest('hex');
  expect(manifest).toMatchObject({
    kind: 'snapshot',
    camera: { id: 'demo-2', name: 'Demo 2 · Tugu Muda' },
    operator: 'Brigadir Wulan',
    files: [{ name: path.basename(file), sha256, size: png.length, video: 'PNG 640×360' }],
  });
  expect(text).toContain(sha256);
  expect(png.readUInt32BE(16)).toBe(640); // IHDR width
  expect(png.readUInt32BE(20)).toBe(360);
  expect(new Date(manifest.startUtc).getTime()).toBeGreaterThan(Date.now() - 60_000);
  // "Bukti" lists it: thumbnail, camera, time, hash, intact; and where the folder is (the browser host
  // cannot open it on the operator's screen: it offers the path to copy and says how to change it).
  await notice.locator('button').click();
  await page.locator('[data-panel-button="evidence"]').click();
  const drawer = page.locator('[data-control="evidence-drawer"]');
  await expect(drawer.locator('[data-control="evidence-folder"]')).toHaveText(path.join(dataDir, 'snapshots'));
  const item = drawer.locator(`[data-evidence-file="${path.basename(exportDir)}/${path.basename(file)}"]`);
  await expect(item).toContainText('Demo 2 · Tugu Muda');
  await expect(item).toContainText(manifest.start);
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
