import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';

/**
 * A screenshot of what the operator sees, attached to the test. With
 * PANTAU_SCREENSHOTS=docs/screenshots it is written there (how the committed
 * screens are made); otherwise into the test's output.
 */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const folder = process.env.PANTAU_SCREENSHOTS;
  const file = folder ? path.resolve(folder, `${name}.png`) : testInfo.outputPath(`${name}.png`);
  await testInfo.attach(name, { body: await page.screenshot({ path: file }), contentType: 'image/png' });
}
