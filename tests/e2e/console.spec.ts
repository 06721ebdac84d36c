/**
 * The operator's console (issue #18): every toolbar control found by its
 * accessible name in id and en, the layout picker's shapes, the camera pane's
 * menus, the status bar's live figures, and an axe-core scan of the main
 * screens with no serious or critical violation.
 */
import { expect, test } from './fixtures';
import { expectNoSeriousViolations } from './pages/axe';
import { screenshot } from './pages/screenshots';
import { pickTemplate } from './pages/wall-page';

const names = {
  id: [
    'Templat',
    'Ubah petak',
    'Simpan',
    'Simpan sebagai',
    'Ekspor',
    'Impor',
    'Layar penuh',
    'Tur',
    'Bukti',
    'Alarm',
    'Armada kamera',
    'Kesehatan',
  ],
  en: [
    'Template',
    'Edit tiles',
    'Save',
    'Save as',
    'Export',
    'Import',
    'Full screen',
    'Tour',
    'Evidence',
    'Alarms',
    'Camera fleet',
    'Health',
  ],
} as const;

for (const language of ['id', 'en'] as const) {
  test(`every toolbar control has a name and a tooltip in ${language}; the picker draws shapes; the camera pane's menus open by keyboard`, async ({
    openWall,
    page,
  }) => {
    await page.addInitScript((lang: string) => {
      if (location.protocol === 'http:') localStorage.setItem('pantau.language', lang);
    }, language);
    await openWall();
    const toolbar = page.locator('header.toolbar');
    for (const name of names[language]) {
      const control = toolbar.getByRole('button', { name, exact: true });
      await expect(control, name).toBeVisible();
      await expect(control).toHaveAttribute('title', new RegExp(`^${name}`));
    }
    // The picker shows the wall's shape and offers every template as a drawing.
    await page.getByRole('button', { name: names[language][0], exact: true }).click();
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitemradio')).toHaveCount(13);
    await expect(menu.getByRole('menuitemradio', { checked: true })).toHaveAttribute('data-template', '2x2');
    await expect(menu.locator('[data-template="1+7"] svg rect')).toHaveCount(8);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page.locator('.wall .tile')).toHaveCount(9);
    await pickTemplate(page, '1+7');
    await expect(page.locator('.wall .tile')).toHaveCount(8);

    // "Tambah" / "Add": one menu for the four ways in, reached and used from the keyboard.
    const add = page.locator('[data-action="camera-add-menu"]');
    await add.focus();
    await page.keyboard.press('Enter');
    const items = page.getByRole('menuitem');
    await expect(items).toHaveText(
      language === 'id'
        ? ['Tambah kamera', 'Tambah ONVIF', 'Tambah NVR', 'Impor CSV']
        : ['Add camera', 'Add ONVIF', 'Add NVR', 'Import CSV'],
    );
    await expect(items.first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(items).toHaveCount(0);
    await expect(add).toBeFocused();
  });
}

test('the status bar measures the machine live and says how many more tiles fit; the picker marks templates beyond it', async ({
  openWall,
  page,
}) => {
  const { wall } = await openWall();
  await wall.expectLive(['demo-1', 'demo-2', 'demo-3', 'demo-4']);
  const bar = page.locator('[data-control="status-bar"]');
  await expect(bar.locator('[data-figure="machine"]')).toHaveText(/^CPU mesin \d+% \(\d+ inti\)$/);
  await expect(bar.locator('[data-figure="ffmpeg"]')).toHaveText(/^ffmpeg \d+% \(4 proses\)$/);
  // Four demo cameras at 25 fps: the page paints about what they send.
  await expect(bar.locator('[data-figure="pictures"]')).toHaveText(/^gambar \d+\/(9\d|10\d) fps$/);
  const budget = bar.locator('[data-figure="budget"]');
  await expect(budget).toHaveText(/^(Muat ±\d+ petak lagi|Tertinggal: .*)$/);
  const more = Number(await budget.getAttribute('data-more'));
  // A template is marked when its tiles exceed those playing plus the room measured.
  await page.locator('[data-control="template"]').click();
  for (const item of await page.getByRole('menuitemradio').all()) {
    const tiles = await item.locator('svg rect').count();
    const marked = (await item.getAttribute('data-over-budget')) !== null;
    expect(marked, `${await item.getAttribute('data-template')} with ${tiles} tiles, room ${more}`).toBe(
      tiles > 4 + more,
    );
  }
});

test('axe-core finds no serious accessibility violation on the wall, the health and evidence drawers, and the add-camera dialog', async ({
  openWall,
  page,
}) => {
  const { wall } = await openWall();
  await wall.expectLive(['demo-1']);
  await expectNoSeriousViolations(page, 'the wall');
  await page.locator('[data-panel-button="health"]').click();
  await expectNoSeriousViolations(page, 'the health drawer');
  await page.locator('[data-panel-button="evidence"]').click();
  await expectNoSeriousViolations(page, 'the evidence drawer');
  await page.locator('[data-panel-button="evidence"]').click();
  await page.locator('[data-action="camera-add-menu"]').click();
  await page.locator('[data-action="camera-add"]').click();
  await expectNoSeriousViolations(page, 'the add-camera dialog');
});

test.describe('the wall at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });
  test('1, 4×4 and 1+7, with and without the health drawer: the drawer never reshapes the tiles', async ({
    openWall,
    page,
  }, testInfo) => {
    const { wall } = await openWall();
    await wall.expectLive(['demo-1']);
    for (const shape of ['1', '4x4', '1+7']) {
      await pickTemplate(page, shape);
      await wall.expectLive(['demo-1']);
      const rects = () =>
        page.locator('.wall .tile').evaluateAll((all) => all.map((t) => t.getBoundingClientRect().toJSON()));
      const before = await rects();
      const name = shape.replace('+', 'plus');
      await screenshot(page, testInfo, `wall-${name}-1920x1080`);
      await page.locator('[data-panel-button="health"]').click();
      await expect(page.locator('.health-panel')).toBeVisible();
      expect(await rects()).toEqual(before);
      await screenshot(page, testInfo, `wall-${name}-health-1920x1080`);
      await page.locator('[data-panel-button="health"]').click();
    }
  });
});

test('settings: tile text for two metres, language and picture path in one dialog, kept by the core; wall-only hides the chrome and W brings it back; states carry a shape as well as a colour', async ({
  openWall,
  page,
}, testInfo) => {
  const { wall, host } = await openWall();
  await wall.expectLive(['demo-1']);
  const badge = wall.tile('demo-1').locator('.tile-state');
  // Never colour alone: the badge has its shape and its word.
  await expect(badge.locator('svg.state-icon')).toHaveCount(1);
  await expect(badge).toHaveText('Langsung');
  const title = wall.tile('demo-1').locator('.tile-name');
  await expect(title).toHaveCSS('font-size', '14px');

  await page.getByRole('button', { name: 'Pengaturan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pengaturan' });
  await dialog.locator('[data-control="settings-tile-text"]').selectOption('large');
  await expect(title).toHaveCSS('font-size', '20px');
  await dialog.locator('[data-control="settings-language"]').selectOption('en');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await expect(badge).toHaveText('Live');
  await screenshot(page, testInfo, 'settings-1280x760-en');
  await page.locator('[data-action="settings-close"]').click();
  // Remembered on this machine: a reload keeps both.
  await page.reload();
  await expect(wall.tile('demo-1').locator('.tile-name')).toHaveCSS('font-size', '20px');
  await expect(wall.tile('demo-1').locator('.tile-state')).toHaveText('Live');

  // Kept by the core beside the layouts: another browser (no storage of its own) opens the same way.
  const other = await page
    .context()
    .browser()!
    .newContext({ viewport: { width: 1280, height: 760 } });
  const elsewhere = await other.newPage();
  await elsewhere.goto(host.url);
  await expect(elsewhere.locator('.tile[data-camera-id="demo-1"] .tile-name')).toHaveCSS('font-size', '20px');
  await expect(elsewhere.locator('.tile[data-camera-id="demo-1"] .tile-state')).toHaveText('Live');
  await elsewhere.goto('about:blank');
  await other.close();

  await page.getByRole('button', { name: 'Wall only (W)' }).click();
  await expect(page.locator('header.toolbar')).toHaveCount(0);
  await expect(page.locator('[data-control="status-bar"]')).toHaveCount(0);
  await expect(page.locator('.camera-list')).toHaveCount(0);
  await wall.expectLive(['demo-1']);
  await screenshot(page, testInfo, 'wall-only-1280x760-en');
  await page.keyboard.press('w');
  await expect(page.locator('header.toolbar')).toBeVisible();
});

test('the camera pane collapses and resizes, by mouse or keyboard, and this window remembers it', async ({
  openWall,
  page,
}) => {
  await openWall();
  const pane = page.locator('[data-control="camera-pane"]');
  const wallWidth = () => page.locator('.wall').evaluate((w) => w.getBoundingClientRect().width);
  const paneWidth = () => pane.evaluate((p) => p.getBoundingClientRect().width);
  expect(await paneWidth()).toBe(240);

  const edge = page.getByRole('separator', { name: 'Lebar panel kamera (panah kiri/kanan)' });
  await edge.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await paneWidth()).toBe(272);
  const box = (await edge.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + 100, box.y + 200, { steps: 5 });
  await page.mouse.up();
  expect(Math.abs((await paneWidth()) - 369)).toBeLessThanOrEqual(4);

  const before = await wallWidth();
  await page.getByRole('button', { name: 'Ciutkan panel kamera' }).click();
  await expect(pane).toHaveAttribute('data-collapsed', 'true');
  expect(await wallWidth()).toBeGreaterThan(before + 250);
  await page.reload();
  await expect(page.locator('[data-control="camera-pane"]')).toHaveAttribute('data-collapsed', 'true');
  await page.getByRole('button', { name: 'Buka panel kamera' }).click();
  expect(Math.abs((await paneWidth()) - 369)).toBeLessThanOrEqual(4);
});

test('keyboard only: Tab walks the toolbar with a visible focus ring on every control', async ({ openWall, page }) => {
  await openWall();
  await page.locator('body').focus();
  const seen = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName,
        inToolbar: !!el.closest('header.toolbar'),
        ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1,
      };
    });
    if (!focused || !focused.inToolbar) continue;
    expect(focused.ring, `focus ring on ${focused.name}`).toBe(true);
    seen.add(focused.name);
  }
  // Every button of the toolbar was reached from the keyboard.
  for (const name of ['Templat', 'Simpan', 'Tur', 'Bukti', 'Kesehatan', 'Pengaturan']) expect(seen).toContain(name);
});
