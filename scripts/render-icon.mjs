// Renders resources/icons/pantau.svg to the 256×256 PNG electron-builder turns into
// the Windows icon. Run after changing the SVG: node scripts/render-icon.mjs
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const svg = readFileSync('resources/icons/pantau.svg', 'utf8').replace('<svg ', '<svg width="256" height="256" ');
const browser = await chromium.launch({
  executablePath: process.env.PANTAU_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 256, height: 256 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.locator('svg').screenshot({ path: 'resources/icons/pantau.png', omitBackground: true });
await browser.close();
console.log('wrote resources/icons/pantau.png');
