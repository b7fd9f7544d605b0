import type { Page } from "@playwright/test";

/** Full-page screenshots at desktop (1280 px) and phone (390 px) widths,
 * saved under test-results/screenshots/ for review. */
export async function screenshots(page: Page, name: string) {
  const original = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `test-results/screenshots/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/screenshots/${name}-phone.png`, fullPage: true });
  if (original) await page.setViewportSize(original);
}
