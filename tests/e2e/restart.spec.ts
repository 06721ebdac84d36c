/**
 * A tab left open while the host restarts: with the token kept in the data
 * folder it reconnects by itself and the wall plays again; after
 * `--new-token` it says in words that its link no longer opens the wall.
 */
import { newDataDir, startHost } from '../fixtures/host';
import { expect, test } from './fixtures';

test('a restarted host keeps the open tab working; a renewed token tells the tab why it cannot', async ({
  openWall,
  consoleErrors,
}) => {
  const dataDir = newDataDir();
  const { wall, host } = await openWall({ dataDir });
  await wall.expectLive(['demo-1']);
  const banner = wall.page.getByRole('alert');

  expect(await host.stop('SIGTERM')).toBe(0);
  await expect(banner).toHaveText('Sambungan ke Pantau terputus — menyambung ulang…');
  const again = await startHost(['--data-dir', dataDir, '--port', String(host.port)]);
  try {
    await expect(banner).toBeHidden({ timeout: 15_000 });
    await wall.expectLive(['demo-1']);
  } finally {
    expect(await again.stop('SIGTERM')).toBe(0);
  }

  const renewed = await startHost(['--data-dir', dataDir, '--port', String(host.port), '--new-token']);
  try {
    await expect(banner).toContainText('Tautan ini tidak lagi membuka dinding', { timeout: 15_000 });
  } finally {
    await wall.page.goto('about:blank');
    expect(await renewed.stop('SIGTERM')).toBe(0);
  }
  // What the browser itself logs while the host is down or refuses the link is expected here;
  // anything else still fails the test.
  const expected = /WebSocket connection to|ERR_CONNECTION_REFUSED|status of 401|net::ERR_/;
  const unexpected = consoleErrors.filter((error) => !expected.test(error));
  consoleErrors.splice(0, consoleErrors.length, ...unexpected);
});
