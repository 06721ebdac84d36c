/**
 * How long the wall takes to answer a click: from the pointer going down to
 * the animation frame after the clicked tile shows itself selected. The
 * page's own thread has to run for that, so it says what a busy wall leaves
 * the operator (issue #13: input-to-paint p95 < 100 ms with the wall full).
 */
import type { Page } from '@playwright/test';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Clicks tiles and times each click to the frame that shows a tile newly selected. */
export async function inputToPaint(page: Page, tiles: number): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as any;
    w.__clickTimes = [];
    // Once per page: a second call only starts a new list.
    if (w.__clickWatched) return;
    w.__clickWatched = true;
    let downAt: number | undefined;
    addEventListener('pointerdown', (event) => void (downAt = event.timeStamp), true);
    new MutationObserver((records) => {
      if (downAt === undefined) return;
      if (!records.some((r) => (r.target as Element).classList.contains('tile-selected'))) return;
      const from = downAt;
      downAt = undefined;
      requestAnimationFrame(() => w.__clickTimes.push(performance.now() - from));
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'] });
  });
  // Where to click, found once: a saturated page answers slowly, and Playwright's own checks
  // before a click (visible, stable, hit target) would time out instead of measuring that.
  const spots = await page
    .locator('.tile')
    .evaluateAll((tiles) =>
      tiles.map((t) => t.getBoundingClientRect()).map((r) => ({ x: r.left + 30, y: r.top + 60 })),
    );
  for (let i = 0; i < 12; i++) {
    const spot = spots[(i * 7 + 1) % tiles]!;
    // A click the page has not taken within 10 s is left out of the figures (and shows as fewer clicks).
    await Promise.race([page.mouse.click(spot.x, spot.y), sleep(10_000)]);
    await sleep(300);
  }
  return page.evaluate(() => (window as any).__clickTimes as number[]);
}
