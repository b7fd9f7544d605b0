import { expect, type Page } from "@playwright/test";

/** Full-page screenshots at desktop (1280 px) and phone (390 px) widths,
 * saved under test-results/screenshots/ for review. At each width the page
 * must not scroll sideways: a wide element fails the test and is named. */
export async function screenshots(page: Page, name: string) {
  const original = page.viewportSize();
  for (const [label, width, height] of [
    ["desktop", 1280, 800],
    ["phone", 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    const overflow = await page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth <= w + 1) return null;
      const clipped = (el: Element) => {
        for (let p = el.parentElement; p; p = p.parentElement) {
          const o = getComputedStyle(p).overflowX;
          if (o === "auto" || o === "hidden" || o === "scroll" || o === "clip") return true;
        }
        return false;
      };
      const wide = [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > w + 1 && !clipped(el))
        .slice(0, 5)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${(el.getAttribute("class") ?? "").split(" ").slice(0, 4).join(".")} (${Math.round(el.getBoundingClientRect().right)}px)`,
        );
      return { scrollWidth: document.documentElement.scrollWidth, wide };
    });
    expect(overflow, `${name} scrolls sideways at ${width}px`).toBeNull();
    // A figure cut off with "…" (or spilling out of its tile) hides digits.
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll(".tabular")]
        .filter(
          (el) =>
            el instanceof HTMLElement &&
            el.offsetParent !== null &&
            el.scrollWidth > el.clientWidth + 1 &&
            getComputedStyle(el).display !== "inline",
        )
        .slice(0, 5)
        .map((el) => `${el.getAttribute("data-testid") ?? el.tagName.toLowerCase()}: ${el.textContent}`),
    );
    expect(cut, `${name}: figures cut off at ${width}px`).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/${name}-${label}.png`, fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}
