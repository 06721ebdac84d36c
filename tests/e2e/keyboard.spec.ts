/** The wall from the keyboard, in Bahasa Indonesia. */
import { expect, test } from './fixtures';
import { pickTemplate } from './pages/wall-page';

test('digits, arrows, Enter, Esc, Delete, / and ? work the wall; Ctrl+1 opens the first saved layout', async ({
  openWall,
  page,
}) => {
  await openWall();
  const tile = (i: number) => page.locator(`.wall .tile[data-tile-index="${i}"]`);
  await expect(tile(0)).toHaveAttribute('data-state', 'live');

  await page.keyboard.press('2');
  await expect(tile(1)).toHaveClass(/tile-selected/);
  await page.keyboard.press('ArrowDown');
  await expect(tile(3)).toHaveClass(/tile-selected/);
  await page.keyboard.press('ArrowLeft');
  await expect(tile(2)).toHaveClass(/tile-selected/);
  await page.keyboard.press('Enter');
  await expect(tile(2)).toHaveClass(/tile-maximized/);
  await page.keyboard.press('Escape');
  await expect(tile(2)).not.toHaveClass(/tile-maximized/);

  await page.keyboard.press('Delete');
  await expect(tile(2)).toHaveAttribute('data-state', 'empty');
  await page.keyboard.press('/');
  await expect(page.locator('[data-control="camera-search"]')).toBeFocused();
  await page.keyboard.type('lawang');
  await expect(page.locator('.camera-list [data-camera]')).toHaveCount(1);
  await page.keyboard.press('Enter'); // the first match goes into the selected tile
  await expect(tile(2)).toHaveAttribute('data-camera-id', 'demo-3');
  await expect(tile(2)).toHaveAttribute('data-state', 'live');

  await page.locator('[data-action="layout-save-as"]').click();
  await page.fill('[data-control="layout-name"]', 'Satu');
  await page.keyboard.press('Enter');
  await pickTemplate(page, '1');
  await page.locator('.wall').click();
  await page.keyboard.press('Control+1');
  await expect(page.locator('.wall')).toHaveAttribute('data-layout', '2x2');

  await page.keyboard.press('?');
  await expect(page.locator('[data-control="shortcuts"]')).toContainText('Pintasan papan ketik');
  await expect(page.locator('[data-control="shortcuts"]')).toContainText('Perbesar petak terpilih');
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-control="shortcuts"]')).toHaveCount(0);
});

test("a tile's buttons are reachable by Tab, shown on focus and on the selected tile, and drawn as icons we ship", async ({
  openWall,
  page,
}) => {
  await openWall();
  const tile = page.locator('.wall .tile[data-tile-index="0"]');
  await expect(tile).toHaveAttribute('data-state', 'live');
  const snapshot = tile.locator('[data-action="snapshot"]');
  await expect(snapshot).toHaveCSS('opacity', '0');
  // Selected (a click, or a tap on a touch desk): its buttons show without hovering.
  await page.keyboard.press('1');
  await page.mouse.move(0, 0);
  await expect(snapshot).toHaveCSS('opacity', '1');
  // From the tile, Tab reaches its buttons in turn.
  await tile.focus();
  await page.keyboard.press('Tab');
  await expect(tile.getByRole('button', { name: 'Tetap laju penuh' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(snapshot).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(tile.getByRole('button', { name: 'Kosongkan petak' })).toBeFocused();
  // An SVG icon, not a font glyph that Debian's fonts lack.
  await expect(snapshot.locator('svg.icon')).toHaveCount(1);
  await expect(snapshot).toHaveText('');
});

test('a search with no result says so and how to leave it; Esc clears it', async ({ openWall, page }) => {
  await openWall();
  // The list first: a '/' pressed before it is there can find no search box to focus (seen in CI).
  await expect(page.locator('.camera-list [data-camera]')).toHaveCount(4);
  await page.keyboard.press('/');
  await expect(page.locator('[data-control="camera-search"]')).toBeFocused();
  await page.keyboard.type('zzz');
  await expect(page.locator('[data-control="cameras-empty"]')).toHaveText(
    'Tidak ada kamera yang cocok dengan «zzz». Pencarian melihat nama, wilayah dan kode; Esc untuk menghapus.',
  );
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-control="camera-search"]')).toHaveValue('');
  await expect(page.locator('[data-control="cameras-empty"]')).toHaveCount(0);
  await expect(page.locator('.camera-list [data-camera]')).toHaveCount(4);
});
