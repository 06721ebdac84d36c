import { expect, type Locator, type Page } from '@playwright/test';
import { decodePng, fittedBox, type PictureBox, type RgbFrame } from '../../fixtures/picture';

/** A compact signature of a tile's current picture, read off a screenshot of its canvas. */
export interface PixelSample {
  width: number;
  height: number;
  /** Sum over a grid of sampled pixels: changes when the picture changes. */
  checksum: number;
  /** Distinct sampled colours (coarse): a blank or single-colour canvas has 1. */
  colours: number;
}

export class WallPage {
  readonly tiles: Locator;

  constructor(readonly page: Page) {
    this.tiles = page.locator('.tile');
  }

  tile(cameraId: string): Locator {
    return this.page.locator(`.tile[data-camera-id="${cameraId}"]`);
  }

  async expectLive(cameraIds: string[]): Promise<void> {
    for (const id of cameraIds) await expect(this.tile(id)).toHaveAttribute('data-state', 'live');
  }

  /**
   * The tile's picture as painted on the page (a screenshot of its canvas), so
   * it reads JSMpeg's canvas and the native path's worker-owned one alike.
   */
  async sample(cameraId: string): Promise<PixelSample> {
    const frame = await this.painted(cameraId);
    const { width, height, data } = frame;
    let checksum = 0;
    const colours = new Set<number>();
    for (let y = 0; y < height; y += 7) {
      for (let x = 0; x < width; x += 7) {
        const i = (y * width + x) * 3;
        checksum = (checksum + data[i]! * 3 + data[i + 1]! * 5 + data[i + 2]! * 7 + x * y) % 2147483647;
        colours.add(((data[i]! >> 5) << 6) | ((data[i + 1]! >> 5) << 3) | (data[i + 2]! >> 5));
      }
    }
    return { width, height, checksum, colours: colours.size };
  }

  /** What a person sees of the tile's picture: a screenshot of the canvas as painted on the page. */
  async painted(cameraId: string): Promise<RgbFrame> {
    return decodePng(await this.tile(cameraId).locator('canvas').screenshot());
  }

  /**
   * Where a camera picture of aspect `camera` should appear in the painted
   * canvas: the stream (`stream` aspect, letterboxed by the core) fitted into
   * the canvas element (object-fit: contain).
   */
  static pictureBox(frame: RgbFrame, camera: number, stream = 16 / 9): PictureBox {
    const outer = fittedBox(stream, frame.width / frame.height);
    const inner = fittedBox(camera, stream);
    return {
      left: outer.left + inner.left * outer.width,
      width: inner.width * outer.width,
      top: outer.top + inner.top * outer.height,
      height: inner.height * outer.height,
    };
  }

  /** Fails unless the tile shows a real picture that changes within `withinMs`. */
  async expectMoving(cameraId: string, withinMs = 5000): Promise<void> {
    const before = await this.sample(cameraId);
    expect(before.width, `${cameraId} canvas is on screen`).toBeGreaterThan(16);
    expect(before.colours, `${cameraId} canvas is not blank`).toBeGreaterThan(4);
    await expect
      .poll(async () => (await this.sample(cameraId)).checksum, {
        timeout: withinMs,
        message: `${cameraId} picture changes`,
      })
      .not.toBe(before.checksum);
  }
}

/** Picks a wall template the way an operator does: the layout picker, then the shape. */
export async function pickTemplate(page: Page, id: string): Promise<void> {
  await page.locator('[data-control="template"]').click();
  await page.locator(`[role="menuitemradio"][data-template="${id}"]`).click();
  await expect(page.locator('[data-control="template"]')).toHaveAttribute('data-template', id);
}
