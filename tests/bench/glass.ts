/**
 * Glass-to-glass latency read off screenshots of the page, the way an operator
 * would see it, whatever paints the tile (JSMpeg on the page's thread or in a
 * worker, WebCodecs in a worker).
 *
 * The page paints its own clock in a corner (24 bits of milliseconds, as the
 * camera fixture burns into its pictures, tests/fixtures/rtsp-server.py
 * --timecode). One screenshot holds both clocks in the same composited frame,
 * so the difference is the latency with no guess about how long the capture
 * took. The page's clock is painted by its main thread at each animation
 * frame: a thread too busy to paint would show an old time and read short,
 * so each reading also says how old the clock was when the screenshot returned
 * (`clockAgeMs`): a few tens of ms on a page that paints every frame.
 */
import type { Page } from '@playwright/test';
import { brightnessAt, decodePng, type RgbFrame } from '../fixtures/picture';
import { pictureBoxes, type ScreenBox } from '../fixtures/replay-clip';

const BITS = 24;
const MODULUS = 2 ** BITS;
/** The page clock's blocks, in CSS pixels, along the top-left corner. */
const CLOCK_BLOCK = 6;

export interface GlassReading {
  /** One per tile whose timecode could be read. */
  latenciesMs: number[];
  /** Screenshot returned − the page's clock in it. */
  clockAgeMs: number;
}

/** Adds the page's own clock (idempotent: a reload or a second call keeps one). */
export async function installGlassClock(page: Page): Promise<void> {
  // A string, not a function: tsx would wrap the inner function in a helper the page lacks.
  await page.evaluate(`(() => {
    if (document.getElementById('bench-glass-clock')) return;
    const bits = ${BITS}, block = ${CLOCK_BLOCK};
    const canvas = document.createElement('canvas');
    canvas.id = 'bench-glass-clock';
    canvas.width = bits * block;
    canvas.height = block;
    Object.assign(canvas.style, { position: 'fixed', left: '0', top: '0', width: bits * block + 'px',
      height: block + 'px', zIndex: '2147483647', pointerEvents: 'none' });
    document.body.append(canvas);
    const context = canvas.getContext('2d');
    const paint = () => {
      const ms = Date.now() % 2 ** bits;
      for (let i = 0; i < bits; i++) {
        context.fillStyle = (ms >> (bits - 1 - i)) & 1 ? '#fff' : '#000';
        context.fillRect(i * block, 0, block, block);
      }
      requestAnimationFrame(paint);
    };
    paint();
  })()`);
}

/** BITS black-or-white blocks, most significant first, read at `centre(i)` (screenshot pixels). */
function bitsAt(frame: RgbFrame, centre: (i: number) => { x: number; y: number }): number {
  let ms = 0;
  for (let i = 0; i < BITS; i++) {
    const { x, y } = centre(i);
    ms = ms * 2 + (brightnessAt(frame, x, y) > 128 ? 1 : 0);
  }
  return ms;
}

/** The page's own clock, along the top-left corner. */
const pageClock = (frame: RgbFrame) => bitsAt(frame, (i) => ({ x: (i + 0.5) * CLOCK_BLOCK, y: CLOCK_BLOCK / 2 }));

/** The camera's timecode: block i centred at x = (i + 1.5) / 40 of the picture's width, y = 1.5 / 40. */
function timecode(frame: RgbFrame, box: ScreenBox): number {
  const block = box.width / 40;
  return bitsAt(frame, (i) => ({ x: box.left + (i + 1.5) * block, y: box.top + 1.5 * block }));
}

const since = (later: number, earlier: number) => (((later - earlier) % MODULUS) + MODULUS) % MODULUS;

/** One screenshot: every tile's latency against the page's clock in the same frame. */
export async function readGlass(page: Page, tiles: number): Promise<GlassReading> {
  const boxes = (await pictureBoxes(page)).slice(0, tiles);
  const png = await page.screenshot({ scale: 'css' });
  const returned = Date.now() % MODULUS;
  const frame = decodePng(png);
  const clock = pageClock(frame);
  const latenciesMs = boxes
    .map((box) => since(clock, timecode(frame, box)))
    // A tile without a picture, or blocks too small to read, gives noise: a latency over 10 s is not one.
    .filter((ms) => ms < 10_000);
  return { latenciesMs, clockAgeMs: since(returned, clock) };
}

/** Readings for `seconds`, one screenshot every `everyMs` (a screenshot costs the browser too). */
export async function sampleGlass(page: Page, tiles: number, seconds: number, everyMs = 1000): Promise<GlassReading[]> {
  const readings: GlassReading[] = [];
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const started = Date.now();
    readings.push(await readGlass(page, tiles));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - (Date.now() - started))));
  }
  return readings;
}
