// Renders resources/icons/pantau.svg to what packaging needs: the 256×256 PNG
// (resources/icons/pantau.png) and a multi-size Windows icon (build/icon.ico:
// 16, 24, 32, 48, 64, 128 and 256 pixels, each a PNG inside the ICO container,
// which Windows reads since Vista). Run after changing the SVG:
// node scripts/render-icon.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SIZES = [16, 24, 32, 48, 64, 128, 256];
const source = readFileSync('resources/icons/pantau.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.PANTAU_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const pngs = [];
for (const size of SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const svg = source.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  pngs.push(await page.locator('svg').screenshot({ omitBackground: true }));
  await page.close();
}
await browser.close();
writeFileSync('resources/icons/pantau.png', pngs.at(-1));
writeFileSync('build/icon.ico', ico(SIZES, pngs));
console.log('wrote resources/icons/pantau.png and build/icon.ico');

/** ICO container (ICONDIR, one ICONDIRENTRY per image, then the PNG data). */
function ico(sizes, images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((png, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(sizes[i] >= 256 ? 0 : sizes[i], entry); // 0 means 256
    header.writeUInt8(sizes[i] >= 256 ? 0 : sizes[i], entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images]);
}
