/**
 * Access links in the browser (issue #16): the supervisor makes a link for the
 * police from the settings, its address shown once; the police's page lists
 * only the police's cameras and says whose link it is; revoking the link ends
 * that page within seconds, in words.
 */
import { expect, test } from './fixtures';
import { screenshot } from './pages/screenshots';

test('a link for the police shows the police their cameras only, and stops when revoked', async ({
  openWall,
  page,
  browser,
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const cameras = [
    { id: 'polisi-1', name: 'Pos Polisi Simpang Lima', group: 'Polrestabes/Semarang Tengah' },
    { id: 'polisi-2', name: 'Pos Polisi Tugu Muda', group: 'Polrestabes/Semarang Barat' },
    { id: 'dishub-1', name: 'Dishub Kaligawe', group: 'Dishub/Genuk' },
  ].map((c) => ({ ...c, streams: [{ profile: 'main', url: `rtsp://127.0.0.9:9/${c.id}` }] }));
  await openWall({ cameras });

  await page.locator('[data-action="settings"]').click();
  await page.locator('[data-action="settings-access-links"]').click();
  const dialog = page.locator('[data-control="access-links"]');
  await dialog.locator('[data-control="access-name"]').fill('Polrestabes Semarang');
  await dialog.locator('[data-right="ptz"]').check();
  await dialog.locator('[data-control="access-group"]').fill('Polrestabes');
  await dialog.locator('[data-action="access-group-add"]').click();
  await dialog.locator('[data-action="access-create"]').click();
  const address = await dialog.locator('[data-control="access-url"]').inputValue();
  expect(address).toMatch(/\/\?token=[A-Za-z0-9_-]{20,}$/);
  await expect(dialog.locator('[data-control="access-made"]')).toContainText('hanya ditampilkan sekali');
  const row = dialog.locator('[data-control="access-list"] tr');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-state', 'active');
  await expect(row).toContainText('melihat, menggerakkan PTZ');
  await screenshot(page, testInfo, 'access-links-1366x768-id');

  // The police's laptop: their cameras, and whose link it is.
  const police = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const policeErrors: string[] = [];
  police.on('pageerror', (error) => policeErrors.push(error.message));
  await police.goto(address);
  await expect(police.locator('.camera-list [data-camera]')).toHaveCount(2);
  await expect(police.locator('.camera-list [data-camera="dishub-1"]')).toHaveCount(0);
  await expect(police.locator('.toolbar-meta')).toContainText('tautan akses Polrestabes Semarang');
  await expect(police.locator('[data-notice]')).toHaveCount(0);
  // What the link cannot use is not offered: saved walls, tours, the logs, adding cameras, evidence.
  for (const hidden of [
    '[data-panel-button="alarms"]',
    '[data-panel-button="fleet"]',
    '[data-panel-button="evidence"]',
  ])
    await expect(police.locator(hidden)).toHaveCount(0);
  await expect(police.locator('[data-control="layout"]')).toHaveCount(0);
  await expect(police.locator('[data-action="camera-add-menu"]')).toHaveCount(0);
  await expect(police.locator('[data-action="camera-edit"]')).toHaveCount(0);
  await expect(police.locator('[data-panel-button="health"]')).toBeVisible();
  await screenshot(police, testInfo, 'access-police-1366x768-id');

  // Revoked: the police's page says so.
  await row.locator('[data-action="access-revoke"]').click();
  await expect(row).toHaveAttribute('data-state', 'revoked');
  await expect(police.locator('.banner[role="alert"]')).toContainText('sudah dicabut atau kedaluwarsa', {
    timeout: 15_000,
  });
  expect(policeErrors).toEqual([]);
  await police.close();
});
