/**
 * The first hour (issue #22), as a new operator meets it on a 1366×768 laptop
 * and a 1920×1080 workstation, in Bahasa Indonesia and in English, against
 * the browser host with real cameras: the demo, unreachable addresses, a GStreamer
 * camera with two profiles, and a web server on the wrong port (the host's own).
 */
import type { Locator, Page } from '@playwright/test';
import { newDataDir, startHost } from '../fixtures/host';
import { expect, test } from './fixtures';
import { screenshot } from './pages/screenshots';
import { pickTemplate } from './pages/wall-page';

const sizes = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
type Language = 'id' | 'en';

/** What the operator must read, written out here (not taken from the catalogue the page uses). */
const words = {
  id: {
    unreachable: 'Kamera tidak dapat dijangkau',
    required: 'wajib diisi',
    idCharacters: 'hanya huruf, angka',
    csvRow: 'Baris 3, kolom URL Utama: bukan alamat rtsp:// atau rtsps://',
    csvDuplicate: 'Baris 4, kolom Kode: kode ini sudah dipakai baris sebelumnya',
    http: 'Alamat ini menjawab sebagai server web (HTTP), bukan RTSP',
    noLayouts: 'Belum ada tata letak tersimpan',
    tourNeedsLayouts: 'Simpan tata letak dulu untuk membuat tur.',
    tourHow: 'Centang yang ditampilkan bergiliran',
    tourStatus: /^Tur 1\/2 · Pagi · berikutnya \d+ dtk$/,
    tourPaused: 'Tur 1/2 · Pagi · dijeda',
    evidenceEmpty: 'Belum ada bukti.',
    searchEmpty: 'Tidak ada kamera yang cocok dengan «zzz»',
    deleteAsk: 'Hapus tata letak «Malam»? Ini tidak dapat dibatalkan.',
    demo: '4 kamera demo ditampilkan',
    reconnecting: 'Sambungan ke Pantau terputus — menyambung ulang…',
    emptyTile: 'Kosongkan petak',
    dropHere: 'Seret kamera ke sini',
    saved: 'Gambar disimpan',
    intact: 'utuh: cocok dengan SHA-256',
    save: 'Simpan',
  },
  en: {
    unreachable: 'Camera unreachable',
    required: 'is required',
    idCharacters: 'only letters, digits',
    csvRow: 'Line 3, column URL Utama: is not an rtsp:// or rtsps:// address',
    csvDuplicate: 'Line 4, column Kode: this id is already used by an earlier row',
    http: 'This address answers as a web server (HTTP), not RTSP',
    noLayouts: 'No saved layouts yet',
    tourNeedsLayouts: 'Save layouts first to build a tour.',
    tourHow: 'Tick what is shown in turn',
    tourStatus: /^Tour 1\/2 · Pagi · next in \d+ s$/,
    tourPaused: 'Tour 1/2 · Pagi · paused',
    evidenceEmpty: 'No evidence yet.',
    searchEmpty: 'No camera matches “zzz”',
    deleteAsk: 'Delete the layout “Malam”? This cannot be undone.',
    demo: '4 demo cameras are shown',
    reconnecting: 'Connection to Pantau lost — reconnecting…',
    emptyTile: 'Clear tile',
    dropHere: 'Drag a camera here',
    saved: 'Snapshot saved',
    intact: 'intact: matches its SHA-256',
    save: 'Save',
  },
} as const;

/** Fails unless the element lies wholly inside the window (nothing cut off at the right or bottom). */
async function expectOnScreen(page: Page, element: Locator, what: string): Promise<void> {
  const box = (await element.boundingBox())!;
  const view = page.viewportSize()!;
  expect(box, `${what} is drawn`).not.toBeNull();
  expect(box.x, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what} ends inside the window's ${view.width} px`).toBeLessThanOrEqual(view.width + 0.5);
  expect(box.y + box.height, `${what} ends above the window's bottom`).toBeLessThanOrEqual(view.height + 0.5);
}

const unreachable = (id: string, name: string) => ({
  id,
  name,
  group: 'Kota Semarang/Genuk',
  // Port 9 on loopback: nothing listens, the connection is refused at once.
  streams: [{ profile: 'main', url: `rtsp://127.0.0.1:9/${id}` }],
});

for (const size of sizes) {
  for (const language of ['id', 'en'] as const) {
    const say = words[language];
    const tag = `${size.width}x${size.height}-${language}`;
    // The longer walks run at two of the four sizes × languages (1366×768 in id, 1920×1080 in en):
    // CI's 20 minutes are shared; each size and each language is still seen, and the health drawer's
    // fit (where size and the words' length meet) is checked at every combination.
    const diagonal = (size.width === 1366) === (language === 'id');

    test.describe(`first hour at ${size.width}×${size.height} in ${language}`, () => {
      test.use({ viewport: size });
      test.beforeEach(async ({ page }) => {
        // Runs in every document, about:blank included (which has no storage).
        await page.addInitScript((lang: Language) => {
          if (location.protocol === 'http:') localStorage.setItem('pantau.language', lang);
        }, language);
      });

      test('the health drawer fits the screen, says each failure in words with the detail on expand, and leaves the tiles as they were', async ({
        openWall,
        page,
      }, testInfo) => {
        await openWall({
          cameras: [
            unreachable('gudang-kpu-genuk', 'Gudang Logistik KPU Kecamatan Genuk'),
            unreachable('terboyo', 'Terminal Terboyo Pintu Utara'),
            unreachable('kaligawe', 'Jalan Kaligawe Raya KM 5'),
            unreachable('banjir-kanal', 'Pintu Air Banjir Kanal Timur'),
          ],
        });
        const tiles = page.locator('.wall .tile');
        await expect(page.locator('.wall .tile[data-camera-id]')).toHaveCount(4);
        // Laid out, and the same in two readings running: CI twice measured four empty boxes just
        // after the tiles had measured whole (not seen here; see the closing note of 2026-12-02).
        const rects = () => tiles.evaluateAll((all) => all.map((t) => t.getBoundingClientRect().toJSON() as DOMRect));
        let before: DOMRect[] = [];
        await expect
          .poll(async () => {
            const now = await rects();
            const steady =
              now.every((r) => r.width > 100 && r.height > 100) && JSON.stringify(now) === JSON.stringify(before);
            before = now;
            return steady;
          })
          .toBe(true);

        await page.locator('[data-panel-button="health"]').click();
        const drawer = page.locator('.health-panel');
        const problems = drawer.locator('td.col-error details');
        await expect(problems).toHaveCount(4);
        await expect(problems.locator('summary')).toHaveText(Array(4).fill(say.unreachable));
        await expectOnScreen(page, drawer, 'the health drawer');
        // The table fits its drawer: no column cut off, no sideways scrolling.
        await expectOnScreen(page, drawer.locator('.health-table'), 'the health table');
        expect(await drawer.evaluate((d) => d.scrollWidth - d.clientWidth)).toBe(0);
        for (const cell of await drawer.locator('td.col-error').all())
          await expectOnScreen(page, cell, 'a problem cell');

        // The detail (what the connection said) opens under the words, still on screen.
        await problems.first().locator('summary').click();
        const detail = problems.first().locator('.health-error-detail');
        await expect(detail).toBeVisible();
        await expect(detail).not.toBeEmpty();
        await expectOnScreen(page, detail, 'the failure detail');

        // A drawer lies over the wall: no tile changed its size or place.
        expect(await rects()).toEqual(before);
        await screenshot(page, testInfo, `health-drawer-${tag}`);
      });

      if (diagonal) {
        test('empty places say what they are and what to do; the tour shows its step, its name and the time to the next; deleting a layout names it', async ({
          openWall,
          page,
        }, testInfo) => {
          await openWall({ cameras: [unreachable('a', 'Pos A'), unreachable('b', 'Pos B')] });

          await page.keyboard.press('/');
          await page.keyboard.type('zzz');
          await expect(page.locator('[data-control="cameras-empty"]')).toContainText(say.searchEmpty);
          await page.keyboard.press('Escape');

          await expect(page.locator('[data-control="layouts-empty"]')).toHaveText(new RegExp(`^${say.noLayouts}`));
          await page.locator('[data-panel-button="evidence"]').click();
          await expect(page.locator('[data-control="evidence-empty"]')).toContainText(say.evidenceEmpty);
          await expectOnScreen(page, page.locator('[data-control="evidence-drawer"]'), 'the evidence drawer');
          await screenshot(page, testInfo, `evidence-empty-${tag}`);
          await page.locator('[data-panel-button="evidence"]').click();

          await page.locator('[data-action="tour-edit"]').click();
          await expect(page.locator('[data-control="tour-empty"]')).toHaveText(say.tourNeedsLayouts);
          await page.keyboard.press('Escape');
          await page.locator('[data-control="tour-editor"] button').last().click();

          for (const name of ['Pagi', 'Malam']) {
            await page.locator('[data-action="layout-save-as"]').click();
            await page.fill('[data-control="layout-name"]', name);
            await page.keyboard.press('Enter');
            await expect(page.locator('[data-control="layout"] option:checked')).toHaveText(name);
          }
          await expect(page.locator('[data-control="layouts-empty"]')).toHaveCount(0);

          await page.locator('[data-action="tour-edit"]').click();
          await expect(page.locator('[data-control="tour-how"]')).toContainText(say.tourHow);
          for (const box of await page.locator('[data-tour-layout]').all()) await box.check();
          await page.locator('[data-action="tour-start"]').click();
          const status = page.locator('[data-control="tour-status"]');
          await expect(status).toHaveText(say.tourStatus);
          const left = async () => Number(/(\d+)/.exec((await status.textContent())!.split('·')[2]!)![1]);
          const first = await left();
          expect(first, 'a fresh step counts down from its dwell, never from 0').toBeGreaterThan(0);
          await expect.poll(left, { timeout: 5000 }).toBeLessThan(first);
          await expectOnScreen(page, status, 'the tour status');
          await screenshot(page, testInfo, `tour-status-${tag}`);
          await page.locator('[data-action="tour-pause"]').click();
          await expect(status).toHaveText(say.tourPaused);
          await page.locator('[data-action="tour-stop"]').click();

          await page.locator('[data-control="layout"]').selectOption({ label: 'Malam' });
          await page.locator('[data-action="layout-delete"]').click();
          await expect(page.locator('.layout-bar [role="group"]')).toContainText(say.deleteAsk);
        });

        test('adding cameras: empty and malformed fields and bad CSV rows in our words, and a web port called HTTP', async ({
          openWall,
          page,
        }, testInfo) => {
          const { host } = await openWall({ cameras: [unreachable('a', 'Pos A')] });
          await page.locator('[data-action="camera-add-menu"]').click();
          await page.locator('[data-action="camera-add"]').click();
          await page.locator('[data-action="camera-save"]').click();
          const dialog = page.getByRole('dialog');
          await expect(dialog.locator('.field-problem')).toHaveText([say.required, say.required, say.required]);
          await expect(page.locator('[data-control="camera-id"]')).toBeFocused();
          await expect(page.locator('[data-control="camera-id"]')).toHaveAttribute('aria-invalid', 'true');
          await page.fill('[data-control="camera-id"]', 'pos 1');
          await page.fill('[data-control="camera-name"]', 'Pos 1');
          await page.fill('[data-control="camera-main"]', `rtsp://127.0.0.1:${host.port}/`);
          await page.locator('[data-action="camera-save"]').click();
          await expect(dialog.locator('.field-problem')).toHaveCount(1);
          await expect(dialog.locator('.field-problem')).toContainText(say.idCharacters);
          await page.locator('[data-action="camera-probe"]').click();
          await expect(page.locator('[data-control="probe-result"]')).toContainText(say.http);
          await expectOnScreen(page, dialog, 'the add-camera dialog');
          await screenshot(page, testInfo, `add-camera-${tag}`);
          await page.keyboard.press('Escape');

          await page.locator('[data-control="csv-file"]').setInputFiles({
            name: 'kamera.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from(
              'Kode;Nama;URL Utama\npos-2;Pos 2;rtsp://10.0.0.2/1\npos-3;Pos 3;http://10.0.0.3/\npos-2;Pos 2 lagi;rtsp://10.0.0.4/1\n',
            ),
          });
          const report = page.locator('[data-control="csv-report"]');
          await expect(report.locator('.csv-rejected li')).toHaveText([say.csvRow, say.csvDuplicate]);
          await expectOnScreen(page, report.locator('.editor'), 'the import report');
          await screenshot(page, testInfo, `csv-report-${tag}`);
        });
      }

      if (diagonal)
        test('the demo wall: marked as a demo and kept beside a first own camera; tile buttons by Tab; a change of tile size is no reconnect; a restart keeps the tab', async ({
          openWall,
          startCameras,
          page,
          consoleErrors,
        }, testInfo) => {
          // Small pictures: this test shares two cores with four demo encoders and the browser.
          const camera = await startCameras([
            { name: 'main', width: 640, height: 360 },
            { name: 'sub', width: 320, height: 180 },
          ]);
          const dataDir = newDataDir();
          const { wall, host } = await openWall({ dataDir });
          await expect(page.locator('[data-control="demo-notice"]')).toContainText(say.demo);
          await wall.expectLive(['demo-1']);

          await page.locator('[data-action="camera-add-menu"]').click();
          await page.locator('[data-action="camera-add"]').click();
          await page.fill('[data-control="camera-id"]', 'simpang');
          await page.fill('[data-control="camera-name"]', 'Simpang Lima');
          await page.fill('[data-control="camera-main"]', camera.url('main'));
          await page.fill('[data-control="camera-sub"]', camera.url('sub'));
          await page.locator('[data-action="camera-save"]').click();
          await expect(page.locator('[data-camera="simpang"]')).toHaveCount(1);
          await expect(page.locator('[data-camera="demo-1"]')).toHaveCount(1);
          await wall.expectLive(['demo-1']);

          // On a 3×3 wall, maximised, and back: the tile changed size twice (a new output size each time).
          await pickTemplate(page, '3x3');
          await page.locator('.wall .tile[data-tile-index="4"]').click();
          await page.locator('[data-camera="simpang"]').click();
          const tile = wall.tile('simpang');
          await expect(tile).toHaveAttribute('data-state', 'live');
          await tile.dblclick();
          await expect(tile).toHaveClass(/tile-maximized/);
          await expect(tile).toHaveAttribute('data-state', 'live');
          await page.keyboard.press('Escape');
          await expect(tile).not.toHaveClass(/tile-maximized/);
          await expect(tile).toHaveAttribute('data-state', 'live');
          await page.locator('[data-panel-button="health"]').click();
          const rows = page.locator('.health-table tr[data-camera-id="simpang"]');
          await expect(rows.first()).toHaveAttribute('data-state', 'live');
          // A change of size is not a failure: no reconnect counted on any of its streams.
          expect(await rows.locator('td.col-reconnects').allTextContents()).toEqual(Array(await rows.count()).fill(''));
          await page.locator('[data-panel-button="health"]').click();

          // Tab from the tile reaches its buttons (a desk's touch screen and keyboard alike).
          await tile.focus();
          await page.keyboard.press('Tab');
          await expect(tile.locator('[data-action="pin"]')).toBeFocused(); // "keep full rate"
          await page.keyboard.press('Tab');
          await expect(tile.locator('[data-action="snapshot"]')).toBeFocused();
          await page.keyboard.press('Enter'); // evidence from the keyboard
          // The first piece of evidence asks who is saving it (typed, Enter), once.
          await expect(page.locator('[data-control="operator-name"]')).toBeFocused();
          await page.keyboard.type('Bripka Sari');
          await page.keyboard.press('Enter');
          await expect(page.locator('[data-notice]')).toContainText(say.saved);
          await tile.locator('[data-action="snapshot"]').focus();
          // Then Record (this test's host keeps no pre-buffer, so there is no "save the last 30 s").
          await page.keyboard.press('Tab');
          await expect(tile.locator('[data-action="record"]')).toBeFocused();
          await page.keyboard.press('Tab');
          await expect(tile.getByRole('button', { name: say.emptyTile })).toBeFocused();
          // An empty tile says what to do with it.
          await expect(page.locator('.wall .tile[data-camera-id=""] .tile-empty').first()).toHaveText(say.dropHere);
          await screenshot(page, testInfo, `demo-wall-${tag}`);
          // "Bukti" shows the snapshot just taken: its picture, camera, and that it matches its hash.
          await page.locator('[data-panel-button="evidence"]').click();
          const item = page.locator('[data-control="evidence-drawer"] .evidence-list li').first();
          await expect(item).toContainText('Simpang Lima');
          await expect(item).toContainText(say.intact);
          await expect(item.locator('img')).toBeVisible();
          await screenshot(page, testInfo, `evidence-list-${tag}`);
          await page.locator('[data-panel-button="evidence"]').click();

          // The host restarts with the same link: the tab comes back by itself.
          expect(await host.stop('SIGTERM')).toBe(0);
          const banner = page.locator('.banner[role="alert"]:not([data-notice])');
          await expect(banner).toHaveText(say.reconnecting);
          const again = await startHost(['--data-dir', dataDir, '--port', String(host.port)]);
          try {
            await expect(banner).toBeHidden({ timeout: 15_000 });
            await wall.expectLive(['demo-1', 'simpang']);
          } finally {
            await page.goto('about:blank');
            expect(await again.stop('SIGTERM')).toBe(0);
          }
          const expected = /WebSocket connection to|ERR_CONNECTION_REFUSED|net::ERR_/;
          consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !expected.test(e)));
        });
    });
  }
}
